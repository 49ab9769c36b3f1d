// "Find my registration" and expired links: the same silent answer whatever the address, one email naming the
// address's paid and held orders, throttles per address, client and order shared through Postgres, and the
// renewal of an expired link sending a fresh one to the order's buyer only.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { emailMessages, orderLinks, orders, rateLimits } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { firstOrderLinkExpiry, issueOrderLink, orderLinkExpiry } from '@/lib/links/secret-links';
import { getOrderByToken } from '@/lib/orders/queries';
import {
  ACCESS_LIMITS,
  ACCESS_MAX_ORDERS,
  orderLinkState,
  renewExpiredLink,
  requestAccessLink,
} from '@/lib/self-service/access-links';
import { hashToken, newSecretToken } from '@/lib/tokens';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
const HOUR = 60 * 60_000;
let slugs = 0;

async function fixture() {
  const fx = await buildRegistrationFixture(t.db, { slug: `access${++slugs}` });
  return { ...fx, ctx: { ...fx.ctx, config: testConfig({ AUTH_SECRET: 'access-test-secret-access-test-secret' }) } };
}

async function order(
  fx: Fixture,
  email: string,
  status: 'paid' | 'pending_payment' | 'cancelled' | 'expired' = 'paid',
) {
  const placed = await createOrder(
    fx.ctx,
    fx.event.id,
    registration([attendee(fx.fullPass.id)], { buyer: { name: 'Robin Buyer', email } }),
    { clientKey: null },
  );
  if (status !== 'pending_payment') {
    await t.db
      .update(orders)
      .set({ status, paidAt: status === 'paid' ? fx.clock.now() : null })
      .where(eq(orders.id, placed.order.id));
  }
  // Orders placed later read as more recent.
  fx.clock.advance(1000);
  return placed;
}

async function accessEmails(to?: string) {
  const rows = await t.db.select().from(emailMessages).where(eq(emailMessages.kind, 'order_access'));
  return to ? rows.filter((r) => r.toEmail === to) : rows;
}

/** An extra link to the order, as an email would issue it, expiring at the given moment. */
async function link(orderId: string, expiresAt: Date | null): Promise<string> {
  const token = newSecretToken();
  await t.db
    .insert(orderLinks)
    .values({ orderId, tokenHash: hashToken(token), createdAt: new Date('2030-01-01T00:00:00Z'), expiresAt });
  return token;
}

// Tests share the file's database: each starts with an empty order_access outbox.
beforeEach(async () => {
  await t.db.delete(emailMessages).where(eq(emailMessages.kind, 'order_access'));
});

const email = () => `someone-${randomUUID().slice(0, 8)}@example.org`;

describe('find my registration', () => {
  it('queues nothing, and says nothing different, for an address with no live registration', async () => {
    const fx = await fixture();
    const lapsed = email();
    await order(fx, lapsed, 'cancelled');
    await order(fx, lapsed, 'expired');
    const held = await order(fx, lapsed, 'pending_payment');
    // The hold lapsed: housekeeping has not run yet, but it is no longer a registration.
    fx.clock.advance(16 * 60_000);
    for (const address of [email(), lapsed, held.order.buyerEmail.toUpperCase()]) {
      await expect(
        requestAccessLink(fx.ctx, { email: address, clientKey: `client-${randomUUID()}` }),
      ).resolves.toBeUndefined();
    }
    expect(await accessEmails()).toHaveLength(0);
  });

  it('queues one email naming the paid and held orders of the address, most recent first, at most ten', async () => {
    const fx = await fixture();
    const buyer = email();
    const paid = [];
    for (let i = 0; i < ACCESS_MAX_ORDERS + 1; i++) paid.push(await order(fx, buyer));
    await order(fx, buyer, 'cancelled');
    const held = await order(fx, buyer, 'pending_payment');
    const someoneElse = await order(fx, email());

    await requestAccessLink(fx.ctx, { email: `  ${buyer.toUpperCase()} `, clientKey: 'client-a' });
    const [message, ...more] = await accessEmails();
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({ kind: 'order_access', toEmail: buyer, orderId: null, status: 'queued' });
    expect(message!.idempotencyKey).toMatch(new RegExp(`^order_access:${buyer.replace(/[.]/g, '\\.')}:[0-9a-f-]{36}$`));
    const expected = [held, ...paid.slice(-(ACCESS_MAX_ORDERS - 1)).reverse()].map((p) => p.order.id);
    expect(message!.params).toEqual({ orderIds: expected });
    expect(expected).not.toContain(someoneElse.order.id);
    // The graphile-worker job that sends it went in with it.
    const jobs = await t.sql`select count(*)::int as n from graphile_worker.jobs where key = ${`email:${message!.id}`}`;
    expect(jobs[0]!.n).toBe(1);
  });

  it('refuses a malformed address with a field message and counts nothing', async () => {
    const fx = await fixture();
    const error = await requestAccessLink(fx.ctx, { email: 'not an address', clientKey: 'client-b' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors.email).toBeDefined();
    expect(await t.db.select().from(rateLimits).where(eq(rateLimits.key, 'access:client:client-b'))).toHaveLength(0);
  });

  it('stops sending after a few requests an hour per address, whichever client asks, and starts again after the hour', async () => {
    const fx = await fixture();
    const buyer = email();
    await order(fx, buyer);
    for (let i = 0; i < ACCESS_LIMITS.perEmail + 3; i++) {
      await requestAccessLink(fx.ctx, { email: buyer, clientKey: `client-${i}` });
    }
    expect(await accessEmails(buyer)).toHaveLength(ACCESS_LIMITS.perEmail);
    // The address is kept as a keyed hash in the throttle table, never in clear.
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys.some((k) => k.includes(buyer))).toBe(false);
    fx.clock.advance(HOUR + 1000);
    await requestAccessLink(fx.ctx, { email: buyer, clientKey: 'client-later' });
    expect(await accessEmails(buyer)).toHaveLength(ACCESS_LIMITS.perEmail + 1);
  });

  it('stops sending after a few requests an hour from one client, whatever addresses it tries', async () => {
    const fx = await fixture();
    const buyers = [];
    for (let i = 0; i < ACCESS_LIMITS.perClient + 3; i++) buyers.push((await order(fx, email())).order.buyerEmail);
    await Promise.all(buyers.map((b) => requestAccessLink(fx.ctx, { email: b, clientKey: 'one-client' })));
    expect(await accessEmails()).toHaveLength(ACCESS_LIMITS.perClient);
  });
});

describe('order link expiry', () => {
  it('tells valid, expired and unknown links apart, and an expired link no longer opens the order', async () => {
    const fx = await fixture();
    const placed = await order(fx, email());
    const now = fx.clock.now();
    const live = await link(placed.order.id, new Date(now.getTime() + HOUR));
    const forever = await link(placed.order.id, null);
    const lapsed = await link(placed.order.id, new Date(now.getTime() - 1));
    expect(await orderLinkState(fx.ctx, placed.accessToken)).toBe('valid');
    expect(await orderLinkState(fx.ctx, live)).toBe('valid');
    expect(await orderLinkState(fx.ctx, forever)).toBe('valid');
    expect(await orderLinkState(fx.ctx, lapsed)).toBe('expired');
    expect(await orderLinkState(fx.ctx, newSecretToken())).toBe('unknown');
    expect(await orderLinkState(fx.ctx, 'short')).toBe('unknown');
    expect((await getOrderByToken(fx.ctx, live))?.order.id).toBe(placed.order.id);
    expect(await getOrderByToken(fx.ctx, lapsed)).toBeNull();
    // The same link, once its moment passes.
    fx.clock.advance(HOUR);
    expect(await orderLinkState(fx.ctx, live)).toBe('expired');
    expect(await getOrderByToken(fx.ctx, live)).toBeNull();
  });

  it('emails the buyer a fresh link for an expired one, and nothing for a valid or unknown link', async () => {
    const fx = await fixture();
    const buyer = email();
    const placed = await order(fx, buyer);
    const lapsed = await link(placed.order.id, new Date(fx.clock.now().getTime() - 1));
    const live = await link(placed.order.id, new Date(fx.clock.now().getTime() + HOUR));

    await renewExpiredLink(fx.ctx, live, { clientKey: 'renew-client' });
    await renewExpiredLink(fx.ctx, placed.accessToken, { clientKey: 'renew-client' });
    await renewExpiredLink(fx.ctx, newSecretToken(), { clientKey: 'renew-client' });
    await renewExpiredLink(fx.ctx, '../../etc/passwd', { clientKey: 'renew-client' });
    expect(await accessEmails()).toHaveLength(0);

    await renewExpiredLink(fx.ctx, lapsed, { clientKey: 'renew-client' });
    const [message, ...more] = await accessEmails();
    expect(more).toHaveLength(0);
    expect(message).toMatchObject({
      kind: 'order_access',
      toEmail: buyer,
      orderId: placed.order.id,
      params: { orderIds: [placed.order.id] },
    });
    // Asking again is throttled per order, even from other clients.
    for (let i = 0; i < ACCESS_LIMITS.perOrder + 2; i++)
      await renewExpiredLink(fx.ctx, lapsed, { clientKey: `other-${i}` });
    expect(await accessEmails()).toHaveLength(ACCESS_LIMITS.perOrder);
  });

  it("gives the order's own link the lifetime of a link in an email composed when the order was placed", async () => {
    const fx = await fixture();
    const placed = await order(fx, email());
    // What the confirmation email would carry if it were composed as the order was placed.
    const emailed = await issueOrderLink(
      t.db,
      placed.order.id,
      placed.order.createdAt,
      orderLinkExpiry(fx.event, placed.order.createdAt),
    );
    const expiry = firstOrderLinkExpiry(fx.event, placed.order);
    // 30 days (of 24 hours) after the end of the event's last day, 2030-03-30 23:59 in Amsterdam (UTC+1).
    expect(expiry.toISOString()).toBe('2030-04-29T22:59:00.000Z');

    // Right after paying, and up to the last moment, both open the order.
    for (const at of [fx.clock.now(), new Date(expiry.getTime() - 1)]) {
      fx.clock.set(at);
      expect(await orderLinkState(fx.ctx, placed.accessToken)).toBe('valid');
      expect((await getOrderByToken(fx.ctx, placed.accessToken))?.order.id).toBe(placed.order.id);
      expect(await orderLinkState(fx.ctx, emailed)).toBe('valid');
    }
    fx.clock.set(expiry);
    expect(await orderLinkState(fx.ctx, placed.accessToken)).toBe('expired');
    expect(await getOrderByToken(fx.ctx, placed.accessToken)).toBeNull();
    expect(await orderLinkState(fx.ctx, emailed)).toBe('expired');
  });

  it('keeps the first link of an order placed after the event working for 30 days', async () => {
    const fx = await fixture();
    fx.clock.set(new Date('2030-06-01T00:00:00Z'));
    const placed = await order(fx, email(), 'pending_payment');
    expect(firstOrderLinkExpiry(fx.event, placed.order).getTime()).toBe(
      placed.order.createdAt.getTime() + 30 * 24 * HOUR,
    );
    fx.clock.advance(30 * 24 * HOUR - 2000);
    expect(await orderLinkState(fx.ctx, placed.accessToken)).toBe('valid');
  });

  it('emails the buyer a fresh link for an expired first link, and nothing while it works', async () => {
    const fx = await fixture();
    const buyer = email();
    const placed = await order(fx, buyer);
    await renewExpiredLink(fx.ctx, placed.accessToken, { clientKey: 'first-link-client' });
    expect(await accessEmails()).toHaveLength(0);
    fx.clock.set(firstOrderLinkExpiry(fx.event, placed.order));
    await renewExpiredLink(fx.ctx, placed.accessToken, { clientKey: 'first-link-client' });
    expect(await accessEmails()).toEqual([
      expect.objectContaining({ kind: 'order_access', toEmail: buyer, orderId: placed.order.id }),
    ]);
  });
});

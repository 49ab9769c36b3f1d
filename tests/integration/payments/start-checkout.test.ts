// R12 and "Pay now": Stripe failing with a 500, a timeout and a 429 while a checkout is created gives a clear
// retryable message and stores nothing; the retry reuses the order's idempotency key and Stripe holds one session;
// a lapsed hold has its session expired at Stripe. Real Postgres, the real SDK, the fake Stripe over HTTP.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { createStripeGateway } from '@/lib/adapters/payments/stripe';
import { DomainError } from '@/lib/errors';
import { runHousekeeping } from '@/lib/housekeeping';
import { createOrder } from '@/lib/orders/create-order';
import { expireLapsedCheckouts, PAYMENT_UNAVAILABLE_MESSAGE, startCheckout } from '@/lib/payments/start-checkout';
import { receivePaymentWebhook } from '@/lib/payments/webhook';
import { createFakeStripe, type FakeStripe } from '../../support/fake-stripe';
import {
  attendee,
  buildRegistrationFixture,
  FIXTURE_NOW,
  registration,
  testConfig,
} from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';

const APP_URL = 'http://app.test';
const HOLD_MS = 15 * 60_000;
let t: TestDb;
let fake: FakeStripe;
let fx: Awaited<ReturnType<typeof buildRegistrationFixture>>;

beforeAll(async () => {
  t = await createTestDb();
  fx = await buildRegistrationFixture(t.db, { slug: 'r12' });
  fake = await createFakeStripe({ now: () => fx.clock.now() });
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

function ctxWith(suffix = 'REGISTRATION') {
  const payments = createStripeGateway({
    secretKey: 'sk_test_fake',
    webhookSecret: fake.webhookSecret,
    apiUrl: fake.url,
    statementDescriptorSuffix: suffix,
    clock: fx.clock,
    timeoutMs: 400,
  });
  return { ...fx.ctx, config: testConfig({ APP_URL }), payments };
}

// A ticket type that asks no questions takes an attendee without answers.
const guest = (ticketTypeId: string) => attendee(ticketTypeId, { answers: {} });

async function newOrder(attendees = [attendee(fx.fullPass.id)], extra: Record<string, unknown> = {}, at = FIXTURE_NOW) {
  fx.clock.set(at);
  return createOrder(fx.ctx, fx.event.id, registration(attendees, extra), { clientKey: null });
}

async function stored(orderId: string) {
  const [row] = await t.db
    .select({ sessionId: orders.checkoutSessionId, url: orders.checkoutUrl, status: orders.status })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row!;
}

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(outcome)}`);
  return outcome;
}

describe('starting a checkout (R12)', () => {
  it('answers a 500, a timeout and a 429 with a retryable message, stores nothing, and the retry gets the one session made under the order key', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder();
    for (const mode of ['error500', 'timeout', 'rateLimit'] as const) {
      fake.failNext(1, mode);
      const error = await failure(startCheckout(ctx, accessToken));
      expect(error.code).toBe('PAYMENT_UNAVAILABLE');
      expect(error.message).toBe(PAYMENT_UNAVAILABLE_MESSAGE);
      expect(await stored(order.id)).toMatchObject({ sessionId: null, url: null });
    }
    const { url } = await startCheckout(ctx, accessToken);
    const key = `checkout:${order.id}`;
    const sessions = fake.createdWithKey(key);
    // The timed-out attempt made the session at Stripe; the retry under the same key got that one back.
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.url).toBe(url);
    expect(await stored(order.id)).toMatchObject({ sessionId: sessions[0]!.id, url });
    const attempts = fake.requests.filter(
      (r) => r.method === 'POST' && r.path === '/v1/checkout/sessions' && r.params.client_reference_id === order.id,
    );
    expect(attempts.map((r) => r.idempotencyKey)).toEqual([key, key, key, key]);
  });

  it('sends the buyer back to the same checkout on a second "Pay now", and two concurrent clicks make one session', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder();
    const [a, b] = await Promise.all([startCheckout(ctx, accessToken), startCheckout(ctx, accessToken)]);
    expect(b.url).toBe(a.url);
    expect((await startCheckout(ctx, accessToken)).url).toBe(a.url);
    expect(fake.createdWithKey(`checkout:${order.id}`)).toHaveLength(1);
    expect((await stored(order.id)).url).toBe(a.url);
  });

  it('charges what the database says: public labels at net prices, grouped, with the buyer email and return URLs to the order page', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder(
      [attendee(fx.fullPass.id), guest(fx.virtual.id), attendee(fx.fullPass.id)],
      { voucherCode: 'TENOFF' },
    );
    const { url } = await startCheckout(ctx, accessToken);
    const session = [...fake.sessions.values()].find((s) => s.url === url)!;
    expect(session.lineItems).toEqual([
      { name: 'Full pass', currency: 'eur', unitAmount: 27000, quantity: 2 },
      { name: 'Online pass', currency: 'eur', unitAmount: 8100, quantity: 1 },
    ]);
    expect(session.amount_total).toBe(order.total);
    expect(session.customer_email).toBe(order.buyerEmail);
    expect(session.metadata).toEqual({ order_id: order.id, reference: order.reference });
    expect(session.success_url).toBe(`${APP_URL}/orders/${accessToken}?paid=1`);
    expect(session.cancel_url).toBe(`${APP_URL}/orders/${accessToken}`);
    expect(session.paymentIntentData.statementDescriptorSuffix).toBe('REGISTRATION');
  });

  it('gives a clear, different message when Stripe refuses the request outright', async () => {
    const { order, accessToken } = await newOrder();
    const error = await failure(startCheckout(ctxWith('<REFUSED>'), accessToken));
    expect(error.code).toBe('PAYMENT_UNAVAILABLE');
    expect(error.message).toMatch(/contact the organizers/);
    expect(await stored(order.id)).toMatchObject({ sessionId: null, url: null });
  });

  it('expires the session at Stripe once the hold lapses, retrying a failed attempt on the next run', async () => {
    const ctx = ctxWith();
    // Later than the other tests' orders, whose lapsed sessions are cleared first.
    const start = new Date(FIXTURE_NOW.getTime() + 3 * 3600_000);
    fx.clock.set(start);
    await expireLapsedCheckouts(ctx);
    const { order, accessToken } = await newOrder(undefined, {}, start);
    const { url } = await startCheckout(ctx, accessToken);
    const sessionId = (await stored(order.id)).sessionId!;
    fx.clock.set(new Date(start.getTime() + HOLD_MS - 1));
    expect(await expireLapsedCheckouts(ctx)).toEqual({ expired: 0, failed: 0 });
    expect(fake.sessions.get(sessionId)?.status).toBe('open');

    fx.clock.set(new Date(start.getTime() + HOLD_MS));
    fake.failNext(1, 'error500', /expire$/);
    expect(await expireLapsedCheckouts(ctx)).toMatchObject({ expired: 0, failed: 1 });
    expect(fake.sessions.get(sessionId)?.status).toBe('open');
    expect(await expireLapsedCheckouts(ctx)).toEqual({ expired: 1, failed: 0 });
    expect(fake.sessions.get(sessionId)?.status).toBe('expired');
    expect(await stored(order.id)).toMatchObject({ sessionId, url: null });
    expect(await expireLapsedCheckouts(ctx)).toEqual({ expired: 0, failed: 0 });
    expect(url).toBeTruthy();
  });

  it('has housekeeping expire the sessions of the holds it marks expired', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder();
    await startCheckout(ctx, accessToken);
    const sessionId = (await stored(order.id)).sessionId!;
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS + 1));
    await runHousekeeping(ctx);
    expect(await stored(order.id)).toMatchObject({ status: 'expired', url: null });
    expect(fake.sessions.get(sessionId)?.status).toBe('expired');
  });

  it('refuses a checkout for a paid, an expired or a free order without calling Stripe', async () => {
    const ctx = ctxWith();
    const before = fake.requests.length;
    const paid = await newOrder();
    await t.db
      .update(orders)
      .set({ status: 'paid', paymentState: 'paid', amountPaid: paid.order.total })
      .where(eq(orders.id, paid.order.id));
    expect((await failure(startCheckout(ctx, paid.accessToken))).code).toBe('CONFLICT');

    const free = await newOrder([guest(fx.scholarship.id)], { voucherCode: 'SCHOLAR1' });
    expect(free.order.total).toBe(0);
    expect((await failure(startCheckout(ctx, free.accessToken))).code).toBe('CONFLICT');

    const lapsed = await newOrder();
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    expect((await failure(startCheckout(ctx, lapsed.accessToken))).code).toBe('HOLD_EXPIRED');
    expect((await failure(startCheckout(ctx, 'x'.repeat(43)))).code).toBe('NOT_FOUND');
    expect(fake.requests.length).toBe(before);
  });

  it('starts a new session under a new key after a failed delayed payment, but not while one is on its way', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder();
    await startCheckout(ctx, accessToken);
    const first = (await stored(order.id)).sessionId!;
    fake.completeSession(first, { paymentStatus: 'unpaid' });
    expect((await failure(startCheckout(ctx, accessToken))).message).toMatch(/on its way/);

    await t.db.update(orders).set({ paymentState: 'failed' }).where(eq(orders.id, order.id));
    const { url } = await startCheckout(ctx, accessToken);
    const replacement = fake.createdWithKey(`checkout:${order.id}:after:${first}`);
    expect(replacement).toHaveLength(1);
    expect(await stored(order.id)).toMatchObject({ sessionId: replacement[0]!.id, url });
  });

  it('marks the order paid when the buyer pays at Stripe and the signed webhook arrives', async () => {
    const ctx = ctxWith();
    const { order, accessToken } = await newOrder();
    await startCheckout(ctx, accessToken);
    const webhook = fake.completeSession((await stored(order.id)).sessionId!);
    expect(await receivePaymentWebhook(ctx, webhook.body, webhook.header)).toMatchObject({ status: 200 });
    const [row] = await t.db
      .select({ status: orders.status, amountPaid: orders.amountPaid })
      .from(orders)
      .where(
        and(
          eq(orders.id, order.id),
          eq(orders.paymentReference, fake.sessions.get((await stored(order.id)).sessionId!)!.payment_intent!),
        ),
      );
    expect(row).toEqual({ status: 'paid', amountPaid: order.total });
    expect((await failure(startCheckout(ctx, accessToken))).code).toBe('CONFLICT');
  });
});

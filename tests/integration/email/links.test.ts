// The secrets emails carry open exactly what they name, for as long as they should: QR images and calendars under
// a live ticket token (a revoked one opens nothing), order links until their expiry, "find my registration" links
// for the buyer's own orders only, and the note to a ticket's previous holder.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, events, orderLinks, tickets, ticketTokens, type EmailMessage } from '@/db/schema';
import { composeEmail } from '@/lib/email/compose';
import { enqueueEmail } from '@/lib/outbox/enqueue';
import { issueOrderLink, issueTicketTokens, orderLinkExpiry } from '@/lib/links/secret-links';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { getOrderByToken } from '@/lib/orders/queries';
import { orderCalendarByToken, ticketCalendarByToken, ticketQrPng } from '@/lib/tickets/by-token';
import { useTestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, succeeded } from '../payments/helpers';

const t = useTestDb();

async function queued(
  kind: string,
  to: string,
  extra: Partial<{ orderId: string; ticketId: string; params: Record<string, unknown> }>,
  now: Date,
): Promise<EmailMessage> {
  const key = `${kind}:${randomUUID()}`;
  await enqueueEmail(t.db, { kind, to, idempotencyKey: key, now, ...extra });
  const [row] = await t.db.select().from(emailMessages).where(eq(emailMessages.idempotencyKey, key));
  return row!;
}

describe('ticket tokens', () => {
  it('serve the QR image and the calendar while live, and nothing once revoked', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-qr' });
    const placed = await placeOrder(fx, 'qr@example.org');
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, placed.order.id));
    const token = (await issueTicketTokens(t.db, [ticket!.id], fx.clock.now())).get(ticket!.id)!;
    // Not paid yet: the image exists (the token is live) but there is no calendar to give.
    expect(await ticketCalendarByToken(fx.ctx, token)).toBeNull();
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
    const png = await ticketQrPng(fx.ctx, token);
    expect(png?.subarray(1, 4).toString()).toBe('PNG');
    expect(await ticketCalendarByToken(fx.ctx, token)).toContain('BEGIN:VEVENT');
    await t.db
      .update(ticketTokens)
      .set({ revokedAt: fx.clock.now(), revokedReason: 'transferred' })
      .where(eq(ticketTokens.ticketId, ticket!.id));
    expect(await ticketQrPng(fx.ctx, token)).toBeNull();
    expect(await ticketCalendarByToken(fx.ctx, token)).toBeNull();
    expect(await ticketQrPng(fx.ctx, 'x'.repeat(43))).toBeNull();
    expect(await ticketQrPng(fx.ctx, '../../etc/passwd')).toBeNull();
  });
});

describe('order links', () => {
  it('expire: a link past its expiry opens nothing, not even the calendar', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-exp' });
    const placed = await placeOrder(fx, 'exp@example.org');
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
    const token = await issueOrderLink(
      t.db,
      placed.order.id,
      fx.clock.now(),
      new Date(fx.clock.now().getTime() + 60_000),
    );
    expect((await getOrderByToken(fx.ctx, token))?.order.id).toBe(placed.order.id);
    expect(await orderCalendarByToken(fx.ctx, token)).toContain('BEGIN:VCALENDAR');
    fx.clock.advance(61_000);
    expect(await getOrderByToken(fx.ctx, token)).toBeNull();
    expect(await orderCalendarByToken(fx.ctx, token)).toBeNull();
  });

  it('in confirmations work until 30 days after the event, and at least 30 days', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-conf' });
    const now = fx.clock.now();
    const expiry = orderLinkExpiry(fx.event, now);
    expect(expiry.getTime()).toBeGreaterThanOrEqual(now.getTime() + 30 * 86_400_000);
    const placed = await placeOrder(fx, 'conf@example.org');
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
    const [row] = await t.db
      .select()
      .from(emailMessages)
      .where(eq(emailMessages.idempotencyKey, `order_confirmation:${placed.order.id}`));
    await composeEmail(fx.ctx, row!);
    const links = await t.db.select().from(orderLinks).where(eq(orderLinks.orderId, placed.order.id));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.expiresAt?.getTime()).toBe(expiry.getTime());
  });
});

describe('order_access email', () => {
  it("links the buyer's own orders with short-lived links, and never someone else's", async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-acc' });
    const mine = await placeOrder(fx, 'Owner.Of@example.org');
    const theirs = await placeOrder(fx, 'someone-else@example.org');
    const row = await queued(
      'order_access',
      'owner.of@example.org',
      { params: { orderIds: [mine.order.id, theirs.order.id] } },
      fx.clock.now(),
    );
    const composed = await composeEmail(fx.ctx, row);
    expect(composed?.subject).toBe('The link to your registration');
    expect(composed?.text).toContain(mine.order.reference);
    expect(composed?.text).not.toContain(theirs.order.reference);
    expect(composed?.text).toContain('24 hours');
    const token = /\/orders\/([A-Za-z0-9_-]{20,})/.exec(composed!.text)![1]!;
    expect((await getOrderByToken(fx.ctx, token))?.order.id).toBe(mine.order.id);
    fx.clock.advance(24 * 3_600_000 + 1000);
    expect(await getOrderByToken(fx.ctx, token)).toBeNull();
    // Only someone else's orders: nothing to send.
    const none = await queued(
      'order_access',
      'owner.of@example.org',
      { params: { orderIds: [theirs.order.id] } },
      fx.clock.now(),
    );
    expect(await composeEmail(fx.ctx, none)).toBeNull();
  });
});

describe('ticket_transferred email', () => {
  it('tells the previous holder, without naming the new one, and only once the ticket was passed on', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-tr' });
    await t.db.update(events).set({ nameInEmailSubjects: false }).where(eq(events.id, fx.event.id));
    const placed = await placeOrder(fx, 'old@example.org');
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, placed.order.id));
    const row = await queued(
      'ticket_transferred',
      'old@example.org',
      { orderId: placed.order.id, ticketId: ticket!.id },
      fx.clock.now(),
    );
    expect(await composeEmail(fx.ctx, row)).toBeNull();
    await t.db
      .update(tickets)
      .set({ legalName: 'New Holder', email: 'new@example.org', transferredAt: fx.clock.now() })
      .where(eq(tickets.id, ticket!.id));
    const composed = await composeEmail(fx.ctx, row);
    expect(composed?.subject).toBe('Your ticket was passed on');
    expect(composed?.text).toContain(placed.order.reference);
    expect(composed?.text).not.toContain('New Holder');
    expect(composed?.text).not.toContain('new@example.org');
    // The ticket email queued for the old address before the transfer no longer applies.
    const stale = await queued(
      'ticket',
      'old@example.org',
      { orderId: placed.order.id, ticketId: ticket!.id },
      fx.clock.now(),
    );
    expect(await composeEmail(fx.ctx, stale)).toBeNull();
    const fresh = await queued(
      'ticket',
      'new@example.org',
      { orderId: placed.order.id, ticketId: ticket!.id },
      fx.clock.now(),
    );
    expect((await composeEmail(fx.ctx, fresh))?.text).toContain('New Holder');
  });
});

describe('composing a batch', () => {
  it("reads the batch's orders once and gives each email its own order", async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'ln-batch' });
    const a = await placeOrder(fx, 'batch-a@example.org');
    const b = await placeOrder(fx, 'batch-b@example.org');
    await handlePaymentEvent(fx.pctx, succeeded(fx, a));
    await handlePaymentEvent(fx.pctx, succeeded(fx, b));
    const rows = await t.db.select().from(emailMessages).where(eq(emailMessages.kind, 'order_confirmation'));
    const mine = rows.filter((r) => r.orderId === a.order.id || r.orderId === b.order.id);
    expect(mine).toHaveLength(2);
    const batch = { messages: mine, memo: new Map<string, Promise<unknown>>() };
    const [first, second] = await Promise.all(mine.map((m) => composeEmail(fx.ctx, m, batch)));
    expect(batch.memo.size).toBe(1);
    const texts = new Map(mine.map((m, i) => [m.orderId, [first, second][i]!.text]));
    expect(texts.get(a.order.id)).toContain(a.order.reference);
    expect(texts.get(a.order.id)).not.toContain(b.order.reference);
    expect(texts.get(b.order.id)).toContain(b.order.reference);
    expect(texts.get(b.order.id)).not.toContain(a.order.reference);
  });
});

// R7: a payment that arrives after the hold expired is honoured while seats remain (taken under the pool
// locks) and otherwise refunded exactly once and flagged; never oversold.
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, tickets } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { expireLapsedHolds } from '@/lib/orders/queries';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { reconcilePayments } from '@/lib/payments/reconcile';
import { attendee, registration } from '../../support/registration-fixture';
import { useTestDb, createTestDb, type TestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, refundsFor, reload, succeeded, type PaymentFixture } from './helpers';

const t = useTestDb();

const HOLD_MS = 15 * 60_000;

async function seatsTaken(fx: PaymentFixture) {
  const [row] = await t.db
    .select({ n: count() })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(and(eq(tickets.ticketTypeId, fx.fullPass.id), inArray(orders.status, ['paid'])));
  return row!.n;
}

describe('late payments (R7)', () => {
  it('refunds a late payment exactly once when the seat was resold, and flags it', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r7-gone', fullPassCapacity: 1 });
    const late = await placeOrder(fx, 'slow@example.org');
    fx.gateway.pay(late.sessionId);
    const payment = succeeded(fx, late);

    // The hold ends before the webhook arrives, and someone else buys the seat.
    fx.clock.advance(HOLD_MS + 60_000);
    const quick = await placeOrder(fx, 'quick@example.org');
    fx.gateway.pay(quick.sessionId);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, quick))).outcome).toBe('paid');

    // The late payment arrives twice under its id, and once more as a twin event.
    const outcomes = await Promise.all(
      [payment, payment, { ...payment, id: `${payment.id}_twin` }].map((e) =>
        handlePaymentEvent(fx.pctx, e).then((r) => r.outcome),
      ),
    );
    expect(outcomes.sort()).toEqual(['already_paid', 'duplicate', 'late_refund']);

    expect(await seatsTaken(fx)).toBe(1);
    const order = await reload(t.db, late.order.id);
    expect(order).toMatchObject({
      status: 'expired',
      paymentState: 'refunded',
      amountPaid: late.order.total,
      amountRefunded: late.order.total,
      paymentReference: fx.gateway.sessions.get(late.sessionId)!.paymentReference,
      attentionReason: 'paid after the hold expired; seats were gone; refunded',
    });
    const rows = await refundsFor(t.db, late.order.id);
    expect(rows).toEqual([
      expect.objectContaining({
        amount: late.order.total,
        status: 'succeeded',
        idempotencyKey: `refund:${order.paymentReference}`,
      }),
    ]);
    expect(fx.gateway.refundCalls).toHaveLength(1);
    expect(fx.gateway.refundCalls[0]).toEqual({
      paymentReference: order.paymentReference,
      amount: late.order.total,
      idempotencyKey: `refund:${order.paymentReference}`,
    });
    // The buyer who got the seat keeps it.
    expect((await reload(t.db, quick.order.id)).status).toBe('paid');
  });

  it('honours a late payment while seats remain, before and after housekeeping marked the order expired', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r7-room', fullPassCapacity: 2 });
    const a = await placeOrder(fx);
    const b = await placeOrder(fx);
    fx.gateway.pay(a.sessionId);
    fx.gateway.pay(b.sessionId);
    fx.clock.advance(HOLD_MS);

    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, a))).outcome).toBe('late_paid');
    expect(await expireLapsedHolds(fx.ctx)).toEqual([b.order.id]);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, b))).outcome).toBe('late_paid');
    for (const p of [a, b]) {
      expect(await reload(t.db, p.order.id)).toMatchObject({
        status: 'paid',
        paymentState: 'paid',
        amountPaid: p.order.total,
        attentionReason: null,
        paidAt: fx.clock.now(),
      });
    }
    expect(fx.gateway.refundCalls).toHaveLength(0);
    expect(await seatsTaken(fx)).toBe(2);
  });

  it('gives the last seat to exactly one of a late payment and a new buyer racing for it', async () => {
    for (let round = 0; round < 5; round++) {
      const fx = await buildPaymentFixture(t.db, { slug: `r7-race-${round}`, fullPassCapacity: 1 });
      const late = await placeOrder(fx);
      fx.gateway.pay(late.sessionId);
      fx.clock.advance(HOLD_MS + 1);
      const [paid, bought] = await Promise.all([
        handlePaymentEvent(fx.pctx, succeeded(fx, late)).then((r) => r.outcome),
        createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), { clientKey: null }).then(
          () => 'held',
          (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
        ),
      ]);
      expect([paid, bought].sort()).toSatisfy(
        (pair: string[]) =>
          (pair[0] === 'SOLD_OUT' && pair[1] === 'late_paid') || (pair[0] === 'held' && pair[1] === 'late_refund'),
      );
    }
  });

  it('refunds, once, money that arrives for a cancelled order', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r7-cancelled' });
    const placed = await placeOrder(fx);
    await t.db.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, placed.order.id));
    fx.gateway.pay(placed.sessionId);
    const event = succeeded(fx, placed);
    expect((await handlePaymentEvent(fx.pctx, event)).outcome).toBe('unwanted_refund');
    expect((await handlePaymentEvent(fx.pctx, { ...event, id: `${event.id}_again` })).outcome).toBe('already_paid');
    expect(await reload(t.db, placed.order.id)).toMatchObject({
      status: 'cancelled',
      paymentState: 'refunded',
      attentionReason: 'paid while the order was cancelled; refunded',
    });
    expect(fx.gateway.refundCalls).toHaveLength(1);
  });

  it('keeps the refund pending when the gateway fails, and reconciliation retries it with the same key, once', async () => {
    // A database of its own: reconciliation looks at every order, and the other tests' orders belong to other gateways.
    const own = await createTestDb();
    try {
      await retryScenario(await buildPaymentFixture(own.db, { slug: 'r7-retry', fullPassCapacity: 1 }), own);
    } finally {
      await own.drop();
    }
  });
});

async function retryScenario(fx: PaymentFixture, own: TestDb) {
  const late = await placeOrder(fx);
  fx.gateway.pay(late.sessionId);
  fx.clock.advance(HOLD_MS + 1);
  const other = await placeOrder(fx);
  fx.gateway.pay(other.sessionId);
  await handlePaymentEvent(fx.pctx, succeeded(fx, other));
  fx.gateway.failRefunds(1, true);
  expect((await handlePaymentEvent(fx.pctx, succeeded(fx, late))).outcome).toBe('late_refund');
  const [row] = await refundsFor(own.db, late.order.id);
  expect(row).toMatchObject({ status: 'pending', providerRefundId: null });
  expect(await reload(own.db, late.order.id)).toMatchObject({ paymentState: 'paid', amountRefunded: 0 });
  expect(fx.gateway.refundsMade.size).toBe(0);

  // The scheduled reconciliation retries it under the same key, once.
  fx.clock.advance(2 * 60_000);
  expect((await reconcilePayments(fx.pctx)).refundsRetried).toBe(1);
  expect((await reconcilePayments(fx.pctx)).refundsRetried).toBe(0);
  expect(fx.gateway.refundCalls.map((c) => c.idempotencyKey)).toEqual([row!.idempotencyKey, row!.idempotencyKey]);
  expect(fx.gateway.refundsMade.size).toBe(1);
  expect(await reload(own.db, late.order.id)).toMatchObject({
    paymentState: 'refunded',
    amountRefunded: late.order.total,
  });
}

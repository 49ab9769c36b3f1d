// R15: reconciliation finds sessions paid at the provider whose webhooks never came and applies them once,
// closes abandoned checkouts, flags disagreements, and leaves 0 unflagged differences between the provider's
// paid sessions and our paid orders.
import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, paymentEvents } from '@/db/schema';
import { runHousekeeping } from '@/lib/housekeeping';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { listPaymentsNeedingAttention } from '@/lib/payments/queries';
import { reconcilePayments } from '@/lib/payments/reconcile';
import { useTestDb, createTestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, reload, succeeded, type PaymentFixture, type PlacedOrder } from './helpers';

const t = useTestDb();

const MINUTE = 60_000;

/** Differences between the provider's sessions and our orders that nobody has been told about. */
async function unflaggedDifferences(fx: PaymentFixture, placed: PlacedOrder[]) {
  const rows = await t.db
    .select()
    .from(orders)
    .where(
      inArray(
        orders.id,
        placed.map((p) => p.order.id),
      ),
    );
  const differences: string[] = [];
  for (const o of rows) {
    const s = fx.gateway.sessions.get(o.checkoutSessionId!)!;
    const providerPaid = s.status === 'complete' && s.paymentStatus === 'paid';
    const agrees = providerPaid
      ? o.amountPaid === s.amountTotal && o.paymentReference === s.paymentReference && o.paymentState !== 'none'
      : o.amountPaid === 0;
    if (!agrees && !o.attentionReason)
      differences.push(`${o.reference}: provider ${s.status}/${s.paymentStatus}, order ${o.status}/${o.paymentState}`);
  }
  return differences;
}

describe('payment reconciliation (R15)', () => {
  it('applies missed payments once, expires abandoned checkouts, flags disagreements, and leaves no unflagged difference', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r15', fullPassCapacity: 100 });
    const place = (n: number) => Promise.all(Array.from({ length: n }, () => placeOrder(fx)));
    const [missed, abandoned, delivered, forged, wrongAmount, laterChanged, debit] = await Promise.all([
      place(6),
      place(3),
      place(2),
      place(1),
      place(1),
      place(1),
      place(1),
    ]);

    for (const p of missed) fx.gateway.pay(p.sessionId);
    for (const p of delivered) {
      fx.gateway.pay(p.sessionId);
      await handlePaymentEvent(fx.pctx, succeeded(fx, p));
    }
    // Recorded as paid here (a bug, a forged event) while the provider never took the money.
    await handlePaymentEvent(fx.pctx, {
      id: 'evt_forged',
      type: 'payment_succeeded',
      orderId: forged[0]!.order.id,
      sessionId: forged[0]!.sessionId,
      amount: forged[0]!.order.total,
      currency: 'eur',
      paymentReference: 'pi_forged',
    });
    fx.gateway.pay(wrongAmount[0]!.sessionId, 100);
    fx.gateway.pay(laterChanged[0]!.sessionId);
    await handlePaymentEvent(fx.pctx, succeeded(fx, laterChanged[0]!));
    fx.gateway.sessions.get(laterChanged[0]!.sessionId)!.amountTotal = 25000;
    fx.gateway.startAsync(debit[0]!.sessionId);

    // Past every hold and the grace period; a newer order still holds its seats with an open checkout.
    fx.clock.advance(15 * MINUTE + 11 * MINUTE);
    const [current] = await place(1);

    // Unsettled: 6 missed, 3 abandoned, the wrong amount and the debit. Then verified: every order holding money.
    const first = await reconcilePayments(fx.pctx);
    expect(first).toEqual({ checked: 11 + 10, applied: 6, expired: 3, flagged: 3, refundsRetried: 0, errors: 0 });

    for (const p of missed) {
      const s = fx.gateway.sessions.get(p.sessionId)!;
      expect(await reload(t.db, p.order.id)).toMatchObject({
        status: 'paid',
        paymentState: 'paid',
        amountPaid: s.amountTotal,
        paymentReference: s.paymentReference,
      });
    }
    for (const p of abandoned) {
      expect(fx.gateway.sessions.get(p.sessionId)!.status).toBe('expired');
      expect((await reload(t.db, p.order.id)).status).toBe('expired');
    }
    expect(fx.gateway.sessions.get(current!.sessionId)!.status).toBe('open');
    expect((await reload(t.db, current!.order.id)).status).toBe('pending_payment');
    expect(await reload(t.db, debit[0]!.order.id)).toMatchObject({ status: 'pending_payment', amountPaid: 0 });
    expect((await reload(t.db, forged[0]!.order.id)).attentionReason).toBe(
      'reconciliation: recorded as paid, but the payment provider reports the checkout as open and unpaid',
    );
    expect((await reload(t.db, wrongAmount[0]!.order.id)).attentionReason).toMatch(
      /^amount mismatch: received €1\.00, expected €300\.00/,
    );
    expect((await reload(t.db, laterChanged[0]!.order.id)).attentionReason).toBe(
      'reconciliation: recorded €300.00 paid, the payment provider reports €250.00',
    );

    // A second run finds nothing new, and the webhooks that finally arrive change nothing.
    expect(await reconcilePayments(fx.pctx)).toEqual({
      checked: 1,
      applied: 0,
      expired: 0,
      flagged: 0,
      refundsRetried: 0,
      errors: 0,
    });
    for (const p of missed) expect((await handlePaymentEvent(fx.pctx, succeeded(fx, p))).outcome).toBe('already_paid');
    const reconcileRows = await t.db
      .select()
      .from(paymentEvents)
      .where(
        inArray(
          paymentEvents.providerEventId,
          missed.map((p) => `reconcile:${p.sessionId}`),
        ),
      );
    expect(reconcileRows.map((r) => r.outcome)).toEqual(missed.map(() => 'late_paid'));

    // The debit settles at the provider without a webhook: the next run applies it.
    fx.gateway.settleAsync(debit[0]!.sessionId);
    expect((await reconcilePayments(fx.pctx)).applied).toBe(1);

    const all = [...missed, ...abandoned, ...delivered, ...forged, ...wrongAmount, ...laterChanged, ...debit, current!];
    expect(await unflaggedDifferences(fx, all)).toEqual([]);
    const attention = await listPaymentsNeedingAttention(fx.ctx, fx.event.id);
    expect(attention.map((a) => a.reference).sort()).toEqual(
      [forged[0]!, wrongAmount[0]!, laterChanged[0]!].map((p) => p.order.reference).sort(),
    );
    expect(attention[0]).toEqual(
      expect.objectContaining({
        buyerEmail: expect.stringContaining('@example.org'),
        currency: 'EUR',
        reason: expect.any(String),
      }),
    );
  });

  it('runs from housekeeping when the context has a payment gateway, after the holds are expired', async () => {
    const own = await createTestDb();
    try {
      const fx = await buildPaymentFixture(own.db, { slug: 'r15-hk' });
      const missed = await placeOrder(fx);
      fx.gateway.pay(missed.sessionId);
      fx.clock.advance(30 * MINUTE);
      const result = await runHousekeeping(fx.pctx);
      expect(result).toMatchObject({ expiredHolds: 1, payments: { applied: 1, errors: 0 } });
      expect((await reload(own.db, missed.order.id)).status).toBe('paid');
      expect(await runHousekeeping(fx.ctx)).toEqual({ expiredHolds: 0, offers: [] });
    } finally {
      await own.drop();
    }
  });
});

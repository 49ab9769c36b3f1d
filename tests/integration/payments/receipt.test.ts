// The receipt behind the order's secret link: only for paid or refunded orders, with the billing name, public
// ticket labels, amounts and payment reference, and nothing about attendees or the event's name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { getReceipt, listPaymentsNeedingAttention } from '@/lib/payments/queries';
import { refundOrder } from '@/lib/orders/refund-order';
import { createTestDb, type TestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, succeeded, type PaymentFixture } from './helpers';

let t: TestDb;
let fx: PaymentFixture;
beforeAll(async () => {
  t = await createTestDb();
  fx = await buildPaymentFixture(t.db, { slug: 'receipt' });
});
afterAll(async () => {
  await t.drop();
});

describe('getReceipt', () => {
  it('is there only once the order is paid, and shows what a reimbursement needs and no more', async () => {
    const placed = await placeOrder(fx, 'finance@example.org', [fx.fullPass.id, fx.fullPass.id]);
    expect(await getReceipt(fx.ctx, placed.accessToken)).toBeNull();
    expect(await getReceipt(fx.ctx, 'not-a-token')).toBeNull();
    const session = fx.gateway.pay(placed.sessionId);
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));

    const receipt = await getReceipt(fx.ctx, placed.accessToken);
    expect(receipt).toEqual({
      reference: placed.order.reference,
      billingName: 'Robin Buyer',
      status: 'paid',
      currency: 'EUR',
      paidAt: fx.clock.now(),
      paymentReference: session.paymentReference,
      lines: [
        { label: 'Full pass', price: 30000, discount: 0, amount: 30000 },
        { label: 'Full pass', price: 30000, discount: 0, amount: 30000 },
      ],
      subtotal: 60000,
      discount: 0,
      total: 60000,
      amountPaid: 60000,
      amountRefunded: 0,
      net: 60000,
      event: {
        startsOn: '2030-03-28',
        endsOn: '2030-03-30',
        timezone: 'Europe/Amsterdam',
        venueName: '',
        venueAddress: '',
      },
    });
    expect(JSON.stringify(receipt)).not.toMatch(/Fixture conference|Attendee Number|attendee\d+@/);

    await refundOrder(fx.pctx, { orderId: placed.order.id, amount: 30000, reason: 'one attendee cannot come' });
    expect(await getReceipt(fx.ctx, placed.accessToken)).toMatchObject({
      status: 'paid',
      amountPaid: 60000,
      amountRefunded: 30000,
      net: 30000,
    });
    await refundOrder(fx.pctx, { orderId: placed.order.id, amount: 30000, reason: '' });
    expect(await getReceipt(fx.ctx, placed.accessToken)).toMatchObject({
      status: 'refunded',
      amountRefunded: 60000,
      net: 0,
    });
  });

  it('is not there for an order whose hold ran out unpaid', async () => {
    const placed = await placeOrder(fx);
    fx.clock.advance(16 * 60_000);
    expect(await getReceipt(fx.ctx, placed.accessToken)).toBeNull();
  });
});

describe('listPaymentsNeedingAttention', () => {
  it('lists flagged orders of the event, newest first, with the reason and amounts', async () => {
    const older = await placeOrder(fx);
    fx.gateway.pay(older.sessionId, 1);
    await handlePaymentEvent(fx.pctx, succeeded(fx, older));
    fx.clock.advance(60_000);
    const newer = await placeOrder(fx);
    fx.gateway.pay(newer.sessionId, 2);
    await handlePaymentEvent(fx.pctx, succeeded(fx, newer));
    const other = await buildPaymentFixture(t.db, { slug: 'receipt-other' });
    const elsewhere = await placeOrder(other);
    other.gateway.pay(elsewhere.sessionId, 3);
    await handlePaymentEvent(other.pctx, succeeded(other, elsewhere));

    const list = await listPaymentsNeedingAttention(fx.ctx, fx.event.id);
    expect(list.map((p) => p.reference)).toEqual([newer.order.reference, older.order.reference]);
    expect(list[0]).toMatchObject({
      buyerEmail: newer.order.buyerEmail,
      total: 30000,
      amountPaid: 0,
      currency: 'EUR',
      reason: expect.stringMatching(/^amount mismatch/),
    });
    expect((await listPaymentsNeedingAttention(fx.ctx)).map((p) => p.reference)).toContain(elsewhere.order.reference);
  });
});

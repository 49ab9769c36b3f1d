// Refunds through the gateway under idempotency keys: partial then full with the order's amounts consistent,
// a retry after a failure reusing its key, over-refunds refused, the provider's refund webhook harmless
// before or after, and cancelling (with or without a refund).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { cancelOrder, refundOrder } from '@/lib/orders/refund-order';
import { attendee, registration } from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';
import {
  buildPaymentFixture,
  placeOrder,
  refundsFor,
  refundUpdated,
  reload,
  succeeded,
  type PaymentFixture,
} from './helpers';

let t: TestDb;
let fx: PaymentFixture;
beforeAll(async () => {
  t = await createTestDb();
  fx = await buildPaymentFixture(t.db, { slug: 'refunds', fullPassCapacity: 100 });
});
afterAll(async () => {
  await t.drop();
});

async function paidOrder() {
  const placed = await placeOrder(fx);
  fx.gateway.pay(placed.sessionId);
  await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
  return reload(t.db, placed.order.id);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : `plain error: ${String(e)}`),
  );
}

describe('refundOrder', () => {
  it('refunds part, then the rest, keeping paid, refunded and net consistent and ending refunded', async () => {
    const order = await paidOrder();
    const first = await refundOrder(fx.pctx, { orderId: order.id, amount: 10000, reason: 'could only come one day' });
    expect(first.refund).toMatchObject({ amount: 10000, status: 'succeeded', idempotencyKey: `refund:${order.id}:1` });
    expect(first.refund.providerRefundId).toMatch(/^re_mem_/);
    expect(first.order).toMatchObject({
      status: 'paid',
      paymentState: 'partially_refunded',
      amountPaid: 30000,
      amountRefunded: 10000,
    });

    // The provider's webhook for that refund arrives afterwards: nothing more changes.
    expect((await handlePaymentEvent(fx.pctx, refundUpdated(order.paymentReference!, 10000))).outcome).toBe(
      'no_change',
    );

    const rest = await refundOrder(fx.pctx, { orderId: order.id, amount: 20000, reason: 'cancelled' });
    expect(rest.refund.idempotencyKey).toBe(`refund:${order.id}:2`);
    expect(rest.order).toMatchObject({
      status: 'refunded',
      paymentState: 'refunded',
      amountPaid: 30000,
      amountRefunded: 30000,
    });
    // An older webhook, delivered late, does not lower the total.
    expect((await handlePaymentEvent(fx.pctx, refundUpdated(order.paymentReference!, 10000))).outcome).toBe(
      'no_change',
    );
    expect(await reload(t.db, order.id)).toMatchObject({ status: 'refunded', amountRefunded: 30000 });
    expect(fx.gateway.refundsMade.size).toBeGreaterThanOrEqual(2);
  });

  it('refuses more than is left to refund, zero and negative amounts, and orders without a payment', async () => {
    const order = await paidOrder();
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 30001, reason: '' }))).toBe('VALIDATION');
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 0, reason: '' }))).toBe('VALIDATION');
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: -5, reason: '' }))).toBe('VALIDATION');
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 12.5, reason: '' }))).toBe('VALIDATION');
    await refundOrder(fx.pctx, { orderId: order.id, amount: 25000, reason: '' });
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 5001, reason: '' }))).toBe('VALIDATION');
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 5000, reason: '' }))).toBe('ok');
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 1, reason: '' }))).toBe('VALIDATION');
    const unpaid = await placeOrder(fx);
    expect(await codeOf(refundOrder(fx.pctx, { orderId: unpaid.order.id, amount: 1, reason: '' }))).toBe('CONFLICT');
    expect(
      await codeOf(refundOrder(fx.pctx, { orderId: '6f1c1c4e-0000-4000-8000-000000000000', amount: 1, reason: '' })),
    ).toBe('NOT_FOUND');
  });

  it('leaves a refund pending when the provider is unreachable and retries it under the same key', async () => {
    const order = await paidOrder();
    const callsBefore = fx.gateway.refundCalls.length;
    fx.gateway.failRefunds(2, true);
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 5000, reason: '' }))).toBe(
      'PAYMENT_UNAVAILABLE',
    );
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 5000, reason: '' }))).toBe(
      'PAYMENT_UNAVAILABLE',
    );
    expect(await refundsFor(t.db, order.id)).toEqual([expect.objectContaining({ status: 'pending', amount: 5000 })]);
    // While it is pending, it counts against what is left.
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 25001, reason: '' }))).toBe('VALIDATION');
    const done = await refundOrder(fx.pctx, { orderId: order.id, amount: 5000, reason: '' });
    expect(done.refund).toMatchObject({ status: 'succeeded', idempotencyKey: `refund:${order.id}:1` });
    const keys = fx.gateway.refundCalls.slice(callsBefore).map((c) => c.idempotencyKey);
    expect(keys).toEqual([`refund:${order.id}:1`, `refund:${order.id}:1`, `refund:${order.id}:1`]);
    expect(done.order).toMatchObject({ paymentState: 'partially_refunded', amountRefunded: 5000 });
  });

  it('marks a refund the provider refuses as failed and flags the order', async () => {
    const order = await paidOrder();
    fx.gateway.failRefunds(1, false);
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 1000, reason: '' }))).toBe('CONFLICT');
    expect(await refundsFor(t.db, order.id)).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(await reload(t.db, order.id)).toMatchObject({
      amountRefunded: 0,
      paymentState: 'paid',
      attentionReason: 'refund of €10.00 failed at the payment provider',
    });
  });

  it('applies a refund the provider reports first, and settles the pending row without counting it twice', async () => {
    const order = await paidOrder();
    fx.gateway.failRefunds(1, true);
    await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 7000, reason: '' }));
    // The refund went through at the provider after all; its webhook comes before our retry.
    expect((await handlePaymentEvent(fx.pctx, refundUpdated(order.paymentReference!, 7000))).outcome).toBe(
      'refund_updated',
    );
    expect(await reload(t.db, order.id)).toMatchObject({ amountRefunded: 7000, paymentState: 'partially_refunded' });
    expect(await refundsFor(t.db, order.id)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(await codeOf(refundOrder(fx.pctx, { orderId: order.id, amount: 23000, reason: '' }))).toBe('ok');
    expect(await reload(t.db, order.id)).toMatchObject({ status: 'refunded', amountRefunded: 30000 });
  });

  it('applies refunds made in the provider’s dashboard from their webhooks, in any order', async () => {
    const order = await paidOrder();
    const events = [
      refundUpdated(order.paymentReference!, 5000),
      refundUpdated(order.paymentReference!, 30000),
      refundUpdated(order.paymentReference!, 12000),
    ];
    for (const e of events) await handlePaymentEvent(fx.pctx, e);
    expect(await reload(t.db, order.id)).toMatchObject({
      status: 'refunded',
      paymentState: 'refunded',
      amountRefunded: 30000,
    });
  });
});

describe('cancelOrder', () => {
  it('cancels a pending order, freeing its seat at once and closing its checkout', async () => {
    const small = await buildPaymentFixture(t.db, { slug: 'cancel-pending', fullPassCapacity: 1 });
    const placed = await placeOrder(small);
    const buy = () =>
      codeOf(createOrder(small.ctx, small.event.id, registration([attendee(small.fullPass.id)]), { clientKey: null }));
    expect(await buy()).toBe('SOLD_OUT');
    const { order } = await cancelOrder(small.pctx, {
      orderId: placed.order.id,
      refund: true,
      reason: 'changed plans',
    });
    expect(order).toMatchObject({ status: 'cancelled', amountRefunded: 0 });
    expect(small.gateway.sessions.get(placed.sessionId)!.status).toBe('expired');
    expect(await buy()).toBe('ok');
  });

  it('cancels a paid order and refunds what is left of it, once', async () => {
    const order = await paidOrder();
    await refundOrder(fx.pctx, { orderId: order.id, amount: 1000, reason: '' });
    const { order: cancelled, refund } = await cancelOrder(fx.pctx, {
      orderId: order.id,
      refund: true,
      reason: 'cannot travel',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      paymentState: 'refunded',
      amountPaid: 30000,
      amountRefunded: 30000,
    });
    expect(refund).toMatchObject({ amount: 29000, status: 'succeeded', reason: 'cannot travel' });
    expect(await codeOf(cancelOrder(fx.pctx, { orderId: order.id, refund: false, reason: '' }))).toBe(
      'INVALID_TRANSITION',
    );
    // Asking again with a refund finds nothing left to send.
    expect((await cancelOrder(fx.pctx, { orderId: order.id, refund: true, reason: '' })).refund).toBeNull();
    expect((await refundsFor(t.db, order.id)).map((r) => r.amount).sort()).toEqual([1000, 29000]);
  });

  it('cancels a paid order without a refund when asked to keep the money', async () => {
    const order = await paidOrder();
    const { order: cancelled, refund } = await cancelOrder(fx.pctx, {
      orderId: order.id,
      refund: false,
      reason: 'no-show policy',
    });
    expect(refund).toBeNull();
    expect(cancelled).toMatchObject({ status: 'cancelled', paymentState: 'paid', amountRefunded: 0 });
  });

  it('retries, on a second cancel, a refund the provider could not take the first time', async () => {
    const order = await paidOrder();
    fx.gateway.failRefunds(1, true);
    expect(await codeOf(cancelOrder(fx.pctx, { orderId: order.id, refund: true, reason: '' }))).toBe(
      'PAYMENT_UNAVAILABLE',
    );
    expect((await reload(t.db, order.id)).status).toBe('cancelled');
    const again = await cancelOrder(fx.pctx, { orderId: order.id, refund: true, reason: '' });
    expect(again.order).toMatchObject({ status: 'cancelled', paymentState: 'refunded', amountRefunded: 30000 });
    expect(await refundsFor(t.db, order.id)).toEqual([
      expect.objectContaining({ amount: 30000, status: 'succeeded', idempotencyKey: `refund:${order.id}:1` }),
    ]);
  });
});

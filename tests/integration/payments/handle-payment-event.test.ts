import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEvents } from '@/db/schema';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { createTestDb, type TestDb } from '../../support/test-db';
import {
  buildPaymentFixture,
  eventsFor,
  expired,
  failed,
  placeOrder,
  processing,
  reload,
  succeeded,
  type PaymentFixture,
} from './helpers';

let t: TestDb;
let fx: PaymentFixture;
beforeAll(async () => {
  t = await createTestDb();
  fx = await buildPaymentFixture(t.db, { slug: 'pay' });
});
afterAll(async () => {
  await t.drop();
});

describe('handlePaymentEvent', () => {
  it('marks a pending order paid with the amount, reference and time, and records the event', async () => {
    const placed = await placeOrder(fx);
    const session = fx.gateway.pay(placed.sessionId);
    fx.clock.advance(60_000);
    const event = succeeded(fx, placed);
    expect(await handlePaymentEvent(fx.pctx, event)).toEqual({ outcome: 'paid', orderId: placed.order.id });

    const order = await reload(t.db, placed.order.id);
    expect(order).toMatchObject({
      status: 'paid',
      paymentState: 'paid',
      amountPaid: placed.order.total,
      amountRefunded: 0,
      paymentReference: session.paymentReference,
      paidAt: fx.clock.now(),
      attentionReason: null,
    });
    const rows = await eventsFor(t.db, [placed.order.id]);
    expect(rows).toEqual([
      expect.objectContaining({
        provider: 'stripe',
        providerEventId: event.id,
        type: 'payment_succeeded',
        outcome: 'paid',
      }),
    ]);
  });

  it('answers duplicate for the same event id and changes nothing', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const event = succeeded(fx, placed);
    await handlePaymentEvent(fx.pctx, event);
    const before = await reload(t.db, placed.order.id);
    fx.clock.advance(1000);
    expect(await handlePaymentEvent(fx.pctx, event)).toEqual({ outcome: 'duplicate', orderId: null });
    expect(await reload(t.db, placed.order.id)).toEqual(before);
    const [{ n } = { n: 0 }] = await t.db
      .select({ n: count() })
      .from(paymentEvents)
      .where(eq(paymentEvents.providerEventId, event.id));
    expect(n).toBe(1);
  });

  it('flags an amount or currency that differs from the order and does not confirm it', async () => {
    const short = await placeOrder(fx);
    fx.gateway.pay(short.sessionId, short.order.total - 1);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, short))).outcome).toBe('mismatch');
    const a = await reload(t.db, short.order.id);
    expect(a).toMatchObject({ status: 'pending_payment', paymentState: 'none', amountPaid: 0 });
    expect(a.attentionReason).toMatch(/^amount mismatch: received €299\.99, expected €300\.00/);

    const dollars = await placeOrder(fx);
    fx.gateway.pay(dollars.sessionId);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, dollars, { currency: 'usd' }))).outcome).toBe('mismatch');
    const b = await reload(t.db, dollars.order.id);
    expect(b.status).toBe('pending_payment');
    expect(b.attentionReason).toMatch(/^amount mismatch: received US\$300\.00, expected €300\.00/);
  });

  it('shows processing while a bank debit is on its way, then confirms it when it succeeds', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.startAsync(placed.sessionId);
    expect((await handlePaymentEvent(fx.pctx, processing(placed))).outcome).toBe('processing');
    expect(await reload(t.db, placed.order.id)).toMatchObject({
      status: 'pending_payment',
      paymentState: 'processing',
    });
    fx.gateway.settleAsync(placed.sessionId);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, placed))).outcome).toBe('paid');
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'paid', paymentState: 'paid' });
  });

  it('records a failed payment on a pending order, and a later success still confirms it', async () => {
    const placed = await placeOrder(fx);
    expect((await handlePaymentEvent(fx.pctx, failed(placed))).outcome).toBe('failed');
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'pending_payment', paymentState: 'failed' });
    fx.gateway.pay(placed.sessionId);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, placed))).outcome).toBe('paid');
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'paid', paymentState: 'paid' });
  });

  it('confirms once when the same session completes twice under different event ids, even concurrently', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const twins = [succeeded(fx, placed), succeeded(fx, placed), succeeded(fx, placed)];
    const outcomes = (await Promise.all(twins.map((e) => handlePaymentEvent(fx.pctx, e)))).map((r) => r.outcome).sort();
    expect(outcomes).toEqual(['already_paid', 'already_paid', 'paid']);
    const rows = await eventsFor(t.db, [placed.order.id]);
    expect(rows.filter((r) => r.outcome === 'paid')).toHaveLength(1);
    expect(rows).toHaveLength(3);
  });

  it('expires a pending order when its own checkout session expires, but not for an older session', async () => {
    const placed = await placeOrder(fx);
    const stale = { ...placed, sessionId: 'cs_replaced_earlier' };
    expect(
      (await handlePaymentEvent(fx.pctx, expired({ ...stale, order: { ...placed.order, id: 'not-a-uuid' } }))).outcome,
    ).toBe('unknown_order');
    expect((await handlePaymentEvent(fx.pctx, expired(stale))).outcome).toBe('no_change');
    expect((await reload(t.db, placed.order.id)).status).toBe('pending_payment');
    expect((await handlePaymentEvent(fx.pctx, expired(placed))).outcome).toBe('expired');
    expect((await reload(t.db, placed.order.id)).status).toBe('expired');
    expect((await handlePaymentEvent(fx.pctx, expired(placed))).outcome).toBe('no_change');
  });

  it('records events for orders it does not know, without changing any order', async () => {
    const event = {
      id: 'evt_unknown_1',
      type: 'payment_succeeded',
      orderId: null,
      sessionId: 'cs_nobody',
      amount: 100,
      currency: 'eur',
      paymentReference: 'pi_nobody',
    } as const;
    expect(await handlePaymentEvent(fx.pctx, event)).toEqual({ outcome: 'unknown_order', orderId: null });
    const [row] = await t.db.select().from(paymentEvents).where(eq(paymentEvents.providerEventId, 'evt_unknown_1'));
    expect(row).toMatchObject({ outcome: 'unknown_order', orderId: null });
  });
});

import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  buildChargeRefundedEvent,
  buildCheckoutSessionEvent,
  mapStripeEvent,
  type CheckoutSessionShape,
} from '@/lib/adapters/payments/stripe-events';
import { assertLinesMatchAmount, checkoutExpiresAt } from '@/lib/adapters/payments/stripe';

const at = new Date('2030-01-10T10:00:00Z');
const session = (extra: Partial<CheckoutSessionShape> = {}): CheckoutSessionShape => ({
  id: 'cs_test_1',
  status: 'complete',
  payment_status: 'paid',
  amount_total: 60000,
  currency: 'eur',
  payment_intent: 'pi_test_1',
  client_reference_id: 'order-from-client-ref',
  metadata: { order_id: 'order-1', reference: 'IAC-1' },
  url: null,
  ...extra,
});
// The builders make Stripe-shaped JSON; parsed from the wire it is what the SDK hands us.
const asEvent = (json: object) => JSON.parse(JSON.stringify(json)) as Stripe.Event;

describe('mapStripeEvent', () => {
  it('maps a paid checkout to payment_succeeded with the amount, upper-case currency, PaymentIntent and order id', () => {
    const event = buildCheckoutSessionEvent({
      type: 'checkout.session.completed',
      session: session(),
      created: at,
      eventId: 'evt_1',
    });
    expect(mapStripeEvent(asEvent(event))).toEqual({
      id: 'evt_1',
      type: 'payment_succeeded',
      orderId: 'order-1',
      sessionId: 'cs_test_1',
      amount: 60000,
      currency: 'EUR',
      paymentReference: 'pi_test_1',
    });
  });

  it('falls back to client_reference_id when the metadata has no order id', () => {
    const event = buildCheckoutSessionEvent({
      type: 'checkout.session.completed',
      session: session({ metadata: {} }),
      created: at,
    });
    expect(mapStripeEvent(asEvent(event))).toMatchObject({ orderId: 'order-from-client-ref' });
  });

  it('maps an unpaid completion (a delayed method) to payment_processing and no_payment_required to a zero payment', () => {
    const unpaid = buildCheckoutSessionEvent({
      type: 'checkout.session.completed',
      session: session({ payment_status: 'unpaid', payment_intent: null }),
      created: at,
    });
    expect(mapStripeEvent(asEvent(unpaid))).toMatchObject({
      type: 'payment_processing',
      orderId: 'order-1',
      sessionId: 'cs_test_1',
    });
    const free = buildCheckoutSessionEvent({
      type: 'checkout.session.completed',
      session: session({ payment_status: 'no_payment_required' }),
      created: at,
    });
    expect(mapStripeEvent(asEvent(free))).toMatchObject({ type: 'payment_succeeded', amount: 0 });
  });

  it('maps delayed payment outcomes and expiry', () => {
    const ok = buildCheckoutSessionEvent({
      type: 'checkout.session.async_payment_succeeded',
      session: session(),
      created: at,
    });
    expect(mapStripeEvent(asEvent(ok))).toMatchObject({ type: 'payment_succeeded', amount: 60000 });
    const failed = buildCheckoutSessionEvent({
      type: 'checkout.session.async_payment_failed',
      session: session({ payment_status: 'unpaid' }),
      created: at,
    });
    expect(mapStripeEvent(asEvent(failed))).toMatchObject({
      type: 'payment_failed',
      orderId: 'order-1',
      sessionId: 'cs_test_1',
    });
    const expired = buildCheckoutSessionEvent({
      type: 'checkout.session.expired',
      session: session({ status: 'expired', payment_status: 'unpaid' }),
      created: at,
    });
    expect(mapStripeEvent(asEvent(expired))).toMatchObject({
      type: 'checkout_expired',
      orderId: 'order-1',
      sessionId: 'cs_test_1',
    });
  });

  it('maps charge.refunded to the running refunded total of the PaymentIntent', () => {
    const event = buildChargeRefundedEvent({
      paymentIntent: 'pi_test_1',
      amount: 60000,
      amountRefunded: 30000,
      currency: 'eur',
      created: at,
      eventId: 'evt_r',
    });
    expect(mapStripeEvent(asEvent(event))).toEqual({
      id: 'evt_r',
      type: 'refund_updated',
      paymentReference: 'pi_test_1',
      amountRefunded: 30000,
      currency: 'EUR',
    });
  });

  it('ignores every other event type', () => {
    const other = {
      ...buildCheckoutSessionEvent({ type: 'checkout.session.completed', session: session(), created: at }),
      type: 'customer.created',
      id: 'evt_o',
    };
    expect(mapStripeEvent(asEvent(other))).toEqual({ id: 'evt_o', type: 'ignored', providerType: 'customer.created' });
  });
});

describe('Checkout Session parameters', () => {
  it('ends the session 31 minutes after the hold, whenever it is created, so a retry sends the same expiry', () => {
    const hold = new Date(at.getTime() + 15 * 60_000);
    const expected = Math.floor(hold.getTime() / 1000) + 31 * 60;
    expect(checkoutExpiresAt(hold, at)).toBe(expected);
    expect(checkoutExpiresAt(hold, new Date(at.getTime() + 14 * 60_000))).toBe(expected);
  });

  it('caps the session below Stripe’s 24 hours for a very long hold', () => {
    const hold = new Date(at.getTime() + 30 * 3600_000);
    expect(checkoutExpiresAt(hold, at)).toBe(Math.floor(at.getTime() / 1000) + 23 * 3600);
  });

  it('refuses lines that do not add up to the amount, or an empty or free checkout', () => {
    expect(() =>
      assertLinesMatchAmount({ lines: [{ label: 'A', unitAmount: 100, quantity: 2 }], amount: 200 }),
    ).not.toThrow();
    expect(() =>
      assertLinesMatchAmount({ lines: [{ label: 'A', unitAmount: 100, quantity: 2 }], amount: 199 }),
    ).toThrow();
    expect(() => assertLinesMatchAmount({ lines: [], amount: 0 })).toThrow();
    expect(() =>
      assertLinesMatchAmount({ lines: [{ label: 'A', unitAmount: 100, quantity: 0 }], amount: 0 }),
    ).toThrow();
  });
});

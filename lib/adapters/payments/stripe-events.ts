// Stripe events in our words, and Stripe-shaped event JSON for the local demo checkout and the tests. Only the
// fields we read are built; Stripe types stay inside lib/adapters/payments/.
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import type { PaymentEvent } from './types';

// The API version the fake and local events claim; the shapes we read have not changed across versions.
const EVENT_API_VERSION = '2025-01-27.acacia';

type CheckoutSession = Stripe.Checkout.Session;

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function orderIdOf(session: Pick<CheckoutSession, 'metadata' | 'client_reference_id'>): string | null {
  return session.metadata?.order_id ?? session.client_reference_id ?? null;
}

function succeeded(event: Stripe.Event, session: CheckoutSession, amount = session.amount_total ?? 0): PaymentEvent {
  return {
    id: event.id,
    type: 'payment_succeeded',
    orderId: orderIdOf(session),
    sessionId: session.id,
    amount,
    currency: (session.currency ?? '').toUpperCase(),
    paymentReference: idOf(session.payment_intent),
  };
}

export function mapStripeEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      if (session.payment_status === 'paid') return succeeded(event, session);
      if (session.payment_status === 'no_payment_required') return succeeded(event, session, 0);
      // 'unpaid': a delayed method (a bank debit) is on its way; async_payment_succeeded or _failed follows.
      return { id: event.id, type: 'payment_processing', orderId: orderIdOf(session), sessionId: session.id };
    }
    case 'checkout.session.async_payment_succeeded':
      return succeeded(event, event.data.object);
    case 'checkout.session.async_payment_failed':
      return {
        id: event.id,
        type: 'payment_failed',
        orderId: orderIdOf(event.data.object),
        sessionId: event.data.object.id,
      };
    case 'checkout.session.expired':
      return {
        id: event.id,
        type: 'checkout_expired',
        orderId: orderIdOf(event.data.object),
        sessionId: event.data.object.id,
      };
    case 'charge.refunded': {
      const charge = event.data.object;
      const paymentReference = idOf(charge.payment_intent);
      // Every Checkout payment has a PaymentIntent; a bare charge cannot be one of ours.
      if (!paymentReference) return { id: event.id, type: 'ignored', providerType: event.type };
      return {
        id: event.id,
        type: 'refund_updated',
        paymentReference,
        amountRefunded: charge.amount_refunded,
        currency: charge.currency.toUpperCase(),
      };
    }
    default:
      return { id: event.id, type: 'ignored', providerType: event.type };
  }
}

export function randomStripeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

/** The part of a Checkout Session object that our code and the events read. */
export interface CheckoutSessionShape {
  id: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number;
  /** Lower case, as Stripe sends it. */
  currency: string;
  payment_intent: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  url: string | null;
  customer_email?: string | null;
  expires_at?: number;
  success_url?: string | null;
  cancel_url?: string | null;
}

export type CheckoutEventType =
  | 'checkout.session.completed'
  | 'checkout.session.async_payment_succeeded'
  | 'checkout.session.async_payment_failed'
  | 'checkout.session.expired';

export interface StripeEventJson {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: null; idempotency_key: null };
  type: string;
  data: { object: Record<string, unknown> };
}

function eventEnvelope(
  type: string,
  object: Record<string, unknown>,
  created: Date,
  eventId?: string,
): StripeEventJson {
  return {
    id: eventId ?? randomStripeId('evt'),
    object: 'event',
    api_version: EVENT_API_VERSION,
    created: Math.floor(created.getTime() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object },
  };
}

export function buildCheckoutSessionEvent(input: {
  type: CheckoutEventType;
  session: CheckoutSessionShape;
  created: Date;
  eventId?: string;
}): StripeEventJson {
  return eventEnvelope(
    input.type,
    { object: 'checkout.session', mode: 'payment', livemode: false, ...input.session },
    input.created,
    input.eventId,
  );
}

export function buildChargeRefundedEvent(input: {
  paymentIntent: string;
  amount: number;
  amountRefunded: number;
  currency: string;
  created: Date;
  chargeId?: string;
  eventId?: string;
}): StripeEventJson {
  const charge = {
    id: input.chargeId ?? randomStripeId('ch'),
    object: 'charge',
    amount: input.amount,
    amount_refunded: input.amountRefunded,
    currency: input.currency.toLowerCase(),
    payment_intent: input.paymentIntent,
    refunded: input.amountRefunded >= input.amount,
    status: 'succeeded',
    livemode: false,
  };
  return eventEnvelope('charge.refunded', charge, input.created, input.eventId);
}

// The Stripe gateway: one Checkout Session per order, created with an idempotency key derived from the order, so
// a retry after a timeout or a crash returns the same session. Every request's parameters are a pure function of
// the order (Stripe refuses a reused key with different parameters). Errors come back as PaymentProviderError,
// retryable for timeouts, connection failures, 409, 429 and 5xx.
import Stripe from 'stripe';
import type { Clock } from '../clock';
import { verifyStripeWebhook } from './webhook-signature';
import {
  isPaymentProviderError,
  PaymentProviderError,
  type Checkout,
  type CheckoutState,
  type CreateCheckoutInput,
  type PaymentGateway,
  type RefundInput,
  type RefundResult,
} from './types';

export interface StripeGatewayOptions {
  secretKey: string;
  webhookSecret: string;
  /** A Stripe-compatible server (tests); unset means api.stripe.com. */
  apiUrl?: string;
  statementDescriptorSuffix: string;
  clock: Clock;
  timeoutMs?: number;
  /** The SDK's own retries; the caller retries with the same idempotency key, so none by default. */
  maxNetworkRetries?: number;
}

const MINUTE = 60_000;
// Stripe requires a session to live 30 minutes to 24 hours from its creation. Our holds are shorter, so the session
// outlives the hold by a margin and is expired by us when the hold lapses.
const SESSION_MARGIN_MS = 31 * MINUTE;
const SESSION_MAX_MS = 23 * 60 * MINUTE;

/**
 * The session's end: the hold's end plus the margin. Derived from the hold, not from "now", so a retry with the same
 * idempotency key sends the same parameters; only a hold of nearly a day gets capped.
 */
export function checkoutExpiresAt(holdExpiresAt: Date, now: Date): number {
  const end = Math.min(holdExpiresAt.getTime() + SESSION_MARGIN_MS, now.getTime() + SESSION_MAX_MS);
  return Math.floor(end / 1000);
}

export function assertLinesMatchAmount(input: Pick<CreateCheckoutInput, 'lines' | 'amount'>): void {
  const sum = input.lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0);
  const wellFormed =
    input.lines.length > 0 &&
    input.lines.every(
      (l) => Number.isInteger(l.unitAmount) && l.unitAmount >= 0 && Number.isInteger(l.quantity) && l.quantity >= 1,
    );
  if (!wellFormed || !Number.isInteger(input.amount) || input.amount <= 0 || sum !== input.amount) {
    throw new Error(`Checkout lines (sum ${sum}) do not make up the amount to charge (${input.amount}).`);
  }
}

function clientFor(options: StripeGatewayOptions): Stripe {
  const config: ConstructorParameters<typeof Stripe>[1] = {
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
    timeout: options.timeoutMs ?? 10_000,
    telemetry: false,
  };
  if (options.apiUrl) {
    const url = new URL(options.apiUrl);
    const protocol = url.protocol === 'http:' ? 'http' : 'https';
    Object.assign(config, { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol });
  }
  return new Stripe(options.secretKey, config);
}

/** Our error for a failed Stripe call: never Stripe's message, which may quote the request's values (an email). */
export function toProviderError(error: unknown, action: string): PaymentProviderError {
  if (isPaymentProviderError(error)) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new PaymentProviderError(
      `Stripe ${action} failed unexpectedly (${error instanceof Error ? error.name : 'unknown'})`,
      true,
    );
  }
  const status = error.statusCode;
  const retryable =
    error.type === 'StripeConnectionError' || status === undefined || status === 409 || status === 429 || status >= 500;
  const detail = [error.type, status, error.code].filter((x) => x !== undefined && x !== null && x !== '').join(' ');
  return new PaymentProviderError(`Stripe ${action} failed (${detail})`, retryable);
}

const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;
const PAYMENT_STATUSES = ['paid', 'unpaid', 'no_payment_required'] as const;
const oneOf = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;

function stateOf(session: Stripe.Checkout.Session): CheckoutState {
  const pi = session.payment_intent;
  return {
    sessionId: session.id,
    status: oneOf(SESSION_STATUSES, session.status, 'open'),
    // An unknown payment status is never taken for paid.
    paymentStatus: oneOf(PAYMENT_STATUSES, session.payment_status, 'unpaid'),
    amountTotal: session.amount_total ?? 0,
    currency: (session.currency ?? '').toUpperCase(),
    paymentReference: typeof pi === 'string' ? pi : (pi?.id ?? null),
    orderId: session.metadata?.order_id ?? session.client_reference_id ?? null,
  };
}

const refundStatus = (s: string | null): RefundResult['status'] =>
  s === 'succeeded' ? 'succeeded' : s === 'failed' || s === 'canceled' ? 'failed' : 'pending';

export function createStripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = clientFor(options);
  const { clock } = options;

  async function call<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toProviderError(error, action);
    }
  }

  return {
    name: 'stripe',

    async createCheckout(input: CreateCheckoutInput): Promise<Checkout> {
      assertLinesMatchAmount(input);
      const metadata = { order_id: input.orderId, reference: input.reference };
      const session = await call('checkout creation', () =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: input.lines.map((l) => ({
              quantity: l.quantity,
              price_data: {
                currency: input.currency.toLowerCase(),
                unit_amount: l.unitAmount,
                product_data: { name: l.label },
              },
            })),
            customer_email: input.email,
            client_reference_id: input.orderId,
            metadata,
            payment_intent_data: { statement_descriptor_suffix: options.statementDescriptorSuffix, metadata },
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            expires_at: checkoutExpiresAt(input.holdExpiresAt, clock.now()),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!session.url) throw new PaymentProviderError('Stripe returned a checkout session without a URL', false);
      return { sessionId: session.id, url: session.url };
    },

    async expireCheckout(sessionId: string): Promise<void> {
      try {
        await stripe.checkout.sessions.expire(sessionId);
      } catch (error) {
        // Only an open session can be expired: one that is already complete or expired needs nothing more.
        if (error instanceof Stripe.errors.StripeError && error.statusCode === 400) {
          const state = await call('checkout retrieval', () => stripe.checkout.sessions.retrieve(sessionId));
          if (state.status !== 'open') return;
        }
        throw toProviderError(error, 'checkout expiry');
      }
    },

    async retrieveCheckout(sessionId: string): Promise<CheckoutState> {
      return stateOf(await call('checkout retrieval', () => stripe.checkout.sessions.retrieve(sessionId)));
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      const refund = await call('refund', () =>
        stripe.refunds.create(
          { payment_intent: input.paymentReference, amount: input.amount },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { refundId: refund.id, status: refundStatus(refund.status) };
    },

    parseWebhook(rawBody, signatureHeader) {
      return verifyStripeWebhook(rawBody, signatureHeader, options.webhookSecret, clock.now());
    },
  };
}

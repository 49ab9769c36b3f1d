// The payment provider behind a small interface: Stripe in production, a local demo checkout without keys.
// Provider types never leave lib/adapters/payments/; the domain sees only these.

export interface CheckoutLine {
  /** Public ticket label: what a card statement and receipt may show. */
  label: string;
  /** Minor units, per item. */
  unitAmount: number;
  quantity: number;
}

export interface CreateCheckoutInput {
  orderId: string;
  reference: string;
  currency: string;
  lines: CheckoutLine[];
  /** Total after discounts, minor units; what must be charged. */
  amount: number;
  email: string;
  successUrl: string;
  cancelUrl: string;
  /** When our hold ends; the provider's session may outlive it and is then expired by us. */
  holdExpiresAt: Date;
  /** Derived from the order, so a retry never makes a second session. */
  idempotencyKey: string;
}

export interface Checkout {
  sessionId: string;
  url: string;
}

export type CheckoutState = {
  sessionId: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  amountTotal: number;
  currency: string;
  paymentReference: string | null;
  orderId: string | null;
};

export interface RefundInput {
  paymentReference: string;
  amount: number;
  idempotencyKey: string;
}

export interface RefundResult {
  refundId: string;
  status: 'pending' | 'succeeded' | 'failed';
}

/** What happened at the provider, in our words. Stripe's event id stays the dedup key. */
export type PaymentEvent =
  | {
      id: string;
      type: 'payment_succeeded';
      orderId: string | null;
      sessionId: string;
      amount: number;
      currency: string;
      paymentReference: string | null;
    }
  | { id: string; type: 'payment_processing'; orderId: string | null; sessionId: string }
  | { id: string; type: 'payment_failed'; orderId: string | null; sessionId: string }
  | { id: string; type: 'checkout_expired'; orderId: string | null; sessionId: string }
  | { id: string; type: 'refund_updated'; paymentReference: string; amountRefunded: number; currency: string }
  | { id: string; type: 'ignored'; providerType: string };

/** The provider refused or could not be reached; the caller may retry with the same idempotency key. */
export class PaymentProviderError extends Error {
  constructor(
    message: string,
    public readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'PaymentProviderError';
  }
}

/**
 * True for a PaymentProviderError, including one made by another copy of this module: Next bundles pages and
 * server actions separately while the gateway lives in one process-wide context, so `instanceof` alone can miss.
 */
export function isPaymentProviderError(error: unknown): error is PaymentProviderError {
  return (
    error instanceof PaymentProviderError ||
    (error instanceof Error &&
      error.name === 'PaymentProviderError' &&
      typeof (error as { retryable?: unknown }).retryable === 'boolean')
  );
}

/** A webhook whose signature, timestamp or body does not verify. */
export class InvalidWebhookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWebhookError';
  }
}

export interface PaymentGateway {
  readonly name: 'stripe' | 'local';
  createCheckout(input: CreateCheckoutInput): Promise<Checkout>;
  expireCheckout(sessionId: string): Promise<void>;
  retrieveCheckout(sessionId: string): Promise<CheckoutState>;
  refund(input: RefundInput): Promise<RefundResult>;
  /** Verifies the signature over the raw body and maps the event; throws InvalidWebhookError. */
  parseWebhook(rawBody: string, signatureHeader: string | null): PaymentEvent;
}

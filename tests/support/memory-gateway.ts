// An in-memory PaymentGateway for integration tests of the payment use cases: checkout sessions the test
// completes, fails or expires by hand, refunds that honour idempotency keys (and can be made to fail), and
// webhooks signed with an HMAC over the raw body whose payload is the provider-neutral event itself.
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  InvalidWebhookError,
  PaymentProviderError,
  type Checkout,
  type CheckoutState,
  type CreateCheckoutInput,
  type PaymentEvent,
  type PaymentGateway,
  type RefundInput,
  type RefundResult,
} from '@/lib/adapters/payments/types';

interface Session extends CheckoutState {
  holdExpiresAt: Date;
}

export interface MemoryGateway extends PaymentGateway {
  sessions: Map<string, Session>;
  /** Every refund call, including retries and failures. */
  refundCalls: RefundInput[];
  /** Refunds the provider actually made, one per idempotency key. */
  refundsMade: Map<string, RefundInput & { refundId: string }>;
  /** The next `n` refund calls fail; retryable failures model a timeout or an outage. */
  failRefunds(n: number, retryable: boolean): void;
  /** The buyer pays: the session completes, paid, with a fresh payment reference. */
  pay(sessionId: string, amount?: number): Session;
  /** The buyer starts a bank debit: complete, unpaid until settled. */
  startAsync(sessionId: string): Session;
  settleAsync(sessionId: string, amount?: number): Session;
  sign(body: string): string;
  /** Serialises and signs an event as the provider would send it. */
  webhook(event: PaymentEvent): { body: string; signature: string };
}

let counter = 0;
const next = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(++counter).toString(36)}`;

export function createMemoryGateway(secret = 'whsec_memory'): MemoryGateway {
  const sessions = new Map<string, Session>();
  const byKey = new Map<string, string>();
  const refundCalls: RefundInput[] = [];
  const refundsMade = new Map<string, RefundInput & { refundId: string }>();
  const refundedPerPayment = new Map<string, number>();
  let failures: { left: number; retryable: boolean } = { left: 0, retryable: true };

  const session = (id: string) => {
    const s = sessions.get(id);
    if (!s) throw new PaymentProviderError(`No such checkout session: ${id}`, false);
    return s;
  };
  const sign = (body: string) => createHmac('sha256', secret).update(body).digest('hex');
  const complete = (id: string, paid: boolean, amount?: number) => {
    const s = session(id);
    s.status = 'complete';
    s.paymentReference ??= next('pi_mem');
    if (paid) s.paymentStatus = 'paid';
    if (amount !== undefined) s.amountTotal = amount;
    return s;
  };

  return {
    name: 'stripe',
    sessions,
    refundCalls,
    refundsMade,
    async createCheckout(input: CreateCheckoutInput): Promise<Checkout> {
      const existing = byKey.get(input.idempotencyKey);
      const id = existing ?? next('cs_mem');
      if (!existing) {
        byKey.set(input.idempotencyKey, id);
        sessions.set(id, {
          sessionId: id,
          status: 'open',
          paymentStatus: 'unpaid',
          amountTotal: input.amount,
          currency: input.currency.toLowerCase(),
          paymentReference: null,
          orderId: input.orderId,
          holdExpiresAt: input.holdExpiresAt,
        });
      }
      return { sessionId: id, url: `https://checkout.example/${id}` };
    },
    async expireCheckout(sessionId) {
      const s = session(sessionId);
      if (s.status === 'complete') throw new PaymentProviderError('Only open sessions can be expired', false);
      s.status = 'expired';
    },
    async retrieveCheckout(sessionId) {
      const { holdExpiresAt: _h, ...state } = session(sessionId);
      return { ...state };
    },
    async refund(input: RefundInput): Promise<RefundResult> {
      refundCalls.push(input);
      if (failures.left > 0) {
        failures.left--;
        throw new PaymentProviderError('refund failed (simulated)', failures.retryable);
      }
      const made = refundsMade.get(input.idempotencyKey);
      if (made) return { refundId: made.refundId, status: 'succeeded' };
      const paid = [...sessions.values()].find(
        (s) => s.paymentReference === input.paymentReference && s.paymentStatus === 'paid',
      );
      if (!paid) throw new PaymentProviderError('No such payment', false);
      const already = refundedPerPayment.get(input.paymentReference) ?? 0;
      if (already + input.amount > paid.amountTotal)
        throw new PaymentProviderError('Refund exceeds the amount paid', false);
      refundedPerPayment.set(input.paymentReference, already + input.amount);
      const refundId = next('re_mem');
      refundsMade.set(input.idempotencyKey, { ...input, refundId });
      return { refundId, status: 'succeeded' };
    },
    parseWebhook(rawBody, signatureHeader) {
      const expected = Buffer.from(sign(rawBody));
      const given = Buffer.from(signatureHeader ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new InvalidWebhookError('Signature does not match');
      return JSON.parse(rawBody) as PaymentEvent;
    },
    failRefunds(n, retryable) {
      failures = { left: n, retryable };
    },
    pay: (id, amount) => complete(id, true, amount),
    startAsync: (id) => complete(id, false),
    settleAsync: (id, amount) => complete(id, true, amount),
    sign,
    webhook(event) {
      const body = JSON.stringify(event);
      return { body, signature: sign(body) };
    },
  };
}

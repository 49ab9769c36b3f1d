// The Stripe gateway through the real stripe SDK against the fake Stripe server over HTTP: one session per
// idempotency key, what reaches Stripe, expiry, retrieval, refunds, and how outages come back (R12).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '@/lib/adapters/clock';
import { createPaymentGateway } from '@/lib/adapters/payments';
import { createStripeGateway } from '@/lib/adapters/payments/stripe';
import { PaymentProviderError, type CreateCheckoutInput, type PaymentGateway } from '@/lib/adapters/payments/types';
import { createFakeStripe, type FakeStripe } from '../../support/fake-stripe';
import { testConfig } from '../../support/registration-fixture';

const NOW = new Date('2030-01-10T10:00:00Z');
const HOLD_END = new Date(NOW.getTime() + 15 * 60_000);
const clock = createManualClock(NOW);
let fake: FakeStripe;
let stripe: PaymentGateway;

beforeAll(async () => {
  fake = await createFakeStripe({ now: () => clock.now() });
  stripe = createStripeGateway({
    secretKey: 'sk_test_fake',
    webhookSecret: fake.webhookSecret,
    apiUrl: fake.url,
    statementDescriptorSuffix: 'REGISTRATION',
    clock,
    timeoutMs: 400,
  });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  clock.set(NOW);
});

let n = 0;
function checkoutInput(extra: Partial<CreateCheckoutInput> = {}): CreateCheckoutInput {
  n++;
  return {
    orderId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    reference: `IAC-TEST${n}`,
    currency: 'EUR',
    lines: [
      { label: 'Full pass', unitAmount: 30000, quantity: 2 },
      { label: 'Online pass', unitAmount: 9000, quantity: 1 },
    ],
    amount: 69000,
    email: `buyer${n}@example.org`,
    successUrl: `http://app.test/orders/token${n}?paid=1`,
    cancelUrl: `http://app.test/orders/token${n}`,
    holdExpiresAt: HOLD_END,
    idempotencyKey: `checkout:test-${n}`,
    ...extra,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (e: unknown) => e,
  );
}

describe('Stripe gateway', () => {
  it('creates one Checkout Session for two calls with the same idempotency key, even minutes apart', async () => {
    const input = checkoutInput();
    const before = fake.createdCount;
    const first = await stripe.createCheckout(input);
    clock.advance(5 * 60_000);
    const second = await stripe.createCheckout(input);
    expect(second).toEqual(first);
    expect(fake.createdCount - before).toBe(1);
    expect(fake.createdWithKey(input.idempotencyKey)).toHaveLength(1);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('sends the lines, buyer email, order metadata, neutral descriptor suffix, return URLs and an expiry past the hold', async () => {
    const input = checkoutInput();
    const { sessionId } = await stripe.createCheckout(input);
    const session = fake.sessions.get(sessionId)!;
    expect(session.lineItems).toEqual([
      { name: 'Full pass', currency: 'eur', unitAmount: 30000, quantity: 2 },
      { name: 'Online pass', currency: 'eur', unitAmount: 9000, quantity: 1 },
    ]);
    expect(session.amount_total).toBe(69000);
    expect(session.customer_email).toBe(input.email);
    expect(session.client_reference_id).toBe(input.orderId);
    expect(session.metadata).toEqual({ order_id: input.orderId, reference: input.reference });
    expect(session.paymentIntentData).toEqual({
      statementDescriptorSuffix: 'REGISTRATION',
      metadata: { order_id: input.orderId, reference: input.reference },
    });
    expect(session.success_url).toBe(input.successUrl);
    expect(session.cancel_url).toBe(input.cancelUrl);
    // Stripe's minimum session life is 30 minutes; the hold is 15, so the session outlives it and we expire it.
    expect(session.expires_at).toBe(Math.floor(HOLD_END.getTime() / 1000) + 31 * 60);
  });

  it('refuses lines that do not add up to the amount, before calling Stripe', async () => {
    const before = fake.requests.length;
    const error = await rejection(stripe.createCheckout(checkoutInput({ amount: 68999 })));
    expect(error).toBeInstanceOf(Error);
    expect(fake.requests.length).toBe(before);
  });

  it('expires an open session, and expiring one that is already expired or paid does no harm', async () => {
    const open = await stripe.createCheckout(checkoutInput());
    await stripe.expireCheckout(open.sessionId);
    expect(fake.sessions.get(open.sessionId)?.status).toBe('expired');
    await stripe.expireCheckout(open.sessionId);
    expect((await stripe.retrieveCheckout(open.sessionId)).status).toBe('expired');

    const paid = await stripe.createCheckout(checkoutInput());
    fake.completeSession(paid.sessionId);
    await stripe.expireCheckout(paid.sessionId);
    expect(fake.sessions.get(paid.sessionId)?.status).toBe('complete');
  });

  it('retrieves a paid session with its amount, currency, payment reference and order', async () => {
    const input = checkoutInput();
    const { sessionId } = await stripe.createCheckout(input);
    expect(await stripe.retrieveCheckout(sessionId)).toMatchObject({
      status: 'open',
      paymentStatus: 'unpaid',
      paymentReference: null,
    });
    fake.completeSession(sessionId);
    expect(await stripe.retrieveCheckout(sessionId)).toEqual({
      sessionId,
      status: 'complete',
      paymentStatus: 'paid',
      amountTotal: 69000,
      currency: 'EUR',
      paymentReference: fake.sessions.get(sessionId)!.payment_intent,
      orderId: input.orderId,
    });
  });

  it('refunds once per idempotency key', async () => {
    const { sessionId } = await stripe.createCheckout(checkoutInput());
    fake.completeSession(sessionId);
    const paymentReference = fake.sessions.get(sessionId)!.payment_intent!;
    const first = await stripe.refund({ paymentReference, amount: 30000, idempotencyKey: `refund:${sessionId}:1` });
    const again = await stripe.refund({ paymentReference, amount: 30000, idempotencyKey: `refund:${sessionId}:1` });
    expect(again).toEqual(first);
    expect(first.status).toBe('succeeded');
    expect([...fake.refunds.values()].filter((r) => r.payment_intent === paymentReference)).toHaveLength(1);
    const other = await stripe.refund({ paymentReference, amount: 9000, idempotencyKey: `refund:${sessionId}:2` });
    expect(other.refundId).not.toBe(first.refundId);
    expect(fake.sessions.get(sessionId)!.amountRefunded).toBe(39000);
  });

  it.each([
    ['a 500', 'error500'],
    ['a timeout', 'timeout'],
    ['a 429', 'rateLimit'],
  ] as const)(
    'reports %s from Stripe as a retryable PaymentProviderError without personal data',
    async (_label, mode) => {
      const input = checkoutInput();
      fake.failNext(1, mode);
      const error = await rejection(stripe.createCheckout(input));
      expect(error).toBeInstanceOf(PaymentProviderError);
      expect((error as PaymentProviderError).retryable).toBe(true);
      expect((error as Error).message).not.toContain(input.email);
      // The retry with the same key gets one session, even when the timed-out attempt had made it.
      await stripe.createCheckout(input);
      expect(fake.createdWithKey(input.idempotencyKey)).toHaveLength(1);
    },
  );

  it('reports a refusal by Stripe (4xx) as not retryable', async () => {
    const error = await rejection(stripe.retrieveCheckout('cs_test_missing'));
    expect(error).toBeInstanceOf(PaymentProviderError);
    expect((error as PaymentProviderError).retryable).toBe(false);
    const input = checkoutInput();
    await stripe.createCheckout(input);
    const reused = await rejection(
      stripe.createCheckout({
        ...input,
        amount: 60000,
        lines: [{ label: 'Full pass', unitAmount: 30000, quantity: 2 }],
      }),
    );
    expect(reused).toBeInstanceOf(PaymentProviderError);
    expect((reused as PaymentProviderError).retryable).toBe(false);
  });

  it('is the gateway chosen when STRIPE_SECRET_KEY is set, pointed at STRIPE_API_URL', async () => {
    const config = testConfig({
      STRIPE_SECRET_KEY: 'sk_test_fromenv',
      STRIPE_WEBHOOK_SECRET: fake.webhookSecret,
      STRIPE_API_URL: fake.url,
    });
    // The Stripe gateway never touches the database.
    const gateway = createPaymentGateway(config, { db: undefined as never, clock });
    expect(gateway.name).toBe('stripe');
    const { sessionId } = await gateway.createCheckout(checkoutInput());
    expect(fake.sessions.has(sessionId)).toBe(true);
  });
});

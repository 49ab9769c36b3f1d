// The local demo checkout (no Stripe keys): sessions in the database, one per idempotency key; what the buyer
// presses becomes a signed Stripe-shaped event that the webhook verifies and applies like Stripe's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCheckouts, orders } from '@/db/schema';
import { createPaymentGateway } from '@/lib/adapters/payments';
import { createLocalGateway, LOCAL_WEBHOOK_SECRET_FALLBACK, localWebhookSecret } from '@/lib/adapters/payments/local';
import { createStripeGateway } from '@/lib/adapters/payments/stripe';
import { buildCheckoutSessionEvent } from '@/lib/adapters/payments/stripe-events';
import { InvalidWebhookError } from '@/lib/adapters/payments/types';
import { signStripeWebhook } from '@/lib/adapters/payments/webhook-signature';
import { DomainError } from '@/lib/errors';
import { parseEnv } from '@/lib/env';
import { createOrder } from '@/lib/orders/create-order';
import { getLocalCheckout, localCheckoutEvent } from '@/lib/payments/local-checkout';
import { startCheckout } from '@/lib/payments/start-checkout';
import { receivePaymentWebhook } from '@/lib/payments/webhook';
import {
  attendee,
  buildRegistrationFixture,
  FIXTURE_NOW,
  registration,
  testConfig,
} from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';
import { TEST_DATA_ENCRYPTION_KEY } from '../../support/vault';

const APP_URL = 'http://app.test';
let t: TestDb;
let fx: Awaited<ReturnType<typeof buildRegistrationFixture>>;

beforeAll(async () => {
  t = await createTestDb();
  fx = await buildRegistrationFixture(t.db, { slug: 'local' });
});
afterAll(async () => {
  await t.drop();
});

function localCtx() {
  const config = testConfig({ APP_URL });
  return { ...fx.ctx, config, payments: createPaymentGateway(config, { db: t.db, clock: fx.clock }) };
}

async function pendingOrder() {
  fx.clock.set(FIXTURE_NOW);
  return createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id), attendee(fx.fullPass.id)]), {
    clientKey: null,
  });
}

async function orderRow(id: string) {
  const [row] = await t.db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

const sessionIdOf = (url: string) => url.split('/').pop()!;

describe('local demo checkout', () => {
  it('is the gateway without Stripe keys, and is refused in production unless demo payments are allowed', () => {
    expect(localCtx().payments.name).toBe('local');
    const production = {
      DATABASE_URL: 'postgres://u@localhost/db',
      APP_ENV: 'production',
      DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    };
    expect(() => parseEnv(production)).toThrow(/STRIPE_SECRET_KEY/);
    expect(
      createPaymentGateway(parseEnv({ ...production, ALLOW_DEMO_PAYMENTS: 'true' }), { db: t.db, clock: fx.clock })
        .name,
    ).toBe('local');
  });

  it('keeps one session per idempotency key and shows it on the test checkout page', async () => {
    const ctx = localCtx();
    const { order, accessToken } = await pendingOrder();
    const first = await startCheckout(ctx, accessToken);
    const input = {
      orderId: order.id,
      reference: order.reference,
      currency: 'EUR',
      lines: [{ label: 'Full pass', unitAmount: 30000, quantity: 2 }],
      amount: 60000,
      email: order.buyerEmail,
      successUrl: 'unused',
      cancelUrl: 'unused',
      holdExpiresAt: order.expiresAt!,
      idempotencyKey: `checkout:${order.id}`,
    };
    expect(await ctx.payments.createCheckout(input)).toEqual({ sessionId: sessionIdOf(first.url), url: first.url });
    expect(first.url).toMatch(/^http:\/\/app\.test\/dev\/checkout\/cs_local_[a-f0-9]{24}$/);
    expect(
      await t.db.select({ id: localCheckouts.id }).from(localCheckouts).where(eq(localCheckouts.orderId, order.id)),
    ).toHaveLength(1);
    expect(await getLocalCheckout(ctx, sessionIdOf(first.url))).toMatchObject({
      status: 'open',
      amount: 60000,
      currency: 'EUR',
      description: '2 × Full pass',
      orderReference: order.reference,
      successUrl: `${APP_URL}/orders/${accessToken}?paid=1`,
      cancelUrl: `${APP_URL}/orders/${accessToken}`,
    });
  });

  it('turns "Pay" into a signed checkout.session.completed that the webhook accepts, once, and the order is paid', async () => {
    const ctx = localCtx();
    const { order, accessToken } = await pendingOrder();
    const { url } = await startCheckout(ctx, accessToken);
    const paid = await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    expect(paid.redirectTo).toBe(`${APP_URL}/orders/${accessToken}?paid=1`);
    const event = ctx.payments.parseWebhook(paid.rawBody, paid.signatureHeader);
    expect(event).toMatchObject({
      type: 'payment_succeeded',
      orderId: order.id,
      sessionId: sessionIdOf(url),
      amount: 60000,
      currency: 'EUR',
    });
    expect(event.type === 'payment_succeeded' && event.paymentReference).toMatch(/^pi_local_/);
    expect(await receivePaymentWebhook(ctx, paid.rawBody, paid.signatureHeader)).toMatchObject({
      status: 200,
      body: { outcome: 'paid' },
    });
    expect(await orderRow(order.id)).toMatchObject({ status: 'paid', amountPaid: 60000 });
    // Pressing again (a double submit) sends the same event, which changes nothing more.
    const again = await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    expect(JSON.parse(again.rawBody).id).toBe(JSON.parse(paid.rawBody).id);
    expect(await receivePaymentWebhook(ctx, again.rawBody, again.signatureHeader)).toMatchObject({
      status: 200,
      body: { outcome: 'duplicate' },
    });
    expect((await ctx.payments.retrieveCheckout(sessionIdOf(url))).status).toBe('complete');
  });

  it('turns "Decline" into a failed payment and keeps the checkout open for another try', async () => {
    const ctx = localCtx();
    const { order, accessToken } = await pendingOrder();
    const { url } = await startCheckout(ctx, accessToken);
    const declined = await localCheckoutEvent(ctx, sessionIdOf(url), 'decline');
    expect(declined.redirectTo).toBe(`${APP_URL}/orders/${accessToken}`);
    expect(ctx.payments.parseWebhook(declined.rawBody, declined.signatureHeader)).toMatchObject({
      type: 'payment_failed',
      orderId: order.id,
    });
    expect(await receivePaymentWebhook(ctx, declined.rawBody, declined.signatureHeader)).toMatchObject({ status: 200 });
    expect(await orderRow(order.id)).toMatchObject({ status: 'pending_payment', paymentState: 'failed' });
    expect((await startCheckout(ctx, accessToken)).url).toBe(url);
    const paid = await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    await receivePaymentWebhook(ctx, paid.rawBody, paid.signatureHeader);
    expect(await orderRow(order.id)).toMatchObject({ status: 'paid' });
  });

  it('turns "Abandon" into an expired checkout that ends the hold, after which the order cannot be paid', async () => {
    const ctx = localCtx();
    const { order, accessToken } = await pendingOrder();
    const { url } = await startCheckout(ctx, accessToken);
    const abandoned = await localCheckoutEvent(ctx, sessionIdOf(url), 'abandon');
    expect(ctx.payments.parseWebhook(abandoned.rawBody, abandoned.signatureHeader)).toMatchObject({
      type: 'checkout_expired',
      sessionId: sessionIdOf(url),
    });
    expect((await ctx.payments.retrieveCheckout(sessionIdOf(url))).status).toBe('expired');
    expect(await receivePaymentWebhook(ctx, abandoned.rawBody, abandoned.signatureHeader)).toMatchObject({
      status: 200,
      body: { outcome: 'expired' },
    });
    expect(await orderRow(order.id)).toMatchObject({ status: 'expired' });
    // "Pay" on an abandoned checkout only repeats that it expired.
    const late = await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    expect(ctx.payments.parseWebhook(late.rawBody, late.signatureHeader)).toMatchObject({ type: 'checkout_expired' });
    const refused = await startCheckout(ctx, accessToken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
  });

  it('treats a checkout past its time as expired, whatever is pressed', async () => {
    const ctx = localCtx();
    const { accessToken } = await pendingOrder();
    const { url } = await startCheckout(ctx, accessToken);
    const view = await getLocalCheckout(ctx, sessionIdOf(url));
    fx.clock.set(view!.expiresAt);
    const late = await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    expect(ctx.payments.parseWebhook(late.rawBody, late.signatureHeader)).toMatchObject({ type: 'checkout_expired' });
  });

  it('refunds a local payment once per idempotency key', async () => {
    const ctx = localCtx();
    const { accessToken } = await pendingOrder();
    const { url } = await startCheckout(ctx, accessToken);
    await localCheckoutEvent(ctx, sessionIdOf(url), 'pay');
    const { paymentReference } = await ctx.payments.retrieveCheckout(sessionIdOf(url));
    const first = await ctx.payments.refund({
      paymentReference: paymentReference!,
      amount: 30000,
      idempotencyKey: 'refund:local:1',
    });
    expect(first).toMatchObject({ status: 'succeeded', refundId: expect.stringMatching(/^re_local_/) });
    expect(
      await ctx.payments.refund({
        paymentReference: paymentReference!,
        amount: 30000,
        idempotencyKey: 'refund:local:1',
      }),
    ).toEqual(first);
    expect(
      (
        await ctx.payments.refund({
          paymentReference: paymentReference!,
          amount: 30000,
          idempotencyKey: 'refund:local:2',
        })
      ).refundId,
    ).not.toBe(first.refundId);
  });

  it('signs with STRIPE_WEBHOOK_SECRET, else a secret derived from AUTH_SECRET, and the fallback only in bare development', () => {
    expect(localWebhookSecret({ STRIPE_WEBHOOK_SECRET: 'whsec_set' })).toBe('whsec_set');
    const derived = localWebhookSecret({ AUTH_SECRET: 'a-long-enough-auth-secret' });
    expect(derived).toMatch(/^whsec_local_/);
    expect(derived).not.toBe(LOCAL_WEBHOOK_SECRET_FALLBACK);
    expect(localWebhookSecret({})).toBe(LOCAL_WEBHOOK_SECRET_FALLBACK);
    // A demo site with its own secret does not accept events signed with the public fallback.
    const gateway = createLocalGateway({ db: t.db, appUrl: APP_URL, webhookSecret: derived, clock: fx.clock });
    const body = JSON.stringify(
      buildCheckoutSessionEvent({
        type: 'checkout.session.expired',
        created: fx.clock.now(),
        session: {
          id: 'cs_local_x',
          status: 'expired',
          payment_status: 'unpaid',
          amount_total: 1,
          currency: 'eur',
          payment_intent: null,
          client_reference_id: null,
          metadata: {},
          url: null,
        },
      }),
    );
    expect(() =>
      gateway.parseWebhook(body, signStripeWebhook(body, LOCAL_WEBHOOK_SECRET_FALLBACK, fx.clock.now())),
    ).toThrow(InvalidWebhookError);
    expect(gateway.parseWebhook(body, signStripeWebhook(body, derived, fx.clock.now()))).toMatchObject({
      type: 'checkout_expired',
    });
  });

  it('does not exist while Stripe is the gateway', async () => {
    const ctx = {
      ...fx.ctx,
      payments: createStripeGateway({
        secretKey: 'sk_test_x',
        webhookSecret: 'whsec_x',
        apiUrl: 'http://127.0.0.1:9',
        statementDescriptorSuffix: 'REGISTRATION',
        clock: fx.clock,
      }),
    };
    expect(await getLocalCheckout(ctx, 'cs_local_000000000000000000000000')).toBeNull();
    const error = await localCheckoutEvent(ctx, 'cs_local_000000000000000000000000', 'pay').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

// R6: forged or stale webhooks (tampered body, wrong secret, missing header, timestamp older than 300 s) are
// refused by both gateways, which share Stripe's verification code; through the webhook they answer 400 and
// change no row.
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, paymentEvents } from '@/db/schema';
import { createLocalGateway } from '@/lib/adapters/payments/local';
import { buildCheckoutSessionEvent } from '@/lib/adapters/payments/stripe-events';
import { createStripeGateway } from '@/lib/adapters/payments/stripe';
import { InvalidWebhookError, type PaymentGateway } from '@/lib/adapters/payments/types';
import { signStripeWebhook } from '@/lib/adapters/payments/webhook-signature';
import { createOrder } from '@/lib/orders/create-order';
import { receivePaymentWebhook } from '@/lib/payments/webhook';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';

const SECRET = 'whsec_verification_test_secret';
let t: TestDb;
let fx: Awaited<ReturnType<typeof buildRegistrationFixture>>;
let orderId: string;

beforeAll(async () => {
  t = await createTestDb();
  fx = await buildRegistrationFixture(t.db, { slug: 'r6' });
  const { order } = await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), {
    clientKey: null,
  });
  orderId = order.id;
});
afterAll(async () => {
  await t.drop();
});

const gateways: [string, () => PaymentGateway][] = [
  [
    'Stripe',
    () =>
      createStripeGateway({
        secretKey: 'sk_test_unused',
        webhookSecret: SECRET,
        apiUrl: 'http://127.0.0.1:9',
        statementDescriptorSuffix: 'REGISTRATION',
        clock: fx.clock,
      }),
  ],
  [
    'local demo',
    () => createLocalGateway({ db: t.db, appUrl: 'http://app.test', webhookSecret: SECRET, clock: fx.clock }),
  ],
];

/** A genuine-looking "paid" event for the fixture order, signed at `at` with `secret`. */
function paidEvent(at: Date, secret = SECRET) {
  const body = JSON.stringify(
    buildCheckoutSessionEvent({
      type: 'checkout.session.completed',
      created: at,
      session: {
        id: 'cs_test_r6',
        status: 'complete',
        payment_status: 'paid',
        amount_total: 30000,
        currency: 'eur',
        payment_intent: 'pi_test_r6',
        client_reference_id: orderId,
        metadata: { order_id: orderId, reference: 'IAC-R6' },
        url: null,
      },
    }),
  );
  return { body, header: signStripeWebhook(body, secret, at) };
}

/** The mapped event, or what was thrown. */
function parseError(gateway: PaymentGateway, body: string, header: string | null): unknown {
  try {
    return gateway.parseWebhook(body, header);
  } catch (error) {
    return error;
  }
}

describe.each(gateways)('webhook verification with the %s gateway (R6)', (_name, make) => {
  it('accepts a correctly signed event and maps it', () => {
    const { body, header } = paidEvent(fx.clock.now());
    expect(make().parseWebhook(body, header)).toMatchObject({
      type: 'payment_succeeded',
      orderId,
      sessionId: 'cs_test_r6',
      amount: 30000,
      currency: 'EUR',
      paymentReference: 'pi_test_r6',
    });
  });

  it('refuses a tampered body', () => {
    const { body, header } = paidEvent(fx.clock.now());
    expect(parseError(make(), body.replace('"amount_total":30000', '"amount_total":1'), header)).toBeInstanceOf(
      InvalidWebhookError,
    );
  });

  it('refuses an event signed with another secret', () => {
    const { body, header } = paidEvent(fx.clock.now(), 'whsec_someone_else');
    expect(parseError(make(), body, header)).toBeInstanceOf(InvalidWebhookError);
  });

  it('refuses a missing, empty or malformed signature header', () => {
    const { body } = paidEvent(fx.clock.now());
    expect(parseError(make(), body, null)).toBeInstanceOf(InvalidWebhookError);
    expect(parseError(make(), body, '')).toBeInstanceOf(InvalidWebhookError);
    expect(parseError(make(), body, 't=abc,v1=zz')).toBeInstanceOf(InvalidWebhookError);
  });

  it('refuses a timestamp older than 300 seconds and accepts one just inside', () => {
    const now = fx.clock.now().getTime();
    const stale = paidEvent(new Date(now - 301_000));
    expect(parseError(make(), stale.body, stale.header)).toBeInstanceOf(InvalidWebhookError);
    const recent = paidEvent(new Date(now - 299_000));
    expect(parseError(make(), recent.body, recent.header)).toMatchObject({ type: 'payment_succeeded' });
  });

  it('refuses a correctly signed body that is not a Stripe event', () => {
    const body = '{"hello":';
    expect(parseError(make(), body, signStripeWebhook(body, SECRET, fx.clock.now()))).toBeInstanceOf(
      InvalidWebhookError,
    );
  });

  it('answers every forgery through the webhook with 400 and changes no row', async () => {
    const payments = make();
    const ctx = { ...fx.ctx, payments };
    const now = fx.clock.now();
    const good = paidEvent(now);
    const forged = [
      { body: good.body.replace('"amount_total":30000', '"amount_total":1'), header: good.header },
      paidEvent(now, 'whsec_someone_else'),
      { body: good.body, header: null },
      paidEvent(new Date(now.getTime() - 301_000)),
    ];
    for (const f of forged) {
      expect(await receivePaymentWebhook(ctx, f.body, f.header)).toMatchObject({ status: 400 });
    }
    const [events] = await t.db.select({ n: count() }).from(paymentEvents);
    expect(events!.n).toBe(0);
    const [order] = await t.db
      .select({ status: orders.status, amountPaid: orders.amountPaid })
      .from(orders)
      .where(eq(orders.id, orderId));
    expect(order).toEqual({ status: 'pending_payment', amountPaid: 0 });
  });
});

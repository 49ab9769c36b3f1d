// The local demo gateway (test mode, no Stripe keys): checkout sessions live in local_checkouts and are paid,
// declined or abandoned on the app's own /dev/checkout page. Its outcomes become Stripe-shaped events, signed and
// verified by the same code as Stripe's, and sent to the same webhook route, so the demo runs the real path.
// lib/env.ts refuses it in production unless ALLOW_DEMO_PAYMENTS is set.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { localCheckouts, orders, type LocalCheckout } from '@/db/schema';
import type { Clock } from '../clock';
import { checkoutExpiresAt } from './stripe';
import { buildCheckoutSessionEvent, type CheckoutEventType, type CheckoutSessionShape } from './stripe-events';
import { signStripeWebhook, verifyStripeWebhook } from './webhook-signature';
import {
  PaymentProviderError,
  type Checkout,
  type CheckoutState,
  type CreateCheckoutInput,
  type PaymentGateway,
  type RefundInput,
  type RefundResult,
} from './types';

/** Development only: the secret the demo signs its events with when neither STRIPE_WEBHOOK_SECRET nor AUTH_SECRET is set. */
export const LOCAL_WEBHOOK_SECRET_FALLBACK = 'whsec_local_demo_checkout_test_mode_only';

/** STRIPE_WEBHOOK_SECRET if set, else one derived from AUTH_SECRET (so a demo site's is not public), else the fallback. */
export function localWebhookSecret(config: { STRIPE_WEBHOOK_SECRET?: string; AUTH_SECRET?: string }): string {
  if (config.STRIPE_WEBHOOK_SECRET) return config.STRIPE_WEBHOOK_SECRET;
  if (config.AUTH_SECRET)
    return `whsec_local_${createHmac('sha256', config.AUTH_SECRET).update('local-checkout-webhook').digest('base64url')}`;
  return LOCAL_WEBHOOK_SECRET_FALLBACK;
}

export type LocalOutcome = 'pay' | 'decline' | 'abandon';

export interface LocalCheckoutView {
  id: string;
  status: LocalCheckout['status'];
  amount: number;
  currency: string;
  description: string;
  orderReference: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
}

export interface LocalSignedEvent {
  rawBody: string;
  signatureHeader: string;
  redirectTo: string;
}

export interface LocalGateway extends PaymentGateway {
  readonly name: 'local';
  view(id: string): Promise<LocalCheckoutView | null>;
  /** What the buyer did on the test checkout page, as the signed event Stripe would send; null for an unknown id. */
  simulate(id: string, outcome: LocalOutcome): Promise<LocalSignedEvent | null>;
}

export function isLocalGateway(gateway: PaymentGateway): gateway is LocalGateway {
  return gateway.name === 'local' && 'simulate' in gateway;
}

export interface LocalGatewayOptions {
  db: DbOrTx;
  appUrl: string;
  webhookSecret: string;
  clock: Clock;
}

const ID_PATTERN = /^cs_local_[a-f0-9]{24}$/;

function stateOf(row: LocalCheckout): CheckoutState {
  return {
    sessionId: row.id,
    status: row.status,
    paymentStatus: row.status === 'complete' ? 'paid' : 'unpaid',
    amountTotal: row.amount,
    currency: row.currency,
    paymentReference: row.paymentReference,
    orderId: row.orderId,
  };
}

export function createLocalGateway(options: LocalGatewayOptions): LocalGateway {
  const { db, clock, webhookSecret } = options;
  const appUrl = options.appUrl.replace(/\/+$/, '');

  async function find(id: string): Promise<LocalCheckout | undefined> {
    if (!ID_PATTERN.test(id)) return undefined;
    const [row] = await db.select().from(localCheckouts).where(eq(localCheckouts.id, id));
    return row;
  }

  async function sessionShape(row: LocalCheckout): Promise<CheckoutSessionShape> {
    const [order] = await db.select({ reference: orders.reference }).from(orders).where(eq(orders.id, row.orderId));
    return {
      id: row.id,
      status: row.status,
      payment_status: row.status === 'complete' ? 'paid' : 'unpaid',
      amount_total: row.amount,
      currency: row.currency.toLowerCase(),
      payment_intent: row.paymentReference,
      client_reference_id: row.orderId,
      metadata: { order_id: row.orderId, reference: order?.reference ?? '' },
      url: row.status === 'open' ? `${appUrl}/dev/checkout/${row.id}` : null,
      expires_at: Math.floor(row.expiresAt.getTime() / 1000),
      success_url: row.successUrl,
      cancel_url: row.cancelUrl,
    };
  }

  async function signed(
    type: CheckoutEventType,
    row: LocalCheckout,
    eventId: string,
    redirectTo: string,
  ): Promise<LocalSignedEvent> {
    const now = clock.now();
    const rawBody = JSON.stringify(
      buildCheckoutSessionEvent({ type, session: await sessionShape(row), created: now, eventId }),
    );
    return { rawBody, signatureHeader: signStripeWebhook(rawBody, webhookSecret, now), redirectTo };
  }

  // Event ids are derived from the session for pay and abandon, so a double submit is one event to the webhook.
  const eventId = (row: LocalCheckout, what: string) => `evt_local_${row.id.slice('cs_local_'.length)}_${what}`;

  async function setStatus(
    id: string,
    status: 'complete' | 'expired',
    paymentReference: string | null = null,
  ): Promise<LocalCheckout | undefined> {
    const [row] = await db
      .update(localCheckouts)
      .set({ status, ...(paymentReference ? { paymentReference } : {}) })
      .where(and(eq(localCheckouts.id, id), eq(localCheckouts.status, 'open')))
      .returning();
    return row ?? (await find(id));
  }

  return {
    name: 'local',

    async createCheckout(input: CreateCheckoutInput): Promise<Checkout> {
      const sum = input.lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0);
      if (input.lines.length === 0 || sum !== input.amount || input.amount <= 0) {
        throw new Error(`Checkout lines (sum ${sum}) do not make up the amount to charge (${input.amount}).`);
      }
      const now = clock.now();
      const id = `cs_local_${randomBytes(12).toString('hex')}`;
      await db
        .insert(localCheckouts)
        .values({
          id,
          orderId: input.orderId,
          idempotencyKey: input.idempotencyKey,
          amount: input.amount,
          currency: input.currency.toUpperCase(),
          description: input.lines.map((l) => `${l.quantity} × ${l.label}`).join(', '),
          successUrl: input.successUrl,
          cancelUrl: input.cancelUrl,
          expiresAt: new Date(checkoutExpiresAt(input.holdExpiresAt, now) * 1000),
          createdAt: now,
        })
        .onConflictDoNothing({ target: localCheckouts.idempotencyKey });
      // Like Stripe: the same key answers with the session it first made, and refuses other parameters.
      const [row] = await db
        .select()
        .from(localCheckouts)
        .where(eq(localCheckouts.idempotencyKey, input.idempotencyKey));
      if (!row) throw new PaymentProviderError('The local checkout could not be stored', true);
      if (row.orderId !== input.orderId || row.amount !== input.amount) {
        throw new PaymentProviderError('Idempotency key reused with other parameters', false);
      }
      return { sessionId: row.id, url: `${appUrl}/dev/checkout/${row.id}` };
    },

    async expireCheckout(sessionId: string): Promise<void> {
      if (!(await setStatus(sessionId, 'expired'))) throw new PaymentProviderError('No such local checkout', false);
    },

    async retrieveCheckout(sessionId: string): Promise<CheckoutState> {
      const row = await find(sessionId);
      if (!row) throw new PaymentProviderError('No such local checkout', false);
      return stateOf(row);
    },

    async refund(input: RefundInput): Promise<RefundResult> {
      const [paid] = await db
        .select()
        .from(localCheckouts)
        .where(and(eq(localCheckouts.paymentReference, input.paymentReference), eq(localCheckouts.status, 'complete')));
      if (!paid || input.amount < 1 || input.amount > paid.amount)
        throw new PaymentProviderError('No such local payment to refund', false);
      // One refund per key, however often it is asked for: the id is derived from the key.
      const refundId = `re_local_${createHash('sha256').update(input.idempotencyKey).digest('hex').slice(0, 24)}`;
      return { refundId, status: 'succeeded' };
    },

    parseWebhook(rawBody, signatureHeader) {
      return verifyStripeWebhook(rawBody, signatureHeader, webhookSecret, clock.now());
    },

    async view(id: string): Promise<LocalCheckoutView | null> {
      if (!ID_PATTERN.test(id)) return null;
      const [row] = await db
        .select({ checkout: localCheckouts, reference: orders.reference })
        .from(localCheckouts)
        .innerJoin(orders, eq(orders.id, localCheckouts.orderId))
        .where(eq(localCheckouts.id, id));
      if (!row) return null;
      const c = row.checkout;
      return {
        id: c.id,
        status: c.status,
        amount: c.amount,
        currency: c.currency,
        description: c.description,
        orderReference: row.reference,
        successUrl: c.successUrl,
        cancelUrl: c.cancelUrl,
        expiresAt: c.expiresAt,
      };
    },

    async simulate(id: string, outcome: LocalOutcome): Promise<LocalSignedEvent | null> {
      const row = await find(id);
      if (!row) return null;
      // A session past its time is expired, whatever the buyer pressed (as at Stripe).
      if (row.status === 'open' && row.expiresAt <= clock.now()) outcome = 'abandon';
      if (outcome === 'pay' && row.status !== 'expired') {
        const done = await setStatus(id, 'complete', `pi_local_${randomBytes(12).toString('hex')}`);
        if (done?.status === 'complete')
          return signed('checkout.session.completed', done, eventId(done, 'completed'), done.successUrl);
      }
      if (outcome === 'decline' && row.status === 'open') {
        // The card was refused: the session stays open for another try; each refusal is its own event.
        return signed(
          'checkout.session.async_payment_failed',
          row,
          `evt_local_${randomBytes(12).toString('hex')}`,
          row.cancelUrl,
        );
      }
      const closed = row.status === 'complete' ? row : await setStatus(id, 'expired');
      if (!closed) return null;
      if (closed.status === 'complete')
        return signed('checkout.session.completed', closed, eventId(closed, 'completed'), closed.successUrl);
      return signed('checkout.session.expired', closed, eventId(closed, 'expired'), closed.cancelUrl);
    },
  };
}

// Shared set-up for the payment tests: an event to register for, the in-memory gateway, orders placed through
// createOrder with a checkout session, and provider-neutral events as the gateway would map them.
import { randomUUID } from 'node:crypto';
import type { PaymentsCtx } from '@/lib/context';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orders, paymentEvents, refunds, type Order } from '@/db/schema';
import type { PaymentEvent } from '@/lib/adapters/payments/types';
import { createOrder } from '@/lib/orders/create-order';
import { createMemoryGateway, type MemoryGateway } from '../../support/memory-gateway';
import {
  attendee,
  buildRegistrationFixture,
  registration,
  type FixtureOptions,
} from '../../support/registration-fixture';

export type PaymentFixture = Awaited<ReturnType<typeof buildRegistrationFixture>> & {
  gateway: MemoryGateway;
  pctx: PaymentsCtx;
};

export async function buildPaymentFixture(db: Db, options: FixtureOptions = {}): Promise<PaymentFixture> {
  const fx = await buildRegistrationFixture(db, options);
  const gateway = createMemoryGateway();
  return { ...fx, gateway, pctx: { ...fx.ctx, payments: gateway } };
}

export interface PlacedOrder {
  order: Order;
  sessionId: string;
  accessToken: string;
}

/** A pending order for one full pass (or the given ticket types) with an open checkout session stored on it. */
export async function placeOrder(
  fx: PaymentFixture,
  email = `buyer-${randomUUID()}@example.org`,
  ticketTypeIds = [fx.fullPass.id],
): Promise<PlacedOrder> {
  const { order, accessToken } = await createOrder(
    fx.ctx,
    fx.event.id,
    registration(
      ticketTypeIds.map((id) => attendee(id)),
      { buyer: { name: 'Robin Buyer', email } },
    ),
    { clientKey: null },
  );
  const checkout = await fx.gateway.createCheckout({
    orderId: order.id,
    reference: order.reference,
    currency: order.currency,
    amount: order.total,
    email,
    lines: [{ label: 'Full pass', unitAmount: order.total, quantity: 1 }],
    successUrl: 'https://example.org/ok',
    cancelUrl: 'https://example.org/cancel',
    holdExpiresAt: order.expiresAt!,
    idempotencyKey: `checkout:${order.id}`,
  });
  const [stored] = await fx.ctx.db
    .update(orders)
    .set({ checkoutSessionId: checkout.sessionId, checkoutUrl: checkout.url })
    .where(eq(orders.id, order.id))
    .returning();
  return { order: stored!, sessionId: checkout.sessionId, accessToken };
}

export const eventId = () => `evt_${randomUUID().replace(/-/g, '')}`;

/** What the gateway maps checkout.session.completed (paid) or async_payment_succeeded to, from the session's state. */
export function succeeded(
  fx: PaymentFixture,
  placed: PlacedOrder,
  overrides: Partial<Extract<PaymentEvent, { type: 'payment_succeeded' }>> = {},
): PaymentEvent {
  const s = fx.gateway.sessions.get(placed.sessionId)!;
  return {
    id: eventId(),
    type: 'payment_succeeded',
    orderId: placed.order.id,
    sessionId: placed.sessionId,
    amount: s.amountTotal,
    currency: s.currency,
    paymentReference: s.paymentReference,
    ...overrides,
  };
}

export const processing = (p: PlacedOrder): PaymentEvent => ({
  id: eventId(),
  type: 'payment_processing',
  orderId: p.order.id,
  sessionId: p.sessionId,
});
export const failed = (p: PlacedOrder): PaymentEvent => ({
  id: eventId(),
  type: 'payment_failed',
  orderId: p.order.id,
  sessionId: p.sessionId,
});
export const expired = (p: PlacedOrder): PaymentEvent => ({
  id: eventId(),
  type: 'checkout_expired',
  orderId: p.order.id,
  sessionId: p.sessionId,
});
export const refundUpdated = (paymentReference: string, amountRefunded: number, currency = 'eur'): PaymentEvent => ({
  id: eventId(),
  type: 'refund_updated',
  paymentReference,
  amountRefunded,
  currency,
});

export async function reload(db: Db, id: string): Promise<Order> {
  const [row] = await db.select().from(orders).where(eq(orders.id, id));
  return row!;
}

export async function eventsFor(db: Db, ids: string[]) {
  return ids.length ? db.select().from(paymentEvents).where(inArray(paymentEvents.orderId, ids)) : [];
}

export async function refundsFor(db: Db, id: string) {
  return db.select().from(refunds).where(eq(refunds.orderId, id));
}

export function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

// Shared set-up for the manage-page tests (edit, workshops, transfer, cancel): an event with the in-memory
// payment gateway, and paid orders placed through createOrder and confirmed by a payment event, with the
// order's secret token as the attendee would have it.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, emailMessages, events, orders, tickets, type Order } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { attendee, registration, type FixtureOptions } from '../../support/registration-fixture';
import { buildPaymentFixture, succeeded, type PaymentFixture } from '../payments/helpers';

export type ManageFixture = PaymentFixture;

let slugs = 0;
export async function buildManageFixture(db: Db, options: FixtureOptions = {}): Promise<ManageFixture> {
  return buildPaymentFixture(db, { slug: `manage${++slugs}-${randomUUID().slice(0, 6)}`, ...options });
}

export interface PaidOrder {
  order: Order;
  token: string;
  ticketIds: string[];
}

/** A paid order with one attendee per entry (default: one full pass), confirmed through a payment event. */
export async function paidOrder(
  fx: ManageFixture,
  attendees: Record<string, unknown>[] = [attendee(fx.fullPass.id)],
  options: { buyerEmail?: string } = {},
): Promise<PaidOrder> {
  const email = options.buyerEmail ?? `buyer-${randomUUID()}@example.org`;
  const { order, accessToken } = await createOrder(
    fx.ctx,
    fx.event.id,
    registration(attendees, { buyer: { name: 'Robin Buyer', email } }),
    { clientKey: null },
  );
  if (order.total > 0) {
    const checkout = await fx.gateway.createCheckout({
      orderId: order.id,
      reference: order.reference,
      currency: order.currency,
      amount: order.total,
      email,
      lines: [{ label: 'Tickets', unitAmount: order.total, quantity: 1 }],
      successUrl: 'https://example.org/ok',
      cancelUrl: 'https://example.org/cancel',
      holdExpiresAt: order.expiresAt!,
      idempotencyKey: `checkout:${order.id}`,
    });
    await fx.ctx.db
      .update(orders)
      .set({ checkoutSessionId: checkout.sessionId, checkoutUrl: checkout.url })
      .where(eq(orders.id, order.id));
    fx.gateway.pay(checkout.sessionId);
    await handlePaymentEvent(fx.pctx, succeeded(fx, { order, sessionId: checkout.sessionId, accessToken }));
  }
  const [paid] = await fx.ctx.db.select().from(orders).where(eq(orders.id, order.id));
  if (paid?.status !== 'paid') throw new Error(`fixture order is ${paid?.status}`);
  const rows = await fx.ctx.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(eq(tickets.orderId, order.id))
    .orderBy(tickets.position);
  return { order: paid, token: accessToken, ticketIds: rows.map((r) => r.id) };
}

export async function setEvent(db: Db, fx: ManageFixture, values: Partial<typeof events.$inferInsert>): Promise<void> {
  await db.update(events).set(values).where(eq(events.id, fx.event.id));
}

/** The error code a call ends with, or 'ok'. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => {
      if (e instanceof DomainError) return e.code;
      throw e;
    },
  );
}

export async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, the call succeeded');
}

export async function auditFor(db: Db, orderId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orderId, orderId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(auditLog.createdAt);
}

export async function emailsFor(db: Db, orderId: string) {
  return db.select().from(emailMessages).where(eq(emailMessages.orderId, orderId));
}

export async function ticketRow(db: Db, id: string) {
  const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
  return row!;
}

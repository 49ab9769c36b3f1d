// Applies one provider-neutral payment event exactly once. In one transaction: the provider's event id goes
// into payment_events (a duplicate inserts nothing and changes nothing), the order row is locked (so twin
// events for one order, under different ids, serialise), money must match the order, and every status move
// goes through the transition table. A payment that cannot be kept is refunded after the commit, once: its
// refund row's unique key is taken inside the transaction.
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { orders, paymentEvents, refunds, type Order } from '@/db/schema';
import type { PaymentEvent } from '../adapters/payments/types';
import { DomainError } from '../errors';
import { isLockTimeout, isRetryableTransaction } from '@/db/errors';
import { busyError } from '../capacity/seats';
import { emailKeys, enqueueBuyerEmail, enqueuePaidOrderEmails } from '../outbox/triggers';
import { formatMoney } from '../money';
import { assertTransition, canTransition } from '../orders/transitions';
import type { PaymentsCtx } from '../context';
import { issueRefund } from '../orders/issue-refund';
import { lateOrderHasRoom } from './late-payment';
import { flagOrder, refundKey, setAmountRefunded } from '../orders/order-money';
import { isUuid } from '../validation';

export type PaymentOutcome =
  | 'duplicate'
  | 'ignored'
  | 'unknown_order'
  | 'no_change'
  | 'paid'
  | 'late_paid'
  | 'already_paid'
  | 'mismatch'
  | 'late_refund'
  | 'unwanted_refund'
  | 'processing'
  | 'failed'
  | 'expired'
  | 'refund_updated';

export interface HandleResult {
  outcome: PaymentOutcome;
  orderId: string | null;
}

interface Applied extends HandleResult {
  refundId?: string | null;
}

type Succeeded = Extract<PaymentEvent, { type: 'payment_succeeded' }>;

function sqlLockTimeout(ms: number) {
  return sql`select set_config('lock_timeout', ${`${Math.max(1, Math.round(ms))}ms`}, true)`;
}

export async function handlePaymentEvent(
  ctx: PaymentsCtx,
  event: PaymentEvent,
  provider: string = ctx.payments.name,
): Promise<HandleResult> {
  const now = ctx.clock.now();
  let applied: Applied;
  try {
    applied = await ctx.db.transaction(async (tx) => {
      await tx.execute(sqlLockTimeout(ctx.config.ORDER_LOCK_TIMEOUT_MS));
      const [row] = await tx
        .insert(paymentEvents)
        .values({ provider, providerEventId: event.id, type: event.type, outcome: 'received', receivedAt: now })
        .onConflictDoNothing()
        .returning({ id: paymentEvents.id });
      if (!row) return { outcome: 'duplicate', orderId: null };
      const result = await apply(tx, ctx, event, now);
      await tx
        .update(paymentEvents)
        .set({ outcome: result.outcome, orderId: result.orderId })
        .where(eq(paymentEvents.id, row.id));
      return result;
    });
  } catch (error) {
    if (isLockTimeout(error) || isRetryableTransaction(error)) throw busyError();
    throw error;
  }
  if (applied.refundId) {
    // The event is recorded and the refund row taken; if the gateway fails now, reconciliation retries the
    // row with the same key, so the event itself still counts as handled.
    await issueRefund(ctx, applied.refundId).catch((error: unknown) => {
      console.error(
        `refund after payment event left pending (${error instanceof DomainError ? error.code : 'error'}); reconciliation retries it`,
      );
    });
  }
  return { outcome: applied.outcome, orderId: applied.orderId };
}

async function lockOrder(tx: Tx, orderId: string | null, sessionId: string): Promise<Order | null> {
  if (orderId && isUuid(orderId)) {
    const [byId] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (byId) return byId;
  }
  const [bySession] = await tx.select().from(orders).where(eq(orders.checkoutSessionId, sessionId)).for('update');
  return bySession ?? null;
}

async function apply(tx: Tx, ctx: PaymentsCtx, event: PaymentEvent, now: Date): Promise<Applied> {
  if (event.type === 'ignored') return { outcome: 'ignored', orderId: null };
  if (event.type === 'refund_updated') return onRefundUpdated(tx, event, now);
  const order = await lockOrder(tx, event.orderId, event.sessionId);
  if (!order) return { outcome: 'unknown_order', orderId: null };
  const orderId = order.id;
  const pending = order.status === 'pending_payment';
  switch (event.type) {
    case 'payment_succeeded':
      return { orderId, ...(await onSucceeded(tx, ctx, event, order, now)) };
    case 'payment_processing':
      if (!pending || order.paymentState === 'processing') return { outcome: 'no_change', orderId };
      await tx.update(orders).set({ paymentState: 'processing', updatedAt: now }).where(eq(orders.id, orderId));
      return { outcome: 'processing', orderId };
    case 'payment_failed':
      // A failure after a success never takes the money back: only a pending order can fail.
      if (!pending || order.paymentState === 'failed') return { outcome: 'no_change', orderId };
      await tx.update(orders).set({ paymentState: 'failed', updatedAt: now }).where(eq(orders.id, orderId));
      // Once per checkout session: a retry in a new session that fails again tells the buyer again.
      await enqueueBuyerEmail(tx, order, 'payment_failed', emailKeys.paymentFailed(orderId, event.sessionId), now);
      return { outcome: 'failed', orderId };
    case 'checkout_expired':
      // Only the order's current session ends its hold; a paid order is past this.
      if (!pending || order.checkoutSessionId !== event.sessionId) return { outcome: 'no_change', orderId };
      assertTransition(order.status, 'expired');
      await tx.update(orders).set({ status: 'expired', updatedAt: now }).where(eq(orders.id, orderId));
      await enqueueBuyerEmail(tx, order, 'hold_expired', emailKeys.holdExpired(orderId), now);
      return { outcome: 'expired', orderId };
  }
}

async function onSucceeded(
  tx: Tx,
  ctx: PaymentsCtx,
  e: Succeeded,
  order: Order,
  now: Date,
): Promise<Omit<Applied, 'orderId'>> {
  const samePayment =
    order.amountPaid > 0 &&
    (e.paymentReference ? order.paymentReference === e.paymentReference : order.checkoutSessionId === e.sessionId);
  if (samePayment) return { outcome: 'already_paid' };
  if (order.amountPaid > 0) {
    return {
      outcome: 'unwanted_refund',
      refundId: await refundPayment(
        tx,
        order,
        e,
        'a second payment for an order already paid; refunded',
        now,
        order.status === 'paid' ? 'duplicate' : 'closed',
      ),
    };
  }
  const currency = e.currency.toUpperCase();
  if (e.amount !== order.total || currency !== order.currency.toUpperCase()) {
    const reason = `amount mismatch: received ${formatMoney(e.amount, currency)}, expected ${formatMoney(order.total, order.currency)} (payment ${e.paymentReference ?? e.sessionId})`;
    await flagOrder(tx, order.id, reason, now);
    return { outcome: 'mismatch' };
  }
  const live = order.status === 'pending_payment' && order.expiresAt !== null && order.expiresAt > now;
  if (live) {
    await markPaid(tx, order, e, now, ctx.config.EMAIL_REMINDER_HOURS);
    return { outcome: 'paid' };
  }
  if (order.status === 'pending_payment' || order.status === 'expired') {
    if (await lateOrderHasRoom(tx, order, now, ctx.config.ORDER_LOCK_TIMEOUT_MS)) {
      await markPaid(tx, order, e, now, ctx.config.EMAIL_REMINDER_HOURS);
      return { outcome: 'late_paid' };
    }
    if (canTransition(order.status, 'expired')) {
      await tx.update(orders).set({ status: 'expired', updatedAt: now }).where(eq(orders.id, order.id));
    }
    return {
      outcome: 'late_refund',
      refundId: await refundPayment(
        tx,
        order,
        e,
        'paid after the hold expired; seats were gone; refunded',
        now,
        'seats_gone',
      ),
    };
  }
  return {
    outcome: 'unwanted_refund',
    refundId: await refundPayment(tx, order, e, `paid while the order was ${order.status}; refunded`, now, 'closed'),
  };
}

async function markPaid(tx: Tx, order: Order, e: Succeeded, now: Date, reminderHours: number): Promise<void> {
  assertTransition(order.status, 'paid');
  await tx
    .update(orders)
    .set({
      status: 'paid',
      paidAt: now,
      paymentState: 'paid',
      amountPaid: e.amount,
      paymentReference: e.paymentReference,
      updatedAt: now,
    })
    .where(eq(orders.id, order.id));
  // The confirmation (with receipt, ticket emails and reminder) commits with the payment or not at all; its
  // idempotency key makes it one per order however the payment is reported.
  await enqueuePaidOrderEmails(tx, order.id, now, reminderHours);
}

/**
 * Money the order cannot keep: recorded on the order when it has no payment yet (so its amounts show paid,
 * then refunded), flagged, and given a refund row under `refund:<payment>`. A second delivery finds the key
 * taken and issues nothing.
 */
async function refundPayment(
  tx: Tx,
  order: Order,
  e: Succeeded,
  reason: string,
  now: Date,
  why: 'seats_gone' | 'duplicate' | 'closed',
): Promise<string | null> {
  if (!e.paymentReference) {
    await flagOrder(tx, order.id, `${reason.replace(/; refunded$/, '')}; no payment reference, refund it by hand`, now);
    return null;
  }
  if (order.amountPaid === 0 && order.paymentReference === null) {
    await tx
      .update(orders)
      .set({ paymentState: 'paid', amountPaid: e.amount, paymentReference: e.paymentReference, updatedAt: now })
      .where(eq(orders.id, order.id));
  }
  await flagOrder(tx, order.id, reason, now);
  const [row] = await tx
    .insert(refunds)
    .values({
      orderId: order.id,
      amount: e.amount,
      idempotencyKey: refundKey.ofPayment(e.paymentReference),
      reason,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: refunds.id });
  // The buyer is told once, with the refund row (a redelivery finds the row taken and queues nothing new).
  if (row) {
    await enqueueBuyerEmail(
      tx,
      order,
      'late_payment_refunded',
      emailKeys.latePaymentRefunded(order.id, e.paymentReference),
      now,
      { refundId: row.id, reason: why },
    );
  }
  return row?.id ?? null;
}

/** The provider's running total refunded on a payment: absolute, so a redelivery or an older event changes nothing. */
async function onRefundUpdated(
  tx: Tx,
  e: Extract<PaymentEvent, { type: 'refund_updated' }>,
  now: Date,
): Promise<Applied> {
  const [order] = await tx.select().from(orders).where(eq(orders.paymentReference, e.paymentReference)).for('update');
  if (!order) {
    // A payment refunded whole that was never the order's own (a second payment, say).
    const [row] = await tx
      .select()
      .from(refunds)
      .where(eq(refunds.idempotencyKey, refundKey.ofPayment(e.paymentReference)))
      .for('update');
    if (!row) return { outcome: 'unknown_order', orderId: null };
    if (row.status === 'pending' && e.amountRefunded >= row.amount) {
      await tx.update(refunds).set({ status: 'succeeded', updatedAt: now }).where(eq(refunds.id, row.id));
      return { outcome: 'refund_updated', orderId: row.orderId };
    }
    return { outcome: 'no_change', orderId: row.orderId };
  }
  if (e.currency.toUpperCase() !== order.currency.toUpperCase()) {
    await flagOrder(tx, order.id, `refund reported in ${e.currency.toUpperCase()} on a ${order.currency} order`, now);
    return { outcome: 'mismatch', orderId: order.id };
  }
  if (e.amountRefunded > order.amountPaid) {
    await flagOrder(
      tx,
      order.id,
      `provider reports ${formatMoney(e.amountRefunded, order.currency)} refunded, more than the ${formatMoney(order.amountPaid, order.currency)} recorded as paid`,
      now,
    );
  }
  const updated = await setAmountRefunded(tx, order, e.amountRefunded, now);
  await markRefundRowsSucceeded(tx, updated, now);
  return {
    outcome: updated.amountRefunded !== order.amountRefunded ? 'refund_updated' : 'no_change',
    orderId: order.id,
  };
}

/**
 * The event says how much is back, not which refund: pending rows of the order's own payment are settled
 * oldest first, as far as the amount the provider reports covers them.
 */
async function markRefundRowsSucceeded(tx: Tx, order: Order, now: Date): Promise<void> {
  const own = or(
    like(refunds.idempotencyKey, `refund:${order.id}:%`),
    eq(refunds.idempotencyKey, refundKey.ofPayment(order.paymentReference ?? '')),
  );
  const rows = await tx
    .select()
    .from(refunds)
    .where(and(eq(refunds.orderId, order.id), own))
    .orderBy(asc(refunds.createdAt), asc(refunds.idempotencyKey));
  let covered = rows.filter((r) => r.status === 'succeeded').reduce((sum, r) => sum + r.amount, 0);
  const settle: string[] = [];
  for (const r of rows) {
    if (r.status !== 'pending') continue;
    if (covered + r.amount > order.amountRefunded) break;
    covered += r.amount;
    settle.push(r.id);
  }
  if (settle.length)
    await tx.update(refunds).set({ status: 'succeeded', updatedAt: now }).where(inArray(refunds.id, settle));
  // Refunds an organizer made (keys refund:<order>:<n>) are confirmed to the buyer; a refunded late or second
  // payment already had its own email.
  for (const r of rows.filter(
    (row) => settle.includes(row.id) && row.idempotencyKey.startsWith(`refund:${order.id}:`),
  )) {
    await enqueueBuyerEmail(tx, order, 'refund', emailKeys.refund(r.id), now, { refundId: r.id });
  }
}

// Refunds, full or partial, and cancellations. A refund is first a row under a fresh idempotency key, taken
// while the order row is locked (so two refunds never both fit into the same remaining amount), then a call
// to the gateway outside the transaction. Calling again for the same amount while a refund is still pending
// retries that row with the same key, so the provider refunds once however often it is retried.
import { and, count, eq } from 'drizzle-orm';
import type { PaymentsCtx } from '../context';
import { z } from 'zod';
import { orders, refunds, type Order, type Refund } from '@/db/schema';
import { recordAudit, type AuditActor } from '../audit/record';
import { DomainError } from '../errors';
import { emailKeys, enqueueBuyerEmail } from '../outbox/triggers';
import { formatMoney } from '../money';
import { assertTransition } from './transitions';
import { revokeOrderTicketTokens } from '../links/revoke';
import { parseInput } from '../validation';
import { issueRefund } from './issue-refund';
import { refundKey, refundsOrderPayment } from './order-money';

export const refundOrderSchema = z.object({
  orderId: z.uuid(),
  amount: z.number().int('Enter an amount in whole minor units').positive('The amount must be more than zero'),
  reason: z.string().trim().max(500).default(''),
  // Who asked, for the audit trail once there is one.
  actorId: z.string().optional(),
});
export type RefundOrderInput = z.input<typeof refundOrderSchema>;

export interface RefundOrderResult {
  refund: Refund;
  order: Order;
}

/** Who asked, for an audit entry written in the transaction that records the refund or the cancellation. */
export interface OrderAuditOptions {
  audit?: { actor: AuditActor };
}

export async function refundOrder(
  ctx: PaymentsCtx,
  input: RefundOrderInput,
  options: OrderAuditOptions = {},
): Promise<RefundOrderResult> {
  const { orderId, amount, reason } = parseInput(refundOrderSchema, input);
  const now = ctx.clock.now();
  const refundId = await ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
    if (!order.paymentReference || order.amountPaid === 0)
      throw new DomainError('CONFLICT', 'This order has no payment to refund.');
    const rows = await tx.select().from(refunds).where(eq(refunds.orderId, order.id));
    const own = rows.filter((r) => refundsOrderPayment(r, order));
    const audit = (summary: string) =>
      options.audit &&
      recordAudit(tx, {
        actor: options.audit.actor,
        action: 'order.refund',
        eventId: order.eventId,
        orderId: order.id,
        targetType: 'order',
        targetId: order.id,
        summary,
        details: { amount, currency: order.currency, reason },
        at: now,
      });
    const retry = own.find((r) => r.status === 'pending' && r.amount === amount);
    if (retry) {
      await audit(`Retried the pending refund of ${formatMoney(amount, order.currency)}`);
      return retry.id;
    }
    const pending = own.filter((r) => r.status === 'pending').reduce((sum, r) => sum + r.amount, 0);
    const refundable = order.amountPaid - order.amountRefunded - pending;
    if (amount > refundable) {
      const message =
        refundable <= 0 ? 'Nothing is left to refund on this order.' : `At most ${refundable} can be refunded.`;
      throw new DomainError('VALIDATION', message, { amount: [message] }, { refundable });
    }
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(refunds).where(eq(refunds.orderId, order.id));
    const [row] = await tx
      .insert(refunds)
      .values({
        orderId: order.id,
        amount,
        reason,
        idempotencyKey: refundKey.ofOrder(order.id, n + 1),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: refunds.id });
    await audit(`Refund of ${formatMoney(amount, order.currency)} requested`);
    return row!.id;
  });
  const refund = await issueRefund(ctx, refundId);
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  return { refund, order: order! };
}

export const cancelOrderSchema = z.object({
  orderId: z.uuid(),
  refund: z.boolean().default(false),
  reason: z.string().trim().max(500).default(''),
});
export type CancelOrderInput = z.input<typeof cancelOrderSchema>;

export interface CancelOrderResult {
  order: Order;
  refund: Refund | null;
}

/**
 * Cancels an order: its seats are free from the commit on (a cancelled order is not active). A paid order may
 * be refunded what is left of it. Cancelling again with a refund retries a refund that could not be sent.
 */
export async function cancelOrder(
  ctx: PaymentsCtx,
  input: CancelOrderInput,
  options: OrderAuditOptions = {},
): Promise<CancelOrderResult> {
  const { orderId, refund, reason } = parseInput(cancelOrderSchema, input);
  const now = ctx.clock.now();
  const before = await ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new DomainError('NOT_FOUND', 'Order not found');
    if (order.status === 'cancelled' && refund) return order;
    assertTransition(order.status, 'cancelled');
    await tx.update(orders).set({ status: 'cancelled', updatedAt: now }).where(eq(orders.id, order.id));
    await revokeOrderTicketTokens(tx, order.id, 'cancelled', now);
    // Told in the same transaction; a refund, if any, is confirmed by its own email when it goes through.
    await enqueueBuyerEmail(tx, order, 'cancellation', emailKeys.cancellation(order.id), now);
    if (options.audit) {
      await recordAudit(tx, {
        actor: options.audit.actor,
        action: 'order.cancel',
        eventId: order.eventId,
        orderId: order.id,
        targetType: 'order',
        targetId: order.id,
        summary:
          refund && order.amountPaid > 0 ? 'Cancelled the order, refunding what was left' : 'Cancelled the order',
        details: { refund, reason, previousStatus: order.status },
        at: now,
      });
    }
    return order;
  });
  // A checkout still open could take money for a cancelled order; close it. If money comes anyway, the
  // payment webhook refunds it.
  if (before.status === 'pending_payment' && before.checkoutSessionId) {
    await ctx.payments.expireCheckout(before.checkoutSessionId).catch(() => undefined);
  }
  const refunded =
    refund && before.amountPaid > 0 ? await refundRemainder(ctx, orderId, reason || 'order cancelled', options) : null;
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  return { order: order!, refund: refunded };
}

/** Retries the order's pending refunds under their own keys, then refunds whatever is still left. */
async function refundRemainder(
  ctx: PaymentsCtx,
  orderId: string,
  reason: string,
  options: OrderAuditOptions,
): Promise<Refund | null> {
  const ownPending = async () => {
    const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
    const rows = await ctx.db
      .select()
      .from(refunds)
      .where(and(eq(refunds.orderId, orderId), eq(refunds.status, 'pending')));
    return { order: order!, pending: rows.filter((r) => refundsOrderPayment(r, order!)) };
  };
  let last: Refund | null = null;
  for (const r of (await ownPending()).pending) last = await issueRefund(ctx, r.id);
  const { order, pending } = await ownPending();
  const left = order.amountPaid - order.amountRefunded - pending.reduce((sum, r) => sum + r.amount, 0);
  if (left > 0) last = (await refundOrder(ctx, { orderId, amount: left, reason }, options)).refund;
  return last;
}

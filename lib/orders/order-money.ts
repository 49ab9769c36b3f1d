// The order's money columns, kept consistent: amount refunded never above amount paid, the payment state
// following from the two, a full refund moving a paid order to refunded through the transition table (and
// revoking its ticket tokens), and organizer flags that accumulate rather than overwrite each other.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { orders, type Order, type Refund } from '@/db/schema';
import { canTransition } from './transitions';
import { revokeOrderTicketTokens } from '../links/revoke';

/** Sets the amount refunded (absolute, never lowered, never above the amount paid) and what follows from it. */
export async function setAmountRefunded(tx: Tx, order: Order, amount: number, now: Date): Promise<Order> {
  const target = Math.min(order.amountPaid, Math.max(order.amountRefunded, amount));
  if (target === order.amountRefunded || order.amountPaid === 0) return order;
  const full = target >= order.amountPaid;
  const status = full && canTransition(order.status, 'refunded') ? 'refunded' : order.status;
  const [updated] = await tx
    .update(orders)
    .set({
      amountRefunded: target,
      paymentState: full ? 'refunded' : 'partially_refunded',
      status,
      updatedAt: now,
    })
    .where(eq(orders.id, order.id))
    .returning();
  // A refunded order admits nobody: its QR codes stop working in the same transaction.
  if (status === 'refunded' && order.status !== 'refunded')
    await revokeOrderTicketTokens(tx, order.id, 'refunded', now);
  return updated!;
}

/** Adds a reason for an organizer to look at the order, keeping any earlier one. */
export async function flagOrder(tx: Tx, orderId: string, reason: string, now: Date): Promise<void> {
  await tx
    .update(orders)
    .set({
      attentionReason: sql`case when ${orders.attentionReason} is null then ${reason}
      when position(${reason} in ${orders.attentionReason}) > 0 then ${orders.attentionReason}
      else ${orders.attentionReason} || '; ' || ${reason} end`,
      updatedAt: now,
    })
    .where(eq(orders.id, orderId));
}

/** Refund keys: `refund:<orderId>:<n>` for refunds of the order's payment, `refund:<paymentReference>` for a payment refunded whole. */
export const refundKey = {
  ofOrder: (orderId: string, n: number) => `refund:${orderId}:${n}`,
  ofPayment: (paymentReference: string) => `refund:${paymentReference}`,
};

/** The provider payment a refund row gives money back from. */
export function refundedPayment(
  refund: Pick<Refund, 'idempotencyKey'>,
  order: Pick<Order, 'id' | 'paymentReference'>,
): string | null {
  if (refund.idempotencyKey.startsWith(`refund:${order.id}:`)) return order.paymentReference;
  return refund.idempotencyKey.startsWith('refund:') ? refund.idempotencyKey.slice('refund:'.length) : null;
}

/** Whether a refund comes out of the payment recorded on the order (and so counts in its amount refunded). */
export function refundsOrderPayment(
  refund: Pick<Refund, 'idempotencyKey'>,
  order: Pick<Order, 'id' | 'paymentReference'>,
): boolean {
  return order.paymentReference !== null && refundedPayment(refund, order) === order.paymentReference;
}

// Sends a recorded refund to the gateway with its idempotency key, outside any transaction, then settles the
// row: a succeeded refund is applied to the order once (the pending -> succeeded update is the guard), so the
// provider's refund webhook, arriving before or after, changes nothing more. A retryable failure leaves the
// row pending for a retry with the same key.
import { and, eq, isNull } from 'drizzle-orm';
import type { PaymentsCtx } from '../context';
import { orders, refunds, type Refund } from '@/db/schema';
import { isPaymentProviderError, type RefundResult } from '../adapters/payments/types';
import { DomainError } from '../errors';
import { emailKeys, enqueueBuyerEmail } from '../outbox/triggers';
import { formatMoney } from '../money';
import { flagOrder, refundedPayment, refundsOrderPayment, setAmountRefunded } from './order-money';

export async function issueRefund(ctx: PaymentsCtx, refundId: string): Promise<Refund> {
  const [row] = await ctx.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!row) throw new DomainError('NOT_FOUND', 'Refund not found');
  if (row.status !== 'pending') return row;
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, row.orderId));
  const paymentReference = order ? refundedPayment(row, order) : null;
  if (!order || !paymentReference) throw new DomainError('CONFLICT', 'There is no payment to refund on this order.');
  let result: RefundResult;
  try {
    result = await ctx.payments.refund({ paymentReference, amount: row.amount, idempotencyKey: row.idempotencyKey });
  } catch (error) {
    if (isPaymentProviderError(error) && !error.retryable) {
      await settleRefund(ctx, row.id, { refundId: '', status: 'failed' });
      throw new DomainError(
        'CONFLICT',
        'The payment provider refused this refund. It has been flagged for the organizers.',
      );
    }
    throw new DomainError(
      'PAYMENT_UNAVAILABLE',
      'The payment provider could not be reached. The refund is saved and will be retried; please try again in a moment.',
    );
  }
  return settleRefund(ctx, row.id, result);
}

/** Records the provider's answer on the refund row and, when it succeeded, on the order, once. */
export async function settleRefund(
  ctx: Pick<PaymentsCtx, 'db' | 'clock'>,
  refundId: string,
  result: RefundResult,
): Promise<Refund> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx.select({ orderId: refunds.orderId }).from(refunds).where(eq(refunds.id, refundId));
    if (!target) throw new DomainError('NOT_FOUND', 'Refund not found');
    // The order row first, as every other writer of an order's money does.
    const [order] = await tx.select().from(orders).where(eq(orders.id, target.orderId)).for('update');
    const providerRefundId = result.refundId || null;
    if (providerRefundId) {
      await tx
        .update(refunds)
        .set({ providerRefundId, updatedAt: now })
        .where(and(eq(refunds.id, refundId), isNull(refunds.providerRefundId)));
    }
    if (result.status !== 'pending') {
      const [changed] = await tx
        .update(refunds)
        .set({ status: result.status, updatedAt: now })
        .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')))
        .returning();
      if (changed && order && result.status === 'succeeded' && refundsOrderPayment(changed, order)) {
        await setAmountRefunded(tx, order, order.amountRefunded + changed.amount, now);
      }
      // An organizer's refund (refund:<order>:<n>) is confirmed to the buyer once it went through; the pending ->
      // succeeded update above is the guard, and the key keeps it single if the provider's webhook settles it too.
      if (
        changed &&
        order &&
        result.status === 'succeeded' &&
        changed.idempotencyKey.startsWith(`refund:${order.id}:`)
      ) {
        await enqueueBuyerEmail(tx, order, 'refund', emailKeys.refund(changed.id), now, { refundId: changed.id });
      }
      if (changed && order && result.status === 'failed') {
        await flagOrder(
          tx,
          order.id,
          `refund of ${formatMoney(changed.amount, order.currency)} failed at the payment provider`,
          now,
        );
      }
    }
    const [row] = await tx.select().from(refunds).where(eq(refunds.id, refundId));
    return row!;
  });
}

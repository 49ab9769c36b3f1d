// What organizers do to an order ('orders.manage'): refund in full or in part (amounts typed in major units),
// cancel (optionally refunding what is left) and resend the confirmation. Refunds and cancellations go through
// lib/payments/refund-order.ts, which writes the audit entry in its own transaction; the resend queues a new
// confirmation under a fresh idempotency key and audits it in one transaction.
import { randomUUID } from 'node:crypto';
import type { PaymentsCtx } from '../context';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { orders } from '@/db/schema';
import { recordAudit, staffActor } from '../audit/record';
import { enqueueEmail } from '../outbox/enqueue';
import { DomainError, isDomainError } from '../errors';
import { formatMoney, minorUnitFactor } from '../money';
import { cancelOrder, refundOrder, type CancelOrderResult, type RefundOrderResult } from './refund-order';
import { parseInput } from '../validation';
import { findSuppressions } from './staff-emails';

export interface Staff {
  id: string;
  email: string;
}

/** "12", "12.5", "12.50" or "12,50" in the currency's major unit, to integer minor units; null when not an amount. */
export function parseMajorAmount(text: string, currency: string): number | null {
  const factor = minorUnitFactor(currency);
  const digits = Math.round(Math.log10(factor));
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,9})(?:[.,](\\d{1,${digits}}))?$`) : /^(\d{1,9})$/;
  const m = pattern.exec(text.trim());
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(digits, '0');
  return Number(m[1]) * factor + (digits > 0 ? Number(fraction) : 0);
}

const orderIdSchema = z.uuid({ error: 'Unknown order' });
const reasonSchema = z.string().trim().max(500, { error: 'Keep the reason under 500 characters' }).default('');

export const adminRefundSchema = z.object({ orderId: orderIdSchema, amount: z.string().max(40), reason: reasonSchema });

async function loadOrder(ctx: Pick<PaymentsCtx, 'db'>, orderId: string) {
  const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw new DomainError('NOT_FOUND', 'This order no longer exists.');
  return order;
}

export async function refundOrderAsStaff(
  ctx: PaymentsCtx,
  staff: Staff,
  input: z.input<typeof adminRefundSchema>,
): Promise<RefundOrderResult> {
  const data = parseInput(adminRefundSchema, input);
  const order = await loadOrder(ctx, data.orderId);
  const amount = parseMajorAmount(data.amount, order.currency);
  if (amount === null || amount <= 0) {
    const message = `Enter an amount in ${order.currency.toUpperCase()} greater than zero, such as 25 or 25.50`;
    throw new DomainError('VALIDATION', message, { amount: [message] });
  }
  try {
    return await refundOrder(
      ctx,
      { orderId: order.id, amount, reason: data.reason },
      { audit: { actor: staffActor(staff) } },
    );
  } catch (error) {
    // The payments code counts in minor units; organizers type major ones.
    if (isDomainError(error) && error.code === 'VALIDATION' && typeof error.details.refundable === 'number') {
      const left = error.details.refundable;
      const message =
        left <= 0
          ? 'Nothing is left to refund on this order.'
          : `At most ${formatMoney(left, order.currency)} can be refunded.`;
      throw new DomainError('VALIDATION', message, { amount: [message] }, error.details);
    }
    throw error;
  }
}

export const adminCancelSchema = z.object({
  orderId: orderIdSchema,
  refund: z.boolean().default(false),
  reason: reasonSchema,
});

export async function cancelOrderAsStaff(
  ctx: PaymentsCtx,
  staff: Staff,
  input: z.input<typeof adminCancelSchema>,
): Promise<CancelOrderResult> {
  const data = parseInput(adminCancelSchema, input);
  return cancelOrder(ctx, data, { audit: { actor: staffActor(staff) } });
}

/** Sends the confirmation of a paid order again, as a new message (its own idempotency key). */
export async function resendConfirmation(
  ctx: Pick<PaymentsCtx, 'db' | 'clock'>,
  staff: Staff,
  input: { orderId: string },
): Promise<{ idempotencyKey: string }> {
  const orderId = parseInput(orderIdSchema, input.orderId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for('update');
    if (!order) throw new DomainError('NOT_FOUND', 'This order no longer exists.');
    if (order.status !== 'paid') throw new DomainError('CONFLICT', 'Only a paid order has a confirmation to resend.');
    const [suppressed] = await findSuppressions({ db: tx }, [order.buyerEmail]);
    if (suppressed) {
      throw new DomainError(
        'CONFLICT',
        `The buyer’s address ${suppressed.reason === 'complained' ? 'reported our email as spam' : 'bounced'}, so no email can be sent to it.`,
      );
    }
    const idempotencyKey = `order_confirmation:${order.id}:resend:${randomUUID()}`;
    await enqueueEmail(tx, {
      kind: 'order_confirmation',
      to: order.buyerEmail,
      idempotencyKey,
      orderId: order.id,
      now,
    });
    await recordAudit(tx, {
      actor: staffActor(staff),
      action: 'order.resend_confirmation',
      eventId: order.eventId,
      orderId: order.id,
      targetType: 'order',
      targetId: order.id,
      summary: 'Resent the order confirmation to the buyer',
      details: { idempotencyKey },
      at: now,
    });
    return { idempotencyKey };
  });
}

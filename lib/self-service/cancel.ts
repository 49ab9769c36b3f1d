// Cancelling a confirmed registration through the order link, within the refund policy: before
// events.refund_until the order is cancelled and refunded in full through the payment gateway (cancelOrder,
// which frees the seats at commit and writes the audit entry in its transaction). After it, or when the event
// offers no self-service refunds, nothing changes and the attendee is pointed to the organizers.
import { z } from 'zod';
import type { PaymentsCtx } from '../context';
import { DomainError, isDomainError } from '../errors';
import { cancelOrder } from '../orders/refund-order';
import { parseInput } from '../validation';
import { paidOrderByToken, selfCancelOpen } from './manage';
import { formatInstant } from '../time';

export const cancelRegistrationSchema = z.strictObject({
  confirm: z.literal(true, { message: 'Tick the box to confirm that you want to cancel this registration.' }),
});

export interface CancelRegistrationResult {
  orderId: string;
  /** Minor units refunded or on their way back; 0 for a free registration. */
  refundAmount: number;
  /** The provider could not be reached: the refund is saved and retried automatically. */
  refundPending: boolean;
}

export async function cancelRegistration(
  ctx: PaymentsCtx,
  input: { token: unknown; confirmation: unknown },
): Promise<CancelRegistrationResult> {
  const { order, event } = await paidOrderByToken(ctx, input.token);
  const now = ctx.clock.now();
  if (!selfCancelOpen(event, now)) {
    throw new DomainError(
      'CONFLICT',
      event.refundUntil
        ? `Cancellation with a refund closed on ${formatInstant(event.refundUntil, event.timezone, { weekday: false })}. Please contact the organizers.`
        : 'This registration cannot be cancelled online. Please contact the organizers.',
    );
  }
  parseInput(cancelRegistrationSchema, input.confirmation);
  const refundAmount = order.amountPaid - order.amountRefunded;
  try {
    await cancelOrder(
      ctx,
      { orderId: order.id, refund: true, reason: 'cancelled by the attendee' },
      { audit: { actor: { type: 'attendee' } } },
    );
  } catch (error) {
    // The cancellation committed before the refund was sent; a refund the provider could not take yet stays
    // pending and is retried by reconciliation under the same key.
    if (isDomainError(error) && error.code === 'PAYMENT_UNAVAILABLE')
      return { orderId: order.id, refundAmount, refundPending: true };
    throw error;
  }
  return { orderId: order.id, refundAmount, refundPending: false };
}

'use server';
// Organizer actions on one order ('orders.manage'): refund (full or part, typed in major units), cancel, resend the
// confirmation. Each checks the session and permission first (adminAction), then hands one lib function the input;
// the lib function writes the audit entry with the change.
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { cancelOrderAsStaff, refundOrderAsStaff, resendConfirmation } from '@/lib/orders/staff-actions';
import { formatMoney } from '@/lib/money';
import { isUuid } from '@/lib/validation';

/** The order id from the form; the lib functions validate it again. */
function orderId(formData: FormData): string {
  const id = text(formData, 'orderId');
  return isUuid(id) ? id.toLowerCase() : id.slice(0, 40);
}

const refresh = (id: string) => {
  if (isUuid(id)) revalidatePath(`/admin/orders/${id}`);
};

export const refundOrderAction = adminAction('orders.manage', async ({ user, ctx, formData }) => {
  const id = orderId(formData);
  const { refund, order } = await refundOrderAsStaff(ctx, user, {
    orderId: id,
    amount: text(formData, 'amount'),
    reason: text(formData, 'reason'),
  });
  refresh(id);
  const amount = formatMoney(refund.amount, order.currency);
  if (refund.status === 'succeeded') return `Refunded ${amount}.`;
  if (refund.status === 'failed')
    return `The payment provider refused the refund of ${amount}. It has been flagged for a closer look.`;
  return `The refund of ${amount} is on its way; the payment provider has not confirmed it yet.`;
});

export const cancelOrderAction = adminAction('orders.manage', async ({ user, ctx, formData }) => {
  const id = orderId(formData);
  const { refund } = await cancelOrderAsStaff(ctx, user, {
    orderId: id,
    refund: formData.get('refund') === 'on',
    reason: text(formData, 'reason'),
  });
  refresh(id);
  return refund
    ? `Order cancelled; refund ${refund.status === 'succeeded' ? 'made' : 'started'}. The buyer is told by email.`
    : 'Order cancelled. The buyer is told by email.';
});

export const resendConfirmationAction = adminAction('orders.manage', async ({ user, ctx, formData }) => {
  const id = orderId(formData);
  await resendConfirmation(ctx, user, { orderId: id });
  refresh(id);
  return 'The confirmation is queued to be sent again to the buyer.';
});

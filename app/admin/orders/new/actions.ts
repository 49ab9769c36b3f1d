'use server';
// Registering people by hand ('orders.manage'): a manual (priced hold the buyer pays through the order link) or
// complimentary (free, confirmed at once) order, made through createManualOrder and so through createOrder.
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { createManualOrder, type ManualSource } from '@/lib/orders/manual-order';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';
import { registrationFromForm } from '@/app/_lib/registration-form';
import { formatTime } from '@/lib/time';

export const createManualOrderAction = adminAction('orders.manage', async ({ user, ctx, formData }) => {
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', 'There is no event to register for.');
  const source = text(formData, 'source') as ManualSource;
  const { order, accessToken } = await createManualOrder(ctx, user, {
    eventId: event.id,
    source,
    registration: registrationFromForm(formData),
  });
  revalidatePath('/admin/orders');
  if (order.status === 'paid') {
    return {
      message: `Registered: order ${order.reference} is confirmed free of charge, and the confirmation email is on its way.`,
      data: { orderId: order.id },
    };
  }
  const link = `${ctx.config.APP_URL.replace(/\/$/, '')}/orders/${accessToken}`;
  const until = order.expiresAt
    ? ` The seats are held until ${formatTime(order.expiresAt, event.timezone)} (${event.timezone}).`
    : '';
  return {
    message: `Order ${order.reference} is waiting for payment.${until} Send the buyer this private payment link (shown only once): ${link}`,
    data: { orderId: order.id },
  };
});

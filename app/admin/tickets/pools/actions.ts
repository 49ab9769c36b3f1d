'use server';
// Shared capacity pools: create, resize or rename, and attach or detach ticket types. refresh() shows the result.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { formValues } from '@/app/admin/_lib/form-values';
import {
  attachTicketTypeToPool,
  createPool,
  detachTicketTypeFromPool,
  poolFields,
  updatePool,
} from '@/lib/catalogue/pools';
import { idOf, salesCtx, salesEventId } from '../_lib/sales';

export const createPoolAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const pool = await createPool(salesCtx(ctx, user), await salesEventId(ctx), formValues(formData, poolFields));
  redirect(`/admin/tickets/pools/${pool.id}?notice=created`);
});

export const updatePoolAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const pool = await updatePool(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    idOf(formData),
    formValues(formData, poolFields),
  );
  refresh();
  return `Saved: ${pool.capacity} seats.`;
});

export const attachPoolTypeAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  await attachTicketTypeToPool(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    idOf(formData),
    idOf(formData, 'ticketTypeId'),
  );
  refresh();
  return 'The ticket type now shares this pool.';
});

export const detachPoolTypeAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  await detachTicketTypeFromPool(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    idOf(formData),
    idOf(formData, 'ticketTypeId'),
  );
  refresh();
  return 'The ticket type no longer shares this pool.';
});

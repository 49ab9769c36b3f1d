'use server';
// Ticket types and their price windows: create, edit, and add, edit or remove prices. refresh() shows the
// result in place; a new ticket type opens its own page.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { formValues } from '@/app/admin/_lib/form-values';
import { addPriceWindow, priceWindowFields, removePriceWindow, updatePriceWindow } from '@/lib/catalogue/prices';
import { createTicketType, updateTicketType } from '@/lib/catalogue/ticket-types';
import { idOf, salesCtx, salesEvent, salesEventId } from './_lib/sales';
import {
  newTicketTypeFields,
  readNewTicketTypeForm,
  readTicketTypeForm,
  ticketTypeFields,
} from './_lib/ticket-type-form';

export const createTicketTypeAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const event = await salesEvent(ctx);
  const type = await createTicketType(
    salesCtx(ctx, user),
    event.id,
    readNewTicketTypeForm(formValues(formData, newTicketTypeFields), event),
  );
  redirect(`/admin/tickets/${type.id}?notice=created`);
});

export const updateTicketTypeAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const event = await salesEvent(ctx);
  const { changed } = await updateTicketType(
    salesCtx(ctx, user),
    event.id,
    idOf(formData),
    readTicketTypeForm(formValues(formData, ticketTypeFields), event),
  );
  refresh();
  return changed.length ? 'Ticket type saved.' : 'Nothing changed.';
});

export const addPriceAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const price = await addPriceWindow(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    idOf(formData, 'ticketTypeId'),
    formValues(formData, priceWindowFields),
  );
  refresh();
  return `Added the price “${price.label}”.`;
});

export const updatePriceAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  const price = await updatePriceWindow(
    salesCtx(ctx, user),
    await salesEventId(ctx),
    idOf(formData, 'ticketTypeId'),
    idOf(formData),
    formValues(formData, priceWindowFields),
  );
  refresh();
  return `Saved the price “${price.label}”.`;
});

export const removePriceAction = adminAction('sales.manage', async ({ user, ctx, formData }) => {
  await removePriceWindow(salesCtx(ctx, user), await salesEventId(ctx), idOf(formData, 'ticketTypeId'), idOf(formData));
  refresh();
  return 'Price removed.';
});

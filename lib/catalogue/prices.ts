// A ticket type's price windows: added, edited and removed by organizers. Windows of one type never overlap
// (the type's row is locked while they are compared, so two organizers cannot slip overlapping windows in
// together), amounts are entered in major units and stored in minor units, and a type keeps at least one price.
import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { ticketPrices, ticketTypes, type Event, type TicketPrice, type TicketType } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { formatMoney } from '../money';
import type { Tx } from '@/db/client';
import { isUuid, parseInput } from '../validation';
import { fieldError, type FormInput, loadEvent, notFound, type SalesCtx } from './common';
import { localDateTimeField, requiredText, toInstant, toLocalInput } from './fields';
import { formatMoneyInput, parseMoneyInput } from './money-input';
import { findOverlap } from './windows';

export const priceWindowFields = ['label', 'amount', 'startsAt', 'endsAt'] as const;

export const priceWindowSchema = z.object({
  label: requiredText('Label', 60),
  amount: z.string().default(''),
  startsAt: localDateTimeField('From'),
  endsAt: localDateTimeField('Until'),
});
export type PriceWindowInput = FormInput<(typeof priceWindowFields)[number]>;

async function lockType(tx: Tx, eventId: string, ticketTypeId: string): Promise<TicketType> {
  if (!isUuid(ticketTypeId)) throw notFound('This ticket type');
  const [type] = await tx
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId)))
    .for('no key update');
  if (!type) throw notFound('This ticket type');
  return type;
}

async function priceOfType(tx: Tx, type: TicketType, priceId: string): Promise<TicketPrice> {
  if (!isUuid(priceId)) throw notFound('This price');
  const [price] = await tx
    .select()
    .from(ticketPrices)
    .where(and(eq(ticketPrices.id, priceId), eq(ticketPrices.ticketTypeId, type.id)));
  if (!price) throw notFound('This price');
  return price;
}

/**
 * Runs `work` in one transaction holding the ticket type's row lock, with the event, the type and the time the
 * change was asked for (taken before the transaction, as its audit time).
 */
async function withLockedType<T>(
  ctx: SalesCtx,
  eventId: string,
  ticketTypeId: string,
  work: (tx: Tx, on: { event: Event; type: TicketType; now: Date }) => Promise<T>,
): Promise<T> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    const type = await lockType(tx, eventId, ticketTypeId);
    return work(tx, { event, type, now });
  });
}

/** The audit entry of a change to one price window. */
async function auditPrice(
  tx: Tx,
  ctx: SalesCtx,
  entry: { eventId: string; priceId: string; verb: 'create' | 'update' | 'delete'; now: Date; summary: string },
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actor: ctx.actor,
    action: `ticket_price.${entry.verb}`,
    eventId: entry.eventId,
    targetType: 'ticket_price',
    targetId: entry.priceId,
    at: entry.now,
    summary: entry.summary,
    details,
  });
}

function describe(event: Event, w: { label: string; amount: number }) {
  return `${w.label} (${formatMoney(w.amount, event.currency)})`;
}

/** Validates a window against the type's other windows; returns the row values. */
async function checkedWindow(tx: Tx, event: Event, type: TicketType, input: PriceWindowInput, exceptId: string | null) {
  const data = parseInput(priceWindowSchema, input);
  const amount = parseMoneyInput(data.amount, event.currency);
  if (!amount.ok) throw fieldError('amount', amount.message);
  const startsAt = toInstant(data.startsAt, event.timezone);
  const endsAt = toInstant(data.endsAt, event.timezone);
  if (startsAt && endsAt && endsAt <= startsAt) throw fieldError('endsAt', 'The price must end after it starts');
  const others = await tx
    .select()
    .from(ticketPrices)
    .where(and(eq(ticketPrices.ticketTypeId, type.id), exceptId ? ne(ticketPrices.id, exceptId) : undefined))
    .orderBy(asc(ticketPrices.startsAt));
  const clash = findOverlap({ startsAt, endsAt }, others);
  if (clash) {
    const span = [
      clash.startsAt ? `from ${toLocalInput(clash.startsAt, event.timezone).replace('T', ' ')}` : 'from the start',
      clash.endsAt ? `until ${toLocalInput(clash.endsAt, event.timezone).replace('T', ' ')}` : 'with no end',
    ].join(' ');
    const message = `This overlaps the price "${clash.label}" (${span}, ${event.timezone}). Change its dates or these first.`;
    // An overlap concerns both ends of the window, so the message sits beside each.
    throw new DomainError('VALIDATION', message, { startsAt: [message], endsAt: [message] });
  }
  return { label: data.label, amount: amount.amount, startsAt, endsAt };
}

export async function addPriceWindow(
  ctx: SalesCtx,
  eventId: string,
  ticketTypeId: string,
  input: PriceWindowInput,
): Promise<TicketPrice> {
  return withLockedType(ctx, eventId, ticketTypeId, async (tx, { event, type, now }) => {
    const row = await checkedWindow(tx, event, type, input, null);
    const [price] = await tx
      .insert(ticketPrices)
      .values({ ...row, ticketTypeId })
      .returning();
    const summary = `Added the price ${describe(event, row)} to ticket type ${type.code}`;
    await auditPrice(tx, ctx, { eventId, priceId: price!.id, verb: 'create', now, summary }, windowDetails(row));
    return price!;
  });
}

export async function updatePriceWindow(
  ctx: SalesCtx,
  eventId: string,
  ticketTypeId: string,
  priceId: string,
  input: PriceWindowInput,
): Promise<TicketPrice> {
  return withLockedType(ctx, eventId, ticketTypeId, async (tx, { event, type, now }) => {
    const before = await priceOfType(tx, type, priceId);
    const row = await checkedWindow(tx, event, type, input, priceId);
    const [price] = await tx.update(ticketPrices).set(row).where(eq(ticketPrices.id, priceId)).returning();
    const summary = `Changed the price ${describe(event, before)} of ticket type ${type.code} to ${describe(event, row)}`;
    await auditPrice(
      tx,
      ctx,
      { eventId, priceId, verb: 'update', now, summary },
      { from: windowDetails(before), to: windowDetails(row) },
    );
    return price!;
  });
}

export async function removePriceWindow(
  ctx: SalesCtx,
  eventId: string,
  ticketTypeId: string,
  priceId: string,
): Promise<void> {
  await withLockedType(ctx, eventId, ticketTypeId, async (tx, { event, type, now }) => {
    const price = await priceOfType(tx, type, priceId);
    const others = await tx
      .select({ id: ticketPrices.id })
      .from(ticketPrices)
      .where(and(eq(ticketPrices.ticketTypeId, type.id), ne(ticketPrices.id, priceId)));
    if (!others.length) {
      throw new DomainError(
        'CONFLICT',
        "A ticket type needs at least one price. Add the new price first, or close the sale in the ticket type's settings.",
      );
    }
    await tx.delete(ticketPrices).where(eq(ticketPrices.id, priceId));
    const summary = `Removed the price ${describe(event, price)} from ticket type ${type.code}`;
    await auditPrice(tx, ctx, { eventId, priceId, verb: 'delete', now, summary }, windowDetails(price));
  });
}

function windowDetails(w: { label: string; amount: number; startsAt: Date | null; endsAt: Date | null }) {
  return {
    label: w.label,
    amount: w.amount,
    startsAt: w.startsAt?.toISOString() ?? null,
    endsAt: w.endsAt?.toISOString() ?? null,
  };
}

/** An edit form's starting values. */
export function priceWindowFormValues(
  price: TicketPrice,
  event: Pick<Event, 'timezone' | 'currency'>,
): Record<(typeof priceWindowFields)[number], string> {
  return {
    label: price.label,
    amount: formatMoneyInput(price.amount, event.currency),
    startsAt: toLocalInput(price.startsAt, event.timezone),
    endsAt: toLocalInput(price.endsAt, event.timezone),
  };
}

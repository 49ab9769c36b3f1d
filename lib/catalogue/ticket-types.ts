// Creating and editing ticket types. A type's capacity never goes below the seats it already has taken (checked
// under its pool lock); a day pass is valid on one of the event's dates; codes are unique per event.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ticketTypes, type Event, type TicketType } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { createTicketType as insertTicketType } from './setup';
import { DomainError } from '../errors';
import { isUuid, parseInput } from '../validation';
import { fieldError, type FormInput, listWords, loadEvent, notFound, unique, type SalesCtx } from './common';
import { checkbox, intField, whenParsed, localDateTimeField, optionalIntField, optionalText, requiredText, toInstant, toLocalInput } from './fields';
import { parseMoneyInput } from './money-input';

export const ticketTypeFields = [
  'code', 'publicLabel', 'internalLabel', 'description', 'attendance', 'validOn', 'capacity', 'saleStartsAt', 'saleEndsAt',
  'minPerOrder', 'maxPerOrder', 'isHidden', 'includesWorkshops', 'sortOrder',
] as const;
export const newTicketTypeFields = [...ticketTypeFields, 'priceLabel', 'priceAmount'] as const;

const CODE_TAKEN = 'Another ticket type already uses this code';
const CODE_MESSAGE = 'Use lowercase letters, digits and single dashes, such as full-pass';

export const ticketTypeFormSchema = z.object({
  code: requiredText('Code', 60).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, CODE_MESSAGE)),
  publicLabel: requiredText('Public label', 120),
  internalLabel: requiredText('Internal label', 120),
  description: optionalText('Description', 2000),
  attendance: z.enum(['in_person', 'virtual'], { message: 'Choose in person or online' }),
  validOn: z.string().default('').transform((v) => v.trim() || null),
  capacity: optionalIntField('Capacity', { min: 0, max: 1_000_000 }),
  saleStartsAt: localDateTimeField('Sale opens'),
  saleEndsAt: localDateTimeField('Sale closes'),
  minPerOrder: intField('Minimum per order', { min: 1, max: 100 }),
  maxPerOrder: intField('Maximum per order', { min: 1, max: 100 }),
  isHidden: checkbox,
  includesWorkshops: checkbox,
  sortOrder: intField('Sort order', { min: -10_000, max: 10_000 }),
}).refine((t) => t.maxPerOrder >= t.minPerOrder, { path: ['maxPerOrder'], message: 'The maximum must not be below the minimum', when: whenParsed('minPerOrder', 'maxPerOrder') });
export type TicketTypeFormInput = FormInput<(typeof ticketTypeFields)[number]>;

const firstPriceSchema = z.object({ priceLabel: requiredText('Price label', 60), priceAmount: z.string().default('') });
export type NewTicketTypeInput = FormInput<(typeof newTicketTypeFields)[number]>;

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** Shared checks; returns the row values with times as instants. */
function toRow(event: Event, data: z.output<typeof ticketTypeFormSchema>) {
  if (data.validOn !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(data.validOn) || data.validOn < event.startsOn || data.validOn > event.endsOn)) {
    throw fieldError('validOn', `Choose one of the event's dates (${event.startsOn} to ${event.endsOn}), or every day`);
  }
  const saleStartsAt = toInstant(data.saleStartsAt, event.timezone);
  const saleEndsAt = toInstant(data.saleEndsAt, event.timezone);
  if (saleStartsAt && saleEndsAt && saleEndsAt <= saleStartsAt) throw fieldError('saleEndsAt', 'The sale must close after it opens');
  return { ...data, saleStartsAt, saleEndsAt };
}

export async function createTicketType(ctx: SalesCtx, eventId: string, input: NewTicketTypeInput): Promise<TicketType> {
  const data = parseInput(ticketTypeFormSchema.and(firstPriceSchema), input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    const { priceLabel, priceAmount, ...rest } = data;
    const row = toRow(event, rest);
    const amount = parseMoneyInput(priceAmount, event.currency);
    if (!amount.ok) throw fieldError('priceAmount', amount.message);
    const type = await insertTicketType({ db: tx }, eventId, { ...row, prices: [{ label: priceLabel, amount: amount.amount }] }).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === 'CONFLICT') throw new DomainError('CONFLICT', CODE_TAKEN, { code: [CODE_TAKEN] });
      throw error;
    });
    await recordAudit(tx, {
      actor: ctx.actor, action: 'ticket_type.create', eventId, targetType: 'ticket_type', targetId: type.id, at: now,
      summary: `Created ticket type ${type.code} ("${type.internalLabel}")`,
      details: { code: type.code, capacity: type.capacity, isHidden: type.isHidden, price: { label: priceLabel, amount: amount.amount } },
    });
    return type;
  });
}

export async function updateTicketType(ctx: SalesCtx, eventId: string, ticketTypeId: string, input: TicketTypeFormInput): Promise<{ type: TicketType; changed: string[] }> {
  const data = parseInput(ticketTypeFormSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    if (!isUuid(ticketTypeId)) throw notFound('This ticket type');
    const [current] = await tx.select().from(ticketTypes).where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId))).for('no key update');
    if (!current) throw notFound('This ticket type');
    const row = toRow(event, data);
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => plain(row[k]) !== plain(current[k]));
    if (!changed.length) return { type: current, changed };
    if (changed.includes('capacity') && row.capacity !== null) {
      await lockSeats(tx, poolsFor({ eventId, ticketTypeIds: [ticketTypeId] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
      const taken = (await measureTaken(tx, now, { eventId, ticketTypeIds: [ticketTypeId] })).get(poolKey.ticketType(ticketTypeId)) ?? 0;
      if (row.capacity < taken) throw fieldError('capacity', `${taken} tickets of this type are already taken (paid, held or offered); the capacity cannot be lower.`);
    }
    const [type] = await unique(
      () => tx.update(ticketTypes).set(row).where(eq(ticketTypes.id, ticketTypeId)).returning(),
      'code', CODE_TAKEN,
    );
    const details = Object.fromEntries(changed.map((k) => [k, { from: plain(current[k]), to: plain(row[k]) }]));
    await recordAudit(tx, {
      actor: ctx.actor, action: 'ticket_type.update', eventId, targetType: 'ticket_type', targetId: ticketTypeId, at: now,
      summary: `Changed ticket type ${type!.code}: ${listWords(changed)}`, details,
    });
    return { type: type!, changed };
  });
}

/** The edit form's starting values (times as wall-clock in the event's zone). */
export function ticketTypeFormValues(type: TicketType, timeZone: string): Record<(typeof ticketTypeFields)[number], string> {
  return {
    code: type.code, publicLabel: type.publicLabel, internalLabel: type.internalLabel, description: type.description,
    attendance: type.attendance, validOn: type.validOn ?? '', capacity: type.capacity === null ? '' : String(type.capacity),
    saleStartsAt: toLocalInput(type.saleStartsAt, timeZone), saleEndsAt: toLocalInput(type.saleEndsAt, timeZone),
    minPerOrder: String(type.minPerOrder), maxPerOrder: String(type.maxPerOrder), isHidden: type.isHidden ? 'on' : '',
    includesWorkshops: type.includesWorkshops ? 'on' : '', sortOrder: String(type.sortOrder),
  };
}

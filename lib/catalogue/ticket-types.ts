// Creating and editing ticket types: one use case each and one schema, for every caller (the admin forms, whose
// strings app/admin/tickets/_lib/ticket-type-form.ts reads into this typed input, the demo seed and the tests).
// A type's capacity never goes below the seats it already has taken (checked under its pool lock); a day pass is
// valid on one of the event's dates; a sale closes after it opens; codes are unique per event.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  ticketPrices,
  ticketTypePools,
  ticketTypeQuestions,
  ticketTypes,
  type Event,
  type TicketType,
} from '@/db/schema';
import { recordAudit, type AuditActor } from '../audit/record';
import { poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { isUuid, parseInput } from '../validation';
import { assertCapacityCovers, fieldError, listWords, loadEvent, notFound, unique, type SalesCtx } from './common';

const CODE_TAKEN = 'Another ticket type already uses this code';

const ticketTypeFieldsObject = z.object({
  code: z
    .string()
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, such as full-pass'),
  publicLabel: z.string().trim().min(1, 'A public label is required').max(120),
  internalLabel: z.string().trim().min(1, 'An internal label is required').max(120),
  description: z.string().trim().max(2000).default(''),
  attendance: z.enum(['in_person', 'virtual']).default('in_person'),
  // A date of the event (YYYY-MM-DD), or null for every day; checked against the event's dates.
  validOn: z.string().nullable().default(null),
  capacity: z.number().int().min(0).nullable().default(null),
  saleStartsAt: z.date().nullable().default(null),
  saleEndsAt: z.date().nullable().default(null),
  minPerOrder: z.number().int().min(1).default(1),
  maxPerOrder: z.number().int().min(1).max(100).default(10),
  isHidden: z.boolean().default(false),
  includesWorkshops: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
});

const perOrder = (t: { minPerOrder: number; maxPerOrder: number }) => t.maxPerOrder >= t.minPerOrder;
const perOrderIssue = { path: ['maxPerOrder'], message: 'The maximum must not be below the minimum' };

/** A ticket type's own fields (what an edit changes). */
export const ticketTypeFieldsSchema = ticketTypeFieldsObject.refine(perOrder, perOrderIssue);
export type TicketTypeFields = z.output<typeof ticketTypeFieldsSchema>;

/** A new ticket type: its fields, its prices (at least one, each with an optional window), pools and questions. */
export const ticketTypeSchema = ticketTypeFieldsObject
  .extend({
    prices: z
      .array(
        z.object({
          label: z.string().trim().min(1).max(60),
          amount: z.number().int().min(0, 'Prices cannot be negative'),
          startsAt: z.date().nullable().default(null),
          endsAt: z.date().nullable().default(null),
        }),
      )
      .min(1, 'Give at least one price'),
    poolIds: z.array(z.uuid()).default([]),
    questions: z.array(z.object({ questionId: z.uuid(), isRequired: z.boolean().default(false) })).default([]),
  })
  .refine(perOrder, perOrderIssue);
export type TicketTypeInput = z.input<typeof ticketTypeSchema>;

/** The checks that need the event: a day pass's date is one of the event's, and a sale closes after it opens. */
function checkAgainstEvent(event: Event, data: TicketTypeFields): void {
  if (
    data.validOn !== null &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(data.validOn) || data.validOn < event.startsOn || data.validOn > event.endsOn)
  ) {
    throw fieldError('validOn', `Choose one of the event's dates (${event.startsOn} to ${event.endsOn}), or every day`);
  }
  if (data.saleStartsAt && data.saleEndsAt && data.saleEndsAt <= data.saleStartsAt)
    throw fieldError('saleEndsAt', 'The sale must close after it opens');
}

const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/**
 * Who creates a ticket type. Staff pass `actor` (with the clock) and the creation is audited; the demo seed, the
 * benchmarks and test fixtures pass neither and nothing is audited: the audit trail records what people did.
 */
export type CreateTicketTypeCtx = Pick<AppContext, 'db'> &
  ({ actor?: undefined } | (Pick<AppContext, 'clock'> & { actor: AuditActor }));

export async function createTicketType(
  ctx: CreateTicketTypeCtx,
  eventId: string,
  input: TicketTypeInput,
): Promise<TicketType> {
  const { prices, poolIds, questions: qs, ...data } = parseInput(ticketTypeSchema, input);
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    checkAgainstEvent(event, data);
    const [type] = await tx
      .insert(ticketTypes)
      .values({ ...data, eventId })
      .onConflictDoNothing()
      .returning();
    if (!type) throw new DomainError('CONFLICT', CODE_TAKEN, { code: [CODE_TAKEN] });
    await tx.insert(ticketPrices).values(prices.map((p) => ({ ...p, ticketTypeId: type.id })));
    if (poolIds.length)
      await tx.insert(ticketTypePools).values(poolIds.map((poolId) => ({ ticketTypeId: type.id, poolId })));
    if (qs.length) await tx.insert(ticketTypeQuestions).values(qs.map((q) => ({ ...q, ticketTypeId: type.id })));
    if (ctx.actor) {
      const [first] = prices;
      await recordAudit(tx, {
        actor: ctx.actor,
        action: 'ticket_type.create',
        eventId,
        targetType: 'ticket_type',
        targetId: type.id,
        at: ctx.clock.now(),
        summary: `Created ticket type ${type.code} ("${type.internalLabel}")`,
        details: {
          code: type.code,
          capacity: type.capacity,
          isHidden: type.isHidden,
          price: { label: first!.label, amount: first!.amount },
        },
      });
    }
    return type;
  });
}

export async function updateTicketType(
  ctx: SalesCtx,
  eventId: string,
  ticketTypeId: string,
  input: TicketTypeFields,
): Promise<{ type: TicketType; changed: string[] }> {
  const row = parseInput(ticketTypeFieldsSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    if (!isUuid(ticketTypeId)) throw notFound('This ticket type');
    const [current] = await tx
      .select()
      .from(ticketTypes)
      .where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId)))
      .for('no key update');
    if (!current) throw notFound('This ticket type');
    checkAgainstEvent(event, row);
    const changed = (Object.keys(row) as (keyof typeof row)[]).filter((k) => plain(row[k]) !== plain(current[k]));
    if (!changed.length) return { type: current, changed };
    if (changed.includes('capacity') && row.capacity !== null) {
      await lockSeats(tx, poolsFor({ eventId, ticketTypeIds: [ticketTypeId] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
      const seats = { query: { eventId, ticketTypeIds: [ticketTypeId] }, key: poolKey.ticketType(ticketTypeId) };
      await assertCapacityCovers(tx, now, seats, row.capacity, 'tickets of this type');
    }
    const [type] = await unique(
      () => tx.update(ticketTypes).set(row).where(eq(ticketTypes.id, ticketTypeId)).returning(),
      'code',
      CODE_TAKEN,
    );
    const details = Object.fromEntries(changed.map((k) => [k, { from: plain(current[k]), to: plain(row[k]) }]));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'ticket_type.update',
      eventId,
      targetType: 'ticket_type',
      targetId: ticketTypeId,
      at: now,
      summary: `Changed ticket type ${type!.code}: ${listWords(changed)}`,
      details,
    });
    return { type: type!, changed };
  });
}

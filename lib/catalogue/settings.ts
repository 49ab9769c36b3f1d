// Event settings an organizer changes: name, dates, zone, currency, holds, offers, discreet mode, refund policy,
// the attendee changes cut-off and the total capacity. The currency is fixed once money has been taken in it,
// and the capacity never goes below the seats already taken (checked under the event pool's lock).
import { and, eq, inArray, isNotNull, max, min, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { events, orders, sessions, ticketTypes, type Event } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { dateInZone } from '../time';
import { parseInput } from '../validation';
import { fieldError, type FormInput, listWords, loadEvent, type SalesCtx } from './common';
import {
  checkbox,
  currencyField,
  dateField,
  intField,
  localDateTimeField,
  optionalIntField,
  optionalText,
  requiredText,
  timeZoneField,
  toInstant,
  toLocalInput,
  whenParsed,
} from './fields';

export const eventSettingsFields = [
  'name',
  'startsOn',
  'endsOn',
  'timezone',
  'currency',
  'holdMinutes',
  'offerMinutes',
  'nameInEmailSubjects',
  'refundUntil',
  'refundPolicy',
  'changesUntil',
  'capacity',
  'organizerName',
  'privacyContact',
] as const;

export const eventSettingsSchema = z
  .object({
    name: requiredText('Name', 200),
    startsOn: dateField('Start date'),
    endsOn: dateField('End date'),
    timezone: timeZoneField,
    currency: currencyField,
    holdMinutes: intField('Hold length', { min: 1, max: 1440 }),
    offerMinutes: intField('Offer length', { min: 5, max: 2880 }),
    nameInEmailSubjects: checkbox,
    refundUntil: localDateTimeField('Full refunds until'),
    refundPolicy: optionalText('Refund policy', 5000),
    changesUntil: localDateTimeField('Changes until'),
    capacity: optionalIntField('Capacity', { min: 0, max: 10_000_000 }),
    organizerName: optionalText('Organizer', 200),
    privacyContact: optionalText('Privacy contact', 254).refine(
      (v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
      'Privacy contact must be an email address, such as privacy@example.org',
    ),
  })
  .refine((s) => s.endsOn >= s.startsOn, {
    path: ['endsOn'],
    message: 'The end date must not be before the start date',
    when: whenParsed('startsOn', 'endsOn'),
  });
export type EventSettingsInput = FormInput<(typeof eventSettingsFields)[number]>;

const LABELS: Record<(typeof eventSettingsFields)[number], string> = {
  name: 'name',
  startsOn: 'start date',
  endsOn: 'end date',
  timezone: 'time zone',
  currency: 'currency',
  holdMinutes: 'hold length',
  offerMinutes: 'offer length',
  nameInEmailSubjects: 'discreet mode',
  refundUntil: 'refund deadline',
  refundPolicy: 'refund policy',
  changesUntil: 'changes cut-off',
  capacity: 'capacity',
  organizerName: 'organizer',
  privacyContact: 'privacy contact',
};

/** The form's starting values for an event (times as wall-clock in its zone). */
export function eventSettingsFormValues(event: Event): Record<(typeof eventSettingsFields)[number], string> {
  return {
    name: event.name,
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    timezone: event.timezone,
    currency: event.currency,
    holdMinutes: String(event.holdMinutes),
    offerMinutes: String(event.offerMinutes),
    nameInEmailSubjects: event.nameInEmailSubjects ? 'on' : '',
    refundUntil: toLocalInput(event.refundUntil, event.timezone),
    refundPolicy: event.refundPolicy,
    changesUntil: toLocalInput(event.changesUntil, event.timezone),
    capacity: event.capacity === null ? '' : String(event.capacity),
    organizerName: event.organizerName,
    privacyContact: event.privacyContact,
  };
}

const comparable = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

export async function updateEventSettings(
  ctx: SalesCtx,
  eventId: string,
  input: EventSettingsInput,
): Promise<{ event: Event; changed: string[] }> {
  const data = parseInput(eventSettingsSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId, { lock: true });
    const next = {
      name: data.name,
      startsOn: data.startsOn,
      endsOn: data.endsOn,
      timezone: data.timezone,
      currency: data.currency,
      holdMinutes: data.holdMinutes,
      offerMinutes: data.offerMinutes,
      nameInEmailSubjects: data.nameInEmailSubjects,
      refundUntil: toInstant(data.refundUntil, data.timezone),
      refundPolicy: data.refundPolicy,
      changesUntil: toInstant(data.changesUntil, data.timezone),
      capacity: data.capacity,
      organizerName: data.organizerName,
      privacyContact: data.privacyContact,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => comparable(next[k]) !== comparable(event[k]),
    );
    if (!changed.length) return { event, changed: [] };

    if (changed.includes('currency')) {
      const [paid] = await tx
        .select({ id: orders.id })
        .from(orders)
        .where(
          and(
            eq(orders.eventId, eventId),
            or(inArray(orders.status, ['paid', 'refunded']), sql`${orders.amountPaid} > 0`),
          ),
        )
        .limit(1);
      if (paid) {
        throw fieldError(
          'currency',
          `Orders have already been paid in ${event.currency}, so the currency can no longer change.`,
        );
      }
    }
    if (changed.some((k) => k === 'startsOn' || k === 'endsOn' || k === 'timezone'))
      await assertProgrammeFits(tx, eventId, next);
    if (changed.includes('capacity') && next.capacity !== null) {
      await lockSeats(tx, poolsFor({ eventId, includeEvent: true }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
      const taken = (await measureTaken(tx, now, { eventId, includeEvent: true })).get(poolKey.event(eventId)) ?? 0;
      if (next.capacity < taken) {
        throw fieldError(
          'capacity',
          `${taken} seats are already taken (paid, held or offered); the capacity cannot be lower.`,
        );
      }
    }

    const [updated] = await tx
      .update(events)
      .set({ ...next, updatedAt: now })
      .where(eq(events.id, eventId))
      .returning();
    const details = Object.fromEntries(
      changed.map((k) => [
        k,
        k === 'refundPolicy' ? 'changed' : { from: comparable(event[k]), to: comparable(next[k]) },
      ]),
    );
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'event.update',
      eventId,
      targetType: 'event',
      targetId: eventId,
      at: now,
      summary: `Changed the event's ${listWords(changed.map((k) => LABELS[k]))}`,
      details,
    });
    return { event: updated!, changed };
  });
}

/** Sessions and day passes must still fall within the event's dates, read in its (possibly new) zone. */
async function assertProgrammeFits(
  tx: Parameters<typeof loadEvent>[0],
  eventId: string,
  next: { startsOn: string; endsOn: string; timezone: string },
) {
  const [span] = await tx
    .select({ first: min(sessions.startsAt), last: max(sessions.endsAt) })
    .from(sessions)
    .where(eq(sessions.eventId, eventId));
  if (span?.first && span.last) {
    const firstDay = dateInZone(span.first, next.timezone);
    const lastDay = dateInZone(new Date(span.last.getTime() - 1), next.timezone);
    if (firstDay < next.startsOn)
      throw fieldError('startsOn', `The programme has a session on ${firstDay}; the event cannot start after it.`);
    if (lastDay > next.endsOn)
      throw fieldError('endsOn', `The programme has a session on ${lastDay}; the event cannot end before it.`);
  }
  const dayPasses = await tx
    .select({ label: ticketTypes.internalLabel, validOn: ticketTypes.validOn })
    .from(ticketTypes)
    .where(and(eq(ticketTypes.eventId, eventId), isNotNull(ticketTypes.validOn)));
  const outside = dayPasses.find((t) => t.validOn! < next.startsOn || t.validOn! > next.endsOn);
  if (outside) {
    const field = outside.validOn! < next.startsOn ? 'startsOn' : 'endsOn';
    throw fieldError(field, `The ticket type "${outside.label}" is valid on ${outside.validOn}, outside these dates.`);
  }
}

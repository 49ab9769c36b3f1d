// The ticket type forms: their field names, their strings read into the typed input of createTicketType and
// updateTicketType (lib/catalogue/ticket-types.ts) with a message per field an organizer can act on, and an
// existing type's values for the edit form. Times are entered as wall-clock time in the event's zone; the price in
// the event's currency. The checks that need the event's dates and the database stay in the use cases.
import { z } from 'zod';
import type { Event, TicketType } from '@/db/schema';
import { fieldError, type FormInput } from '@/lib/catalogue/common';
import {
  checkbox,
  intField,
  localDateTimeField,
  optionalIntField,
  optionalText,
  requiredText,
  toInstant,
  toLocalInput,
  whenParsed,
} from '@/lib/catalogue/fields';
import { parseMoneyInput } from '@/lib/catalogue/money-input';
import type { TicketTypeFields, TicketTypeInput } from '@/lib/catalogue/ticket-types';
import { parseInput } from '@/lib/validation';

export const ticketTypeFields = [
  'code',
  'publicLabel',
  'internalLabel',
  'description',
  'attendance',
  'validOn',
  'capacity',
  'saleStartsAt',
  'saleEndsAt',
  'minPerOrder',
  'maxPerOrder',
  'isHidden',
  'includesWorkshops',
  'sortOrder',
] as const;
export const newTicketTypeFields = [...ticketTypeFields, 'priceLabel', 'priceAmount'] as const;

export type TicketTypeFormInput = FormInput<(typeof ticketTypeFields)[number]>;
export type NewTicketTypeInput = FormInput<(typeof newTicketTypeFields)[number]>;

const CODE_MESSAGE = 'Use lowercase letters, digits and single dashes, such as full-pass';

const ticketTypeFormSchema = z
  .object({
    code: requiredText('Code', 60).pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, CODE_MESSAGE)),
    publicLabel: requiredText('Public label', 120),
    internalLabel: requiredText('Internal label', 120),
    description: optionalText('Description', 2000),
    attendance: z.enum(['in_person', 'virtual'], { message: 'Choose in person or online' }),
    validOn: z
      .string()
      .default('')
      .transform((v) => v.trim() || null),
    capacity: optionalIntField('Capacity', { min: 0, max: 1_000_000 }),
    saleStartsAt: localDateTimeField('Sale opens'),
    saleEndsAt: localDateTimeField('Sale closes'),
    minPerOrder: intField('Minimum per order', { min: 1, max: 100 }),
    maxPerOrder: intField('Maximum per order', { min: 1, max: 100 }),
    isHidden: checkbox,
    includesWorkshops: checkbox,
    sortOrder: intField('Sort order', { min: -10_000, max: 10_000 }),
  })
  .refine((t) => t.maxPerOrder >= t.minPerOrder, {
    path: ['maxPerOrder'],
    message: 'The maximum must not be below the minimum',
    when: whenParsed('minPerOrder', 'maxPerOrder'),
  });

const firstPriceSchema = z.object({ priceLabel: requiredText('Price label', 60), priceAmount: z.string().default('') });

function typed(data: z.output<typeof ticketTypeFormSchema>, timeZone: string): TicketTypeFields {
  return {
    ...data,
    saleStartsAt: toInstant(data.saleStartsAt, timeZone),
    saleEndsAt: toInstant(data.saleEndsAt, timeZone),
  };
}

/** The edit form, read into updateTicketType's input; every field's error at once. */
export function readTicketTypeForm(input: TicketTypeFormInput, event: Pick<Event, 'timezone'>): TicketTypeFields {
  return typed(parseInput(ticketTypeFormSchema, input), event.timezone);
}

/** The new ticket type form (its fields and a first price without a window), read into createTicketType's input. */
export function readNewTicketTypeForm(
  input: NewTicketTypeInput,
  event: Pick<Event, 'timezone' | 'currency'>,
): TicketTypeInput {
  const { priceLabel, priceAmount, ...data } = parseInput(ticketTypeFormSchema.and(firstPriceSchema), input);
  const amount = parseMoneyInput(priceAmount, event.currency);
  if (!amount.ok) throw fieldError('priceAmount', amount.message);
  return { ...typed(data, event.timezone), prices: [{ label: priceLabel, amount: amount.amount }] };
}

/** The edit form's starting values (times as wall-clock in the event's zone). */
export function ticketTypeFormValues(
  type: TicketType,
  timeZone: string,
): Record<(typeof ticketTypeFields)[number], string> {
  return {
    code: type.code,
    publicLabel: type.publicLabel,
    internalLabel: type.internalLabel,
    description: type.description,
    attendance: type.attendance,
    validOn: type.validOn ?? '',
    capacity: type.capacity === null ? '' : String(type.capacity),
    saleStartsAt: toLocalInput(type.saleStartsAt, timeZone),
    saleEndsAt: toLocalInput(type.saleEndsAt, timeZone),
    minPerOrder: String(type.minPerOrder),
    maxPerOrder: String(type.maxPerOrder),
    isHidden: type.isHidden ? 'on' : '',
    includesWorkshops: type.includesWorkshops ? 'on' : '',
    sortOrder: String(type.sortOrder),
  };
}

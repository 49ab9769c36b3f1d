// Setting up what is sold: ticket types with price windows, shared pools, questions and vouchers.
// Used by the seed now and by the organizer dashboard later; every input is validated here.
import { z } from 'zod';
import {
  capacityPools, questions, ticketPrices, ticketTypePools, ticketTypeQuestions, ticketTypes, voucherTicketTypes, vouchers,
  type Question, type TicketType, type Voucher,
} from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db'>;

const code = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes').max(60);

export const ticketTypeSchema = z.object({
  code,
  publicLabel: z.string().trim().min(1, 'A public label is required').max(120),
  internalLabel: z.string().trim().min(1, 'An internal label is required').max(120),
  description: z.string().trim().max(2000).default(''),
  attendance: z.enum(['in_person', 'virtual']).default('in_person'),
  validOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
  capacity: z.number().int().min(0).nullable().default(null),
  saleStartsAt: z.date().nullable().default(null),
  saleEndsAt: z.date().nullable().default(null),
  minPerOrder: z.number().int().min(1).default(1),
  maxPerOrder: z.number().int().min(1).max(100).default(10),
  isHidden: z.boolean().default(false),
  includesWorkshops: z.boolean().default(true),
  sortOrder: z.number().int().default(0),
  prices: z.array(z.object({
    label: z.string().trim().min(1).max(60),
    amount: z.number().int().min(0, 'Prices cannot be negative'),
    startsAt: z.date().nullable().default(null),
    endsAt: z.date().nullable().default(null),
  })).min(1, 'Give at least one price'),
  poolIds: z.array(z.uuid()).default([]),
  questions: z.array(z.object({ questionId: z.uuid(), isRequired: z.boolean().default(false) })).default([]),
}).refine((t) => t.maxPerOrder >= t.minPerOrder, { path: ['maxPerOrder'], message: 'The maximum must not be below the minimum' });
export type TicketTypeInput = z.input<typeof ticketTypeSchema>;

export async function createTicketType(ctx: Ctx, eventId: string, input: TicketTypeInput): Promise<TicketType> {
  const { prices, poolIds, questions: qs, ...data } = parseInput(ticketTypeSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [type] = await tx.insert(ticketTypes).values({ ...data, eventId }).onConflictDoNothing().returning();
    if (!type) throw new DomainError('CONFLICT', 'A ticket type with this code already exists', { code: ['Already in use'] });
    await tx.insert(ticketPrices).values(prices.map((p) => ({ ...p, ticketTypeId: type.id })));
    if (poolIds.length) await tx.insert(ticketTypePools).values(poolIds.map((poolId) => ({ ticketTypeId: type.id, poolId })));
    if (qs.length) await tx.insert(ticketTypeQuestions).values(qs.map((q) => ({ ...q, ticketTypeId: type.id })));
    return type;
  });
}

export async function createCapacityPool(ctx: Ctx, eventId: string, input: { name: string; capacity: number }) {
  const data = parseInput(z.object({ name: z.string().trim().min(1).max(120), capacity: z.number().int().min(0) }), input);
  const [pool] = await ctx.db.insert(capacityPools).values({ ...data, eventId }).returning();
  return pool!;
}

export const questionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lowercase letters, digits and underscores').max(60),
  label: z.string().trim().min(1).max(200),
  help: z.string().trim().max(500).default(''),
  kind: z.enum(['text', 'textarea', 'select', 'checkbox']),
  options: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
  isSensitive: z.boolean().default(false),
  // Opens access requests; always sensitive too.
  isAccessNeed: z.boolean().default(false),
  sortOrder: z.number().int().default(0),
}).transform((q) => ({ ...q, isSensitive: q.isSensitive || q.isAccessNeed })).refine((q) => q.kind !== 'select' || q.options.length >= 2, { path: ['options'], message: 'A choice needs at least two options' });

export async function createQuestion(ctx: Ctx, eventId: string, input: z.input<typeof questionSchema>): Promise<Question> {
  const data = parseInput(questionSchema, input);
  const [q] = await ctx.db.insert(questions).values({ ...data, eventId }).onConflictDoNothing().returning();
  if (!q) throw new DomainError('CONFLICT', 'A question with this key already exists', { key: ['Already in use'] });
  return q;
}

export const voucherSchema = z.object({
  code: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes and underscores').transform((c) => c.toUpperCase()),
  kind: z.enum(['percent', 'fixed', 'free']),
  value: z.number().int().min(0).default(0),
  maxUses: z.number().int().min(0).nullable().default(null),
  validFrom: z.date().nullable().default(null),
  validUntil: z.date().nullable().default(null),
  note: z.string().trim().max(500).default(''),
  ticketTypeIds: z.array(z.uuid()).default([]),
}).refine((v) => v.kind !== 'percent' || (v.value >= 1 && v.value <= 100), { path: ['value'], message: 'A percentage is between 1 and 100' })
  .refine((v) => v.kind !== 'fixed' || v.value > 0, { path: ['value'], message: 'Give the amount off' });

export async function createVoucher(ctx: Ctx, eventId: string, input: z.input<typeof voucherSchema>): Promise<Voucher> {
  const { ticketTypeIds, ...data } = parseInput(voucherSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [v] = await tx.insert(vouchers).values({ ...data, eventId }).onConflictDoNothing().returning();
    if (!v) throw new DomainError('CONFLICT', 'A voucher with this code already exists', { code: ['Already in use'] });
    if (ticketTypeIds.length) await tx.insert(voucherTicketTypes).values(ticketTypeIds.map((ticketTypeId) => ({ voucherId: v.id, ticketTypeId })));
    return v;
  });
}

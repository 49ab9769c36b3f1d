// Setting up what is sold, for the demo seed and test fixtures: shared pools, questions and vouchers (the admin
// screens use pools.ts, questions.ts and vouchers.ts). Ticket types: createTicketType in ticket-types.ts.
import { z } from 'zod';
import { capacityPools, questions, voucherTicketTypes, vouchers, type Question, type Voucher } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db'>;

export async function createCapacityPool(ctx: Ctx, eventId: string, input: { name: string; capacity: number }) {
  const data = parseInput(
    z.object({ name: z.string().trim().min(1).max(120), capacity: z.number().int().min(0) }),
    input,
  );
  const [pool] = await ctx.db
    .insert(capacityPools)
    .values({ ...data, eventId })
    .returning();
  return pool!;
}

export const questionSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'Use lowercase letters, digits and underscores')
      .max(60),
    label: z.string().trim().min(1).max(200),
    help: z.string().trim().max(500).default(''),
    kind: z.enum(['text', 'textarea', 'select', 'checkbox']),
    options: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    isSensitive: z.boolean().default(false),
    // Opens access requests; always sensitive too.
    isAccessNeed: z.boolean().default(false),
    sortOrder: z.number().int().default(0),
  })
  .transform((q) => ({ ...q, isSensitive: q.isSensitive || q.isAccessNeed }))
  .refine((q) => q.kind !== 'select' || q.options.length >= 2, {
    path: ['options'],
    message: 'A choice needs at least two options',
  });

export async function createQuestion(
  ctx: Ctx,
  eventId: string,
  input: z.input<typeof questionSchema>,
): Promise<Question> {
  const data = parseInput(questionSchema, input);
  const [q] = await ctx.db
    .insert(questions)
    .values({ ...data, eventId })
    .onConflictDoNothing()
    .returning();
  if (!q) throw new DomainError('CONFLICT', 'A question with this key already exists', { key: ['Already in use'] });
  return q;
}

export const voucherSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes and underscores')
      .transform((c) => c.toUpperCase()),
    kind: z.enum(['percent', 'fixed', 'free']),
    value: z.number().int().min(0).default(0),
    maxUses: z.number().int().min(0).nullable().default(null),
    validFrom: z.date().nullable().default(null),
    validUntil: z.date().nullable().default(null),
    note: z.string().trim().max(500).default(''),
    ticketTypeIds: z.array(z.uuid()).default([]),
  })
  .refine((v) => v.kind !== 'percent' || (v.value >= 1 && v.value <= 100), {
    path: ['value'],
    message: 'A percentage is between 1 and 100',
  })
  .refine((v) => v.kind !== 'fixed' || v.value > 0, { path: ['value'], message: 'Give the amount off' });

export async function createVoucher(ctx: Ctx, eventId: string, input: z.input<typeof voucherSchema>): Promise<Voucher> {
  const { ticketTypeIds, ...data } = parseInput(voucherSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [v] = await tx
      .insert(vouchers)
      .values({ ...data, eventId })
      .onConflictDoNothing()
      .returning();
    if (!v) throw new DomainError('CONFLICT', 'A voucher with this code already exists', { code: ['Already in use'] });
    if (ticketTypeIds.length)
      await tx
        .insert(voucherTicketTypes)
        .values(ticketTypeIds.map((ticketTypeId) => ({ voucherId: v.id, ticketTypeId })));
    return v;
  });
}

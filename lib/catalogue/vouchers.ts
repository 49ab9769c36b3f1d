// Vouchers: one with a chosen code, or many at once with random codes behind a prefix; edited, and ended early.
// Codes are upper case and unique per event. Uses are counted from facts (tickets of paid orders and live holds
// that carry the voucher), and a voucher's use limit never goes below them, checked under the voucher's lock.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { ticketTypes, voucherTicketTypes, vouchers, type Event, type Voucher } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { DomainError } from '../errors';
import { formatMoney } from '../money';
import { newReference } from '../tokens';
import { isUuid, parseInput } from '../validation';
import { fieldError, type FormInput, loadEvent, notFound, unique, type SalesCtx } from './common';
import {
  intField,
  localDateTimeField,
  optionalIntField,
  optionalText,
  requiredText,
  toInstant,
  toLocalInput,
} from './fields';
import { formatMoneyInput, parseMoneyInput } from './money-input';

export const voucherFields = ['kind', 'value', 'maxUses', 'validFrom', 'validUntil', 'note'] as const;

const terms = {
  kind: z.enum(['percent', 'fixed', 'free'], { message: 'Choose percent off, amount off or free' }),
  value: z.string().default(''),
  maxUses: optionalIntField('Maximum uses', { min: 0, max: 1_000_000 }),
  validFrom: localDateTimeField('Valid from'),
  validUntil: localDateTimeField('Valid until'),
  note: optionalText('Note', 500),
  ticketTypeIds: z.array(z.string()).default([]),
};

export const voucherFormSchema = z.object({
  code: requiredText('Code', 40).pipe(
    z
      .string()
      .min(3, 'A code has at least 3 characters')
      .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, dashes and underscores')
      .transform((c) => c.toUpperCase()),
  ),
  ...terms,
});
export type VoucherFormInput = FormInput<(typeof voucherFields)[number] | 'code' | 'ticketTypeIds'>;

export const voucherTermsSchema = z.object(terms);
export type VoucherTermsInput = FormInput<(typeof voucherFields)[number] | 'ticketTypeIds'>;

export const voucherBatchSchema = z.object({
  prefix: requiredText('Prefix', 20).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)*$/, 'Use letters and digits (dashes or underscores between them)')
      .transform((c) => c.toUpperCase()),
  ),
  count: intField('Number of codes', { min: 1, max: 500 }),
  ...terms,
});
export type VoucherBatchInput = FormInput<(typeof voucherFields)[number] | 'prefix' | 'count' | 'ticketTypeIds'>;

type Terms = z.output<typeof voucherTermsSchema>;

/** The voucher's row values from its terms: the value in the unit its kind needs, times as instants. */
async function termsToRow(tx: Tx, event: Event, t: Terms) {
  let value = 0;
  if (t.kind === 'percent') {
    const n = /^\s*\d{1,3}\s*%?\s*$/.test(t.value) ? Number.parseInt(t.value, 10) : NaN;
    if (!(n >= 1 && n <= 100)) throw fieldError('value', 'Enter a whole percentage between 1 and 100');
    value = n;
  } else if (t.kind === 'fixed') {
    const amount = parseMoneyInput(t.value, event.currency);
    if (!amount.ok) throw fieldError('value', amount.message);
    if (amount.amount === 0) throw fieldError('value', 'Enter the amount off, above zero');
    value = amount.amount;
  }
  const validFrom = toInstant(t.validFrom, event.timezone);
  const validUntil = toInstant(t.validUntil, event.timezone);
  if (validFrom && validUntil && validUntil <= validFrom)
    throw fieldError('validUntil', 'The voucher must stop being valid after it starts');
  const ids = [...new Set(t.ticketTypeIds)];
  if (ids.some((id) => !isUuid(id))) throw fieldError('ticketTypeIds', 'Unknown ticket type');
  const types = ids.length
    ? await tx
        .select({ id: ticketTypes.id, code: ticketTypes.code })
        .from(ticketTypes)
        .where(and(eq(ticketTypes.eventId, event.id), inArray(ticketTypes.id, ids)))
    : [];
  if (types.length !== ids.length) throw fieldError('ticketTypeIds', 'Unknown ticket type');
  return { row: { kind: t.kind, value, maxUses: t.maxUses, validFrom, validUntil, note: t.note }, types };
}

export function describeVoucherTerms(v: { kind: string; value: number }, currency: string): string {
  if (v.kind === 'free') return 'free';
  if (v.kind === 'percent') return `${v.value}% off`;
  return `${formatMoney(v.value, currency)} off`;
}

function termsDetails(row: Awaited<ReturnType<typeof termsToRow>>['row'], types: { code: string }[]) {
  return {
    kind: row.kind,
    value: row.value,
    maxUses: row.maxUses,
    validFrom: row.validFrom?.toISOString() ?? null,
    validUntil: row.validUntil?.toISOString() ?? null,
    ticketTypes: types.map((t) => t.code),
  };
}

export async function createVoucher(ctx: SalesCtx, eventId: string, input: VoucherFormInput): Promise<Voucher> {
  const { code, ...t } = parseInput(voucherFormSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    const { row, types } = await termsToRow(tx, event, t);
    const [voucher] = await unique(
      () =>
        tx
          .insert(vouchers)
          .values({ ...row, code, eventId })
          .returning(),
      'code',
      'A voucher with this code already exists',
    );
    if (types.length)
      await tx
        .insert(voucherTicketTypes)
        .values(types.map((type) => ({ voucherId: voucher!.id, ticketTypeId: type.id })));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'voucher.create',
      eventId,
      targetType: 'voucher',
      targetId: voucher!.id,
      at: now,
      summary: `Created the voucher ${code} (${describeVoucherTerms(row, event.currency)})`,
      details: { code, ...termsDetails(row, types) },
    });
    return voucher!;
  });
}

/** `count` vouchers with random codes (PREFIX-XXXXXXXXXXXX: 60 random bits each, so none can be guessed). */
export async function createVoucherBatch(ctx: SalesCtx, eventId: string, input: VoucherBatchInput): Promise<Voucher[]> {
  const { prefix, count, ...t } = parseInput(voucherBatchSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    const { row, types } = await termsToRow(tx, event, t);
    const created: Voucher[] = [];
    // A clash with an existing code is astronomically rare; a few rounds of fresh codes settle it.
    for (let round = 0; created.length < count && round < 5; round++) {
      const codes = new Set<string>();
      while (codes.size < count - created.length) codes.add(newReference(prefix, 12));
      created.push(
        ...(await tx
          .insert(vouchers)
          .values([...codes].map((code) => ({ ...row, code, eventId })))
          .onConflictDoNothing()
          .returning()),
      );
    }
    if (created.length < count)
      throw new DomainError('CONFLICT', 'Could not make enough unique codes. Please try again.');
    if (types.length) {
      await tx
        .insert(voucherTicketTypes)
        .values(created.flatMap((v) => types.map((type) => ({ voucherId: v.id, ticketTypeId: type.id }))));
    }
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'voucher.create_batch',
      eventId,
      targetType: 'voucher',
      at: now,
      summary: `Created ${count} vouchers ${prefix}-… (${describeVoucherTerms(row, event.currency)})`,
      details: { prefix, count, voucherIds: created.map((v) => v.id), ...termsDetails(row, types) },
    });
    return created;
  });
}

async function lockVoucher(tx: Tx, eventId: string, voucherId: string): Promise<Voucher> {
  if (!isUuid(voucherId)) throw notFound('This voucher');
  const [voucher] = await tx
    .select()
    .from(vouchers)
    .where(and(eq(vouchers.id, voucherId), eq(vouchers.eventId, eventId)))
    .for('no key update');
  if (!voucher) throw notFound('This voucher');
  await lockSeats(tx, poolsFor({ eventId, voucherIds: [voucherId] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
  return voucher;
}

export async function updateVoucher(
  ctx: SalesCtx,
  eventId: string,
  voucherId: string,
  input: VoucherTermsInput,
): Promise<Voucher> {
  const t = parseInput(voucherTermsSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const event = await loadEvent(tx, eventId);
    const before = await lockVoucher(tx, eventId, voucherId);
    const { row, types } = await termsToRow(tx, event, t);
    if (row.maxUses !== null) {
      const uses =
        (await measureTaken(tx, now, { eventId, voucherIds: [voucherId] })).get(poolKey.voucher(voucherId)) ?? 0;
      if (row.maxUses < uses)
        throw fieldError(
          'maxUses',
          `This voucher has already been used ${uses} times (paid or held); the limit cannot be lower.`,
        );
    }
    const [voucher] = await tx.update(vouchers).set(row).where(eq(vouchers.id, voucherId)).returning();
    await tx.delete(voucherTicketTypes).where(eq(voucherTicketTypes.voucherId, voucherId));
    if (types.length)
      await tx.insert(voucherTicketTypes).values(types.map((type) => ({ voucherId, ticketTypeId: type.id })));
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'voucher.update',
      eventId,
      targetType: 'voucher',
      targetId: voucherId,
      at: now,
      summary: `Changed the voucher ${before.code} (${describeVoucherTerms(row, event.currency)})`,
      details: termsDetails(row, types),
    });
    return voucher!;
  });
}

/** Ends a voucher now: it stops applying to new orders; orders that used it keep their discount. */
export async function endVoucher(ctx: SalesCtx, eventId: string, voucherId: string): Promise<Voucher> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await loadEvent(tx, eventId);
    const before = await lockVoucher(tx, eventId, voucherId);
    if (before.validUntil && before.validUntil <= now)
      throw new DomainError('CONFLICT', `The voucher ${before.code} has already ended.`);
    const [voucher] = await tx.update(vouchers).set({ validUntil: now }).where(eq(vouchers.id, voucherId)).returning();
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'voucher.end',
      eventId,
      targetType: 'voucher',
      targetId: voucherId,
      at: now,
      summary: `Ended the voucher ${before.code}`,
      details: { validUntil: { from: before.validUntil?.toISOString() ?? null, to: now.toISOString() } },
    });
    return voucher!;
  });
}

export function voucherFormValues(
  v: Voucher,
  event: Pick<Event, 'timezone' | 'currency'>,
): Record<(typeof voucherFields)[number], string> {
  return {
    kind: v.kind,
    value: v.kind === 'fixed' ? formatMoneyInput(v.value, event.currency) : v.kind === 'percent' ? String(v.value) : '',
    maxUses: v.maxUses === null ? '' : String(v.maxUses),
    validFrom: toLocalInput(v.validFrom, event.timezone),
    validUntil: toLocalInput(v.validUntil, event.timezone),
    note: v.note,
  };
}

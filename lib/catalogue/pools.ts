// Shared capacity pools (e.g. every in-person ticket shares the venue's seats): created, resized and given ticket
// types. A pool never ends up holding fewer seats than it has taken: the check runs under the pool's lock.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { capacityPools, ticketTypePools, ticketTypes, type TicketType } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { DomainError } from '../errors';
import { isUuid, parseInput } from '../validation';
import { assertCapacityCovers, fieldError, type FormInput, loadEvent, notFound, unique, type SalesCtx } from './common';
import { intField, requiredText } from './fields';

export const poolFields = ['name', 'capacity'] as const;

export const poolSchema = z.object({
  name: requiredText('Name', 120),
  capacity: intField('Capacity', { min: 0, max: 10_000_000 }),
});
export type PoolInput = FormInput<(typeof poolFields)[number]>;

const NAME_TAKEN = 'Another pool already has this name';

async function lockPool(tx: Tx, eventId: string, poolId: string) {
  if (!isUuid(poolId)) throw notFound('This pool');
  const [pool] = await tx
    .select()
    .from(capacityPools)
    .where(and(eq(capacityPools.id, poolId), eq(capacityPools.eventId, eventId)))
    .for('no key update');
  if (!pool) throw notFound('This pool');
  await lockSeats(tx, poolsFor({ eventId, poolIds: [poolId] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
  return pool;
}

async function typeOfEvent(tx: Tx, eventId: string, ticketTypeId: string): Promise<TicketType> {
  if (!isUuid(ticketTypeId)) throw fieldError('ticketTypeId', 'Choose a ticket type');
  const [type] = await tx
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.id, ticketTypeId), eq(ticketTypes.eventId, eventId)));
  if (!type) throw fieldError('ticketTypeId', 'Choose a ticket type');
  return type;
}

/** The audit entry of a change to one pool. */
async function auditPool(
  tx: Tx,
  ctx: SalesCtx,
  entry: { eventId: string; poolId: string; verb: string; now: Date; summary: string },
  details: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actor: ctx.actor,
    action: `capacity_pool.${entry.verb}`,
    eventId: entry.eventId,
    targetType: 'capacity_pool',
    targetId: entry.poolId,
    at: entry.now,
    summary: entry.summary,
    details,
  });
}

/** Runs `work` in one transaction holding the pool's locks, with the event's ticket type that joins or leaves it. */
async function withPoolAndType(
  ctx: SalesCtx,
  ids: { eventId: string; poolId: string; ticketTypeId: string },
  work: (tx: Tx, on: { pool: typeof capacityPools.$inferSelect; type: TicketType; now: Date }) => Promise<void>,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const pool = await lockPool(tx, ids.eventId, ids.poolId);
    const type = await typeOfEvent(tx, ids.eventId, ids.ticketTypeId);
    await work(tx, { pool, type, now });
  });
}

export async function createPool(ctx: SalesCtx, eventId: string, input: PoolInput) {
  const data = parseInput(poolSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await loadEvent(tx, eventId);
    const [pool] = await unique(
      () =>
        tx
          .insert(capacityPools)
          .values({ ...data, eventId })
          .returning(),
      'name',
      NAME_TAKEN,
    );
    const summary = `Created the capacity pool "${pool!.name}" with ${pool!.capacity} seats`;
    await auditPool(tx, ctx, { eventId, poolId: pool!.id, verb: 'create', now, summary }, data);
    return pool!;
  });
}

export async function updatePool(ctx: SalesCtx, eventId: string, poolId: string, input: PoolInput) {
  const data = parseInput(poolSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockPool(tx, eventId, poolId);
    const seats = { query: { eventId, poolIds: [poolId] }, key: poolKey.pool(poolId) };
    await assertCapacityCovers(tx, now, seats, data.capacity, 'seats of this pool');
    const [pool] = await unique(
      () => tx.update(capacityPools).set(data).where(eq(capacityPools.id, poolId)).returning(),
      'name',
      NAME_TAKEN,
    );
    const summary = `Changed the capacity pool "${before.name}": ${before.capacity} to ${pool!.capacity} seats${before.name !== pool!.name ? `, renamed "${pool!.name}"` : ''}`;
    await auditPool(
      tx,
      ctx,
      { eventId, poolId, verb: 'update', now, summary },
      { from: { name: before.name, capacity: before.capacity }, to: data },
    );
    return pool!;
  });
}

/** The type's taken seats join the pool's, so they must fit in it. */
export async function attachTicketTypeToPool(ctx: SalesCtx, eventId: string, poolId: string, ticketTypeId: string) {
  await withPoolAndType(ctx, { eventId, poolId, ticketTypeId }, async (tx, { pool, type, now }) => {
    await lockSeats(tx, poolsFor({ eventId, ticketTypeIds: [type.id] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
    const taken = await measureTaken(tx, now, { eventId, poolIds: [poolId], ticketTypeIds: [type.id] });
    const poolTaken = taken.get(poolKey.pool(poolId)) ?? 0;
    const typeTaken = taken.get(poolKey.ticketType(type.id)) ?? 0;
    if (poolTaken + typeTaken > pool.capacity) {
      throw fieldError(
        'ticketTypeId',
        `"${type.internalLabel}" has ${typeTaken} tickets taken and the pool ${poolTaken} of ${pool.capacity} seats: they would not fit. Raise the pool's capacity first.`,
      );
    }
    const inserted = await tx
      .insert(ticketTypePools)
      .values({ poolId, ticketTypeId: type.id })
      .onConflictDoNothing()
      .returning();
    if (!inserted.length)
      throw new DomainError('CONFLICT', `"${type.internalLabel}" already shares this pool.`, {
        ticketTypeId: ['Already in this pool'],
      });
    const summary = `Ticket type ${type.code} now shares the capacity pool "${pool.name}"`;
    await auditPool(tx, ctx, { eventId, poolId, verb: 'attach', now, summary }, { ticketTypeId: type.id });
  });
}

export async function detachTicketTypeFromPool(ctx: SalesCtx, eventId: string, poolId: string, ticketTypeId: string) {
  await withPoolAndType(ctx, { eventId, poolId, ticketTypeId }, async (tx, { pool, type, now }) => {
    const removed = await tx
      .delete(ticketTypePools)
      .where(and(eq(ticketTypePools.poolId, poolId), eq(ticketTypePools.ticketTypeId, type.id)))
      .returning();
    if (!removed.length) throw new DomainError('CONFLICT', `"${type.internalLabel}" is not in this pool.`);
    const summary = `Ticket type ${type.code} no longer shares the capacity pool "${pool.name}"`;
    await auditPool(tx, ctx, { eventId, poolId, verb: 'detach', now, summary }, { ticketTypeId: type.id });
  });
}

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
import { fieldError, type FormInput, loadEvent, notFound, unique, type SalesCtx } from './common';
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
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'capacity_pool.create',
      eventId,
      targetType: 'capacity_pool',
      targetId: pool!.id,
      at: now,
      summary: `Created the capacity pool "${pool!.name}" with ${pool!.capacity} seats`,
      details: data,
    });
    return pool!;
  });
}

export async function updatePool(ctx: SalesCtx, eventId: string, poolId: string, input: PoolInput) {
  const data = parseInput(poolSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await lockPool(tx, eventId, poolId);
    const taken = (await measureTaken(tx, now, { eventId, poolIds: [poolId] })).get(poolKey.pool(poolId)) ?? 0;
    if (data.capacity < taken) {
      throw fieldError(
        'capacity',
        `${taken} seats of this pool are already taken (paid, held or offered); the capacity cannot be lower.`,
      );
    }
    const [pool] = await unique(
      () => tx.update(capacityPools).set(data).where(eq(capacityPools.id, poolId)).returning(),
      'name',
      NAME_TAKEN,
    );
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'capacity_pool.update',
      eventId,
      targetType: 'capacity_pool',
      targetId: poolId,
      at: now,
      summary: `Changed the capacity pool "${before.name}": ${before.capacity} to ${pool!.capacity} seats${before.name !== pool!.name ? `, renamed "${pool!.name}"` : ''}`,
      details: { from: { name: before.name, capacity: before.capacity }, to: data },
    });
    return pool!;
  });
}

/** The type's taken seats join the pool's, so they must fit in it. */
export async function attachTicketTypeToPool(
  ctx: SalesCtx,
  eventId: string,
  poolId: string,
  ticketTypeId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const pool = await lockPool(tx, eventId, poolId);
    const type = await typeOfEvent(tx, eventId, ticketTypeId);
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
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'capacity_pool.attach',
      eventId,
      targetType: 'capacity_pool',
      targetId: poolId,
      at: now,
      summary: `Ticket type ${type.code} now shares the capacity pool "${pool.name}"`,
      details: { ticketTypeId: type.id },
    });
  });
}

export async function detachTicketTypeFromPool(
  ctx: SalesCtx,
  eventId: string,
  poolId: string,
  ticketTypeId: string,
): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const pool = await lockPool(tx, eventId, poolId);
    const type = await typeOfEvent(tx, eventId, ticketTypeId);
    const removed = await tx
      .delete(ticketTypePools)
      .where(and(eq(ticketTypePools.poolId, poolId), eq(ticketTypePools.ticketTypeId, type.id)))
      .returning();
    if (!removed.length) throw new DomainError('CONFLICT', `"${type.internalLabel}" is not in this pool.`);
    await recordAudit(tx, {
      actor: ctx.actor,
      action: 'capacity_pool.detach',
      eventId,
      targetType: 'capacity_pool',
      targetId: poolId,
      at: now,
      summary: `Ticket type ${type.code} no longer shares the capacity pool "${pool.name}"`,
      details: { ticketTypeId: type.id },
    });
  });
}

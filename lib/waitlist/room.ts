// Free seats for a waiting-list target (a ticket type with its shared pools and the event, or a workshop),
// measured under the same pool locks as orders. The locks come first; capacities and seats taken are read after
// them, so an order being placed or an organizer changing a capacity (both hold the lock) is seen, never
// half-seen. The caller's transaction keeps the locks until it commits.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ticketTypePools } from '@/db/schema';
import { measureTaken, poolKey, readCapacities, remaining } from '../capacity/availability';
import { advisoryPoolLocker } from '../capacity/lock-pools';

export type WaitlistTarget = { ticketTypeId: string; sessionId?: null } | { ticketTypeId?: null; sessionId: string };

/** The pools a seat for the target takes (membership only, no capacities) and how to read them. */
async function targetPools(tx: Tx, eventId: string, target: WaitlistTarget) {
  if (!target.ticketTypeId) {
    const sessionIds = [target.sessionId!];
    return { keys: [poolKey.session(target.sessionId!)], query: { sessionIds } };
  }
  const poolIds = (await tx.select({ id: ticketTypePools.poolId }).from(ticketTypePools).where(eq(ticketTypePools.ticketTypeId, target.ticketTypeId))).map((p) => p.id);
  // The event pool is locked even while the event has no total: an organizer setting one takes this lock.
  const keys = [poolKey.event(eventId), poolKey.ticketType(target.ticketTypeId), ...poolIds.map(poolKey.pool)];
  return { keys, query: { eventId, ticketTypeIds: [target.ticketTypeId], poolIds } };
}

/**
 * Locks the target's pools and returns how many seats one more person could take now: the smallest room left
 * in any of them; null when none has a limit. A pool whose row has gone has no room.
 */
export async function lockedFreeSeats(tx: Tx, input: {
  eventId: string; target: WaitlistTarget; now: Date; lockTimeoutMs: number;
  /** Other locks the caller needs, taken in the same sorted statement (so no lock order can deadlock). */
  alsoLock?: string[];
}): Promise<number | null> {
  const { eventId, target, now } = input;
  const { keys, query } = await targetPools(tx, eventId, target);
  await advisoryPoolLocker.lock(tx, [...keys, ...(input.alsoLock ?? [])], input.lockTimeoutMs);
  const capacities = await readCapacities(tx, query);
  const eventKey = poolKey.event(eventId);
  const taken = await measureTaken(tx, now, { eventId, includeEvent: Boolean(target.ticketTypeId) && (capacities.get(eventKey) ?? null) !== null, ...query });
  let free: number | null = null;
  for (const key of keys) {
    const left = capacities.has(key) ? remaining(capacities.get(key) ?? null, taken.get(key) ?? 0) : 0;
    if (left !== null) free = free === null ? left : Math.min(free, left);
  }
  return free;
}

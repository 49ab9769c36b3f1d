// Free seats for a waiting-list target (a ticket type with its shared pools and the event, or a workshop),
// measured under the same pool locks as orders. The locks come first; capacities and seats taken are read after
// them, so an order being placed or an organizer changing a capacity (both hold the lock) is seen, never
// half-seen. The caller's transaction keeps the locks until it commits.
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ticketTypePools } from '@/db/schema';
import { checkSeats, lockSeats, poolsFor, type SeatPools } from '../capacity/seats';

export type WaitlistTarget = { ticketTypeId: string; sessionId?: null } | { ticketTypeId?: null; sessionId: string };

/** The pools a seat for the target takes (membership only, no capacities) and how to read them. */
async function targetPools(tx: Tx, eventId: string, target: WaitlistTarget): Promise<SeatPools> {
  if (!target.ticketTypeId) return { eventId, sessionIds: [target.sessionId!] };
  const poolIds = (
    await tx
      .select({ id: ticketTypePools.poolId })
      .from(ticketTypePools)
      .where(eq(ticketTypePools.ticketTypeId, target.ticketTypeId))
  ).map((p) => p.id);
  // The event pool is locked even while the event has no total: an organizer setting one takes this lock.
  return { eventId, includeEvent: true, ticketTypeIds: [target.ticketTypeId], poolIds };
}

/**
 * Locks the target's pools and returns how many seats one more person could take now: the smallest room left
 * in any of them; null when none has a limit. A pool whose row has gone has no room.
 */
export async function lockedFreeSeats(
  tx: Tx,
  input: {
    eventId: string;
    target: WaitlistTarget;
    now: Date;
    lockTimeoutMs: number;
    /** Other locks the caller needs, taken in the same sorted statement (so no lock order can deadlock). */
    alsoLock?: string[];
  },
): Promise<number | null> {
  const { eventId, target, now } = input;
  const pools = await targetPools(tx, eventId, target);
  const keys = poolsFor(pools);
  await lockSeats(tx, [...keys, ...(input.alsoLock ?? [])], { timeoutMs: input.lockTimeoutMs });
  const seats = await checkSeats(tx, now, pools);
  let free: number | null = null;
  for (const key of keys) {
    const found = seats.left(key);
    // A pool whose row has gone has no room.
    const left = found === undefined ? 0 : found;
    if (left !== null) free = free === null ? left : Math.min(free, left);
  }
  return free;
}

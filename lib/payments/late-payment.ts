// Whether an order whose hold lapsed can still have its seats. Takes the same pool locks as a new order (sorted
// keys, under the lock timeout) and only then reads the pools' capacities and counts them: an organizer lowering
// a capacity holds the same lock, so a figure read before the lock could let the order in above the new limit.
// The order itself is not counted, since a lapsed hold is not active. Called inside the transaction that then
// marks the order paid, so the answer still holds when it commits.
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { ticketTypePools, tickets, workshopSeats, type Order } from '@/db/schema';
import { poolKey } from '../capacity/availability';
import { checkSeats, lockSeats, poolsFor } from '../capacity/seats';

function tally(keys: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const key of keys) out.set(key, (out.get(key) ?? 0) + 1);
  return out;
}

/**
 * Every pool the order could shrink and how many places it needs from each, from the order's own rows (which
 * ticket types, pools, workshops and voucher it names), never from capacities: those are read under the lock.
 * The event pool is always included, since its capacity may have been set since the order was placed.
 */
async function orderNeeds(tx: Tx, order: Pick<Order, 'id' | 'eventId'>) {
  const ticketRows = await tx
    .select({ typeId: tickets.ticketTypeId, voucherId: tickets.voucherId })
    .from(tickets)
    .where(eq(tickets.orderId, order.id));
  const typeIds = [...new Set(ticketRows.map((r) => r.typeId))];
  const poolRows = typeIds.length
    ? await tx
        .select({ typeId: ticketTypePools.ticketTypeId, poolId: ticketTypePools.poolId })
        .from(ticketTypePools)
        .where(inArray(ticketTypePools.ticketTypeId, typeIds))
    : [];
  const seatRows = await tx
    .select({ sessionId: workshopSeats.sessionId })
    .from(workshopSeats)
    .where(eq(workshopSeats.orderId, order.id));
  const needs = tally([
    ...ticketRows.map(() => poolKey.event(order.eventId)),
    ...ticketRows.map((t) => poolKey.ticketType(t.typeId)),
    ...ticketRows.flatMap((t) => poolRows.filter((p) => p.typeId === t.typeId).map((p) => poolKey.pool(p.poolId))),
    ...ticketRows.flatMap((t) => (t.voucherId ? [poolKey.voucher(t.voucherId)] : [])),
    ...seatRows.map((s) => poolKey.session(s.sessionId)),
  ]);
  const pools = {
    eventId: order.eventId,
    includeEvent: ticketRows.length > 0,
    ticketTypeIds: typeIds,
    poolIds: [...new Set(poolRows.map((p) => p.poolId))],
    sessionIds: [...new Set(seatRows.map((s) => s.sessionId))],
    voucherIds: [...new Set(ticketRows.flatMap((t) => (t.voucherId ? [t.voucherId] : [])))],
  };
  return { needs, pools };
}

/** Locks the order's pools, then says whether every one of them still has room for it. */
export async function lateOrderHasRoom(
  tx: Tx,
  order: Pick<Order, 'id' | 'eventId'>,
  now: Date,
  lockTimeoutMs: number,
): Promise<boolean> {
  const { needs, pools } = await orderNeeds(tx, order);
  await lockSeats(tx, poolsFor(pools), { timeoutMs: lockTimeoutMs });
  const seats = await checkSeats(tx, now, pools);
  for (const [key, need] of needs) {
    // A pool without a limit, or whose row has gone, does not hold the order back.
    const left = seats.left(key);
    if (left !== null && left !== undefined && left < need) return false;
  }
  return true;
}

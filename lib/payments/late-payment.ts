// Whether an order whose hold lapsed can still have its seats. Takes the same pool locks as a new order (sorted
// keys, under the lock timeout) and counts every pool the order needs; the order itself is not counted, since
// a lapsed hold is not active. Called inside the transaction that then marks the order paid, so the answer
// still holds when it commits.
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { capacityPools, events, sessions, ticketTypePools, ticketTypes, tickets, vouchers, workshopSeats, type Order } from '@/db/schema';
import { measureTaken, poolKey } from '../capacity/availability';
import { advisoryPoolLocker } from '../capacity/lock-pools';

interface Need { capacity: number | null; need: number }

function add(needs: Map<string, Need>, key: string, capacity: number | null, n = 1): void {
  const current = needs.get(key);
  needs.set(key, { capacity, need: (current?.need ?? 0) + n });
}

/** Every pool the order shrinks, keyed as the capacity module keys them, with its capacity and this order's need. */
async function orderNeeds(tx: Tx, order: Pick<Order, 'id' | 'eventId'>) {
  const [event] = await tx.select({ capacity: events.capacity }).from(events).where(eq(events.id, order.eventId));
  const ticketRows = await tx.select({ typeId: tickets.ticketTypeId, capacity: ticketTypes.capacity, voucherId: tickets.voucherId, maxUses: vouchers.maxUses })
    .from(tickets).innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId)).leftJoin(vouchers, eq(vouchers.id, tickets.voucherId))
    .where(eq(tickets.orderId, order.id));
  const typeIds = [...new Set(ticketRows.map((r) => r.typeId))];
  const poolRows = typeIds.length
    ? await tx.select({ typeId: ticketTypePools.ticketTypeId, poolId: capacityPools.id, capacity: capacityPools.capacity })
      .from(ticketTypePools).innerJoin(capacityPools, eq(capacityPools.id, ticketTypePools.poolId)).where(inArray(ticketTypePools.ticketTypeId, typeIds))
    : [];
  const seatRows = await tx.select({ sessionId: workshopSeats.sessionId, capacity: sessions.capacity })
    .from(workshopSeats).innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId)).where(eq(workshopSeats.orderId, order.id));

  const needs = new Map<string, Need>();
  const eventCapacity = event?.capacity ?? null;
  if (eventCapacity !== null) add(needs, poolKey.event(order.eventId), eventCapacity, ticketRows.length);
  for (const t of ticketRows) {
    add(needs, poolKey.ticketType(t.typeId), t.capacity);
    for (const p of poolRows.filter((r) => r.typeId === t.typeId)) add(needs, poolKey.pool(p.poolId), p.capacity);
    if (t.voucherId && t.maxUses !== null) add(needs, poolKey.voucher(t.voucherId), t.maxUses);
  }
  for (const s of seatRows) add(needs, poolKey.session(s.sessionId), s.capacity);
  return {
    needs,
    query: {
      eventId: order.eventId,
      includeEvent: eventCapacity !== null,
      ticketTypeIds: typeIds,
      poolIds: [...new Set(poolRows.map((p) => p.poolId))],
      sessionIds: [...new Set(seatRows.map((s) => s.sessionId))],
      voucherIds: [...new Set(ticketRows.filter((t) => t.voucherId && t.maxUses !== null).map((t) => t.voucherId!))],
    },
  };
}

/** Locks the order's pools and says whether every one of them still has room for it. */
export async function lateOrderHasRoom(tx: Tx, order: Pick<Order, 'id' | 'eventId'>, now: Date, lockTimeoutMs: number): Promise<boolean> {
  const { needs, query } = await orderNeeds(tx, order);
  await advisoryPoolLocker.lock(tx, [...needs.keys()], lockTimeoutMs);
  const taken = await measureTaken(tx, now, query);
  for (const [key, { capacity, need }] of needs) {
    if (capacity !== null && (taken.get(key) ?? 0) + need > capacity) return false;
  }
  return true;
}

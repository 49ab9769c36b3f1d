// Seats taken per pool, computed from facts: tickets of paid orders and of holds that have not expired, plus
// unexpired waiting-list offers. An expired hold stops counting through the WHERE clause alone.
import { and, count, eq, gt, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders, ticketTypePools, tickets, waitlistEntries, workshopSeats } from '@/db/schema';

export interface PoolQuery {
  eventId: string;
  ticketTypeIds?: string[];
  poolIds?: string[];
  sessionIds?: string[];
  voucherIds?: string[];
  includeEvent?: boolean;
  /** A waiting-list offer being redeemed by the order itself does not count against it. */
  excludeOfferId?: string;
}

export type Taken = Map<string, number>;

export const poolKey = {
  event: (id: string) => `event:${id}`,
  ticketType: (id: string) => `ticket_type:${id}`,
  pool: (id: string) => `pool:${id}`,
  session: (id: string) => `session:${id}`,
  voucher: (id: string) => `voucher:${id}`,
};

export function activeOrder(now: Date) {
  return or(eq(orders.status, 'paid'), and(eq(orders.status, 'pending_payment'), gt(orders.expiresAt, now)))!;
}

function liveOffer(now: Date, excludeOfferId?: string) {
  return and(
    eq(waitlistEntries.status, 'offered'),
    gt(waitlistEntries.offerExpiresAt, now),
    excludeOfferId ? ne(waitlistEntries.id, excludeOfferId) : undefined,
  );
}

function add(map: Taken, key: string, n: number) {
  map.set(key, (map.get(key) ?? 0) + Number(n));
}

export async function measureTaken(db: DbOrTx, now: Date, q: PoolQuery): Promise<Taken> {
  const taken: Taken = new Map();
  const offer = liveOffer(now, q.excludeOfferId);

  if (q.ticketTypeIds?.length) {
    const ids = q.ticketTypeIds;
    const sold = await db.select({ id: tickets.ticketTypeId, n: count() }).from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(and(inArray(tickets.ticketTypeId, ids), activeOrder(now))).groupBy(tickets.ticketTypeId);
    for (const r of sold) add(taken, poolKey.ticketType(r.id), r.n);
    const offered = await db.select({ id: waitlistEntries.ticketTypeId, n: count() }).from(waitlistEntries)
      .where(and(inArray(waitlistEntries.ticketTypeId, ids), offer)).groupBy(waitlistEntries.ticketTypeId);
    for (const r of offered) if (r.id) add(taken, poolKey.ticketType(r.id), r.n);
  }

  if (q.poolIds?.length) {
    const ids = q.poolIds;
    const sold = await db.select({ id: ticketTypePools.poolId, n: count() }).from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .innerJoin(ticketTypePools, eq(ticketTypePools.ticketTypeId, tickets.ticketTypeId))
      .where(and(inArray(ticketTypePools.poolId, ids), activeOrder(now))).groupBy(ticketTypePools.poolId);
    for (const r of sold) add(taken, poolKey.pool(r.id), r.n);
    const offered = await db.select({ id: ticketTypePools.poolId, n: count() }).from(waitlistEntries)
      .innerJoin(ticketTypePools, eq(ticketTypePools.ticketTypeId, waitlistEntries.ticketTypeId))
      .where(and(inArray(ticketTypePools.poolId, ids), offer)).groupBy(ticketTypePools.poolId);
    for (const r of offered) add(taken, poolKey.pool(r.id), r.n);
  }

  if (q.includeEvent) {
    const [sold] = await db.select({ n: count() }).from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(and(eq(orders.eventId, q.eventId), activeOrder(now)));
    const [offered] = await db.select({ n: count() }).from(waitlistEntries)
      .where(and(eq(waitlistEntries.eventId, q.eventId), isNotNull(waitlistEntries.ticketTypeId), offer));
    add(taken, poolKey.event(q.eventId), (sold?.n ?? 0) + (offered?.n ?? 0));
  }

  if (q.sessionIds?.length) {
    const ids = q.sessionIds;
    const booked = await db.select({ id: workshopSeats.sessionId, n: count() }).from(workshopSeats)
      .innerJoin(orders, eq(orders.id, workshopSeats.orderId))
      .where(and(inArray(workshopSeats.sessionId, ids), activeOrder(now))).groupBy(workshopSeats.sessionId);
    for (const r of booked) add(taken, poolKey.session(r.id), r.n);
    const offered = await db.select({ id: waitlistEntries.sessionId, n: count() }).from(waitlistEntries)
      .where(and(inArray(waitlistEntries.sessionId, ids), offer)).groupBy(waitlistEntries.sessionId);
    for (const r of offered) if (r.id) add(taken, poolKey.session(r.id), r.n);
  }

  if (q.voucherIds?.length) {
    const used = await db.select({ id: tickets.voucherId, n: count() }).from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(and(inArray(tickets.voucherId, q.voucherIds), activeOrder(now))).groupBy(tickets.voucherId);
    for (const r of used) if (r.id) add(taken, poolKey.voucher(r.id), r.n);
  }

  return taken;
}

/** Seats left in a pool, never below zero; null capacity means unlimited. */
export function remaining(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}


// Seats taken per pool, computed from facts: tickets of paid orders and of holds that have not expired, plus
// unexpired waiting-list offers. An expired hold stops counting through the WHERE clause alone.
import { and, eq, gt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { orders } from '@/db/schema';
import { isUuid } from '../validation';

export interface PoolQuery {
  eventId: string;
  ticketTypeIds?: string[];
  poolIds?: string[];
  sessionIds?: string[];
  voucherIds?: string[];
  includeEvent?: boolean;
  /** A waiting-list offer being redeemed by the order itself does not count against it. */
  excludeOfferId?: string;
  /** Also count unpaid, unexpired holds of this buyer email and client (keys `holds:email`, `holds:client`). */
  holds?: { email: string; clientKey: string | null };
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

/** A uuid[] literal; ids are checked first, so nothing but uuids can reach the SQL text. */
function uuidArray(ids: string[]) {
  for (const id of ids) if (!isUuid(id) || id !== id.toLowerCase()) throw new Error(`Not a uuid: ${id}`);
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

/**
 * Seats taken in every pool asked for, in one round trip: this runs inside the order's locked transaction,
 * where every round trip is time the pool is closed to everyone else.
 */
export async function measureTaken(db: DbOrTx, now: Date, q: PoolQuery): Promise<Taken> {
  const query = takenSql(now, q);
  const taken: Taken = new Map();
  if (!query) return taken;
  return addTaken(taken, await db.execute<{ key: string; n: number }>(query));
}

/** Adds rows of takenSql's shape to a tally. */
export function addTaken(taken: Taken, rows: Iterable<{ key: string; n: number }>): Taken {
  for (const r of rows) taken.set(r.key, (taken.get(r.key) ?? 0) + Number(r.n));
  return taken;
}

/** The query behind measureTaken (rows of key and n), for callers that fold it into a larger statement. */
export function takenSql(now: Date, q: PoolQuery): SQL | null {
  const at = sql`${now.toISOString()}::timestamptz`;
  const active = sql`(o.status = 'paid' or (o.status = 'pending_payment' and o.expires_at > ${at}))`;
  const offer = sql`w.status = 'offered' and w.offer_expires_at > ${at}${q.excludeOfferId ? sql` and w.id <> ${q.excludeOfferId}::uuid` : sql``}`;
  const parts: SQL[] = [];
  if (q.ticketTypeIds?.length) {
    const ids = uuidArray(q.ticketTypeIds);
    parts.push(sql`select 'ticket_type:' || t.ticket_type_id as key, count(*)::int as n from tickets t join orders o on o.id = t.order_id
      where t.ticket_type_id = any(${ids}) and ${active} group by t.ticket_type_id`);
    parts.push(sql`select 'ticket_type:' || w.ticket_type_id as key, count(*)::int as n from waitlist_entries w
      where w.ticket_type_id = any(${ids}) and ${offer} group by w.ticket_type_id`);
  }
  if (q.poolIds?.length) {
    const ids = uuidArray(q.poolIds);
    parts.push(sql`select 'pool:' || p.pool_id as key, count(*)::int as n from tickets t join orders o on o.id = t.order_id
      join ticket_type_pools p on p.ticket_type_id = t.ticket_type_id where p.pool_id = any(${ids}) and ${active} group by p.pool_id`);
    parts.push(sql`select 'pool:' || p.pool_id as key, count(*)::int as n from waitlist_entries w
      join ticket_type_pools p on p.ticket_type_id = w.ticket_type_id where p.pool_id = any(${ids}) and ${offer} group by p.pool_id`);
  }
  if (q.includeEvent) {
    parts.push(sql`select 'event:' || o.event_id as key, count(*)::int as n from tickets t join orders o on o.id = t.order_id
      where o.event_id = ${q.eventId}::uuid and ${active} group by o.event_id`);
    parts.push(sql`select 'event:' || w.event_id as key, count(*)::int as n from waitlist_entries w
      where w.event_id = ${q.eventId}::uuid and w.ticket_type_id is not null and ${offer} group by w.event_id`);
  }
  if (q.sessionIds?.length) {
    const ids = uuidArray(q.sessionIds);
    parts.push(sql`select 'session:' || s.session_id as key, count(*)::int as n from workshop_seats s join orders o on o.id = s.order_id
      where s.session_id = any(${ids}) and ${active} group by s.session_id`);
    parts.push(sql`select 'session:' || w.session_id as key, count(*)::int as n from waitlist_entries w
      where w.session_id = any(${ids}) and ${offer} group by w.session_id`);
  }
  if (q.voucherIds?.length) {
    parts.push(sql`select 'voucher:' || t.voucher_id as key, count(*)::int as n from tickets t join orders o on o.id = t.order_id
      where t.voucher_id = any(${uuidArray(q.voucherIds)}) and ${active} group by t.voucher_id`);
  }
  if (q.holds) {
    const hold = sql`o.status = 'pending_payment' and o.expires_at > ${at}`;
    parts.push(
      sql`select 'holds:email' as key, count(*)::int as n from orders o where o.buyer_email = ${q.holds.email} and ${hold}`,
    );
    if (q.holds.clientKey) {
      parts.push(
        sql`select 'holds:client' as key, count(*)::int as n from orders o where o.client_key = ${q.holds.clientKey} and ${hold}`,
      );
    }
  }
  return parts.length ? sql.join(parts, sql` union all `) : null;
}

/** Seats left in a pool, never below zero; null capacity means unlimited. */
export function remaining(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}

export interface CapacityQuery {
  eventId?: string;
  ticketTypeIds?: string[];
  poolIds?: string[];
  sessionIds?: string[];
  voucherIds?: string[];
}

/**
 * The current limit of every pool asked for, keyed like measureTaken's (null: unlimited; a row that no longer
 * exists is missing). One statement, meant to run after the pools' locks are taken: an organizer changing a
 * capacity holds the same lock, so a read made before it could miss a lowered limit.
 */
export async function readCapacities(db: DbOrTx, q: CapacityQuery): Promise<Map<string, number | null>> {
  const parts: SQL[] = [];
  if (q.eventId) parts.push(sql`select 'event:' || id as key, capacity from events where id = ${q.eventId}::uuid`);
  if (q.ticketTypeIds?.length)
    parts.push(
      sql`select 'ticket_type:' || id as key, capacity from ticket_types where id = any(${uuidArray(q.ticketTypeIds)})`,
    );
  if (q.poolIds?.length)
    parts.push(sql`select 'pool:' || id as key, capacity from capacity_pools where id = any(${uuidArray(q.poolIds)})`);
  if (q.sessionIds?.length)
    parts.push(sql`select 'session:' || id as key, capacity from sessions where id = any(${uuidArray(q.sessionIds)})`);
  if (q.voucherIds?.length)
    parts.push(
      sql`select 'voucher:' || id as key, max_uses as capacity from vouchers where id = any(${uuidArray(q.voucherIds)})`,
    );
  if (!parts.length) return new Map();
  const rows = await db.execute<{ key: string; capacity: number | null }>(sql.join(parts, sql` union all `));
  return new Map([...rows].map((r) => [r.key, r.capacity === null ? null : Number(r.capacity)]));
}

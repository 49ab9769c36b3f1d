// The one seat-taker. Every writer that takes or checks seats (orders, late payments, waiting-list joins and
// offers, workshop changes, manual orders through createOrder, and organizers' capacity edits) goes through here:
// 1. poolsFor: the lock keys of the pools it touches;
// 2. lockSeats (or lockSeatsSql, for the order path that pipelines its statements): the pools' locks, sorted, under
//    a lock timeout (lock-pools.ts: a seat_counters row per pool of seats, advisory locks for per-buyer and
//    per-voucher caps); a timeout answers BUSY;
// 3. checkSeats: the pools' capacities read under the lock, then the seats taken, measured from facts.
// lockSeats also marks the pools' counters unknown: whatever the writer changes under the lock, the next order
// recounts from the facts (reconcileSeats) before it trusts the counter again. Only the order path (reserve.ts)
// keeps the counters up to date, with a guarded increment under the same row locks.
// No module outside lib/capacity takes a pool lock (tests/unit/architecture/boundaries.test.ts keeps it so).
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { isLockTimeout } from '@/db/errors';
import { DomainError } from '../errors';
import { measureTaken, poolKey, readCapacities, remaining, takenSql, type PoolQuery, type Taken } from './availability';
import { isCounterKey, keyArray, poolLocker, type PoolLocker } from './lock-pools';

export { poolLocker, unsafeNoLocker, isCounterKey, type PoolLocker } from './lock-pools';

/** What every writer answers when a pool's lock could not be had in time. */
export const BUSY_MESSAGE = 'Many people are registering right now. Please try again in a moment.';

export function busyError(): DomainError {
  return new DomainError('BUSY', BUSY_MESSAGE);
}

/**
 * How long organizers' edits (capacities, use counts, workshops) wait for a pool that a ticket drop keeps busy
 * before asking to try again. Orders, payments and the waiting list wait ORDER_LOCK_TIMEOUT_MS (configuration).
 */
export const STAFF_LOCK_TIMEOUT_MS = 5_000;

export interface SeatPools {
  eventId: string;
  /** The event's total. Lock it whenever an event pool could matter; checkSeats counts it only when limited. */
  includeEvent?: boolean;
  ticketTypeIds?: string[];
  poolIds?: string[];
  sessionIds?: string[];
  voucherIds?: string[];
  /** An unpaid order's buyer email and client, whose holds are capped (keys `holds:email:…`, `holds:client:…`). */
  holds?: { email: string; clientKey: string | null };
}

/** The lock keys of the pools asked for (any order: the lock sorts them). */
export function poolsFor(p: SeatPools): string[] {
  return [
    ...(p.includeEvent ? [poolKey.event(p.eventId)] : []),
    ...(p.ticketTypeIds ?? []).map(poolKey.ticketType),
    ...(p.poolIds ?? []).map(poolKey.pool),
    ...(p.sessionIds ?? []).map(poolKey.session),
    ...(p.voucherIds ?? []).map(poolKey.voucher),
    ...(p.holds
      ? [`holds:email:${p.holds.email}`, ...(p.holds.clientKey ? [`holds:client:${p.holds.clientKey}`] : [])]
      : []),
  ];
}

export interface LockOptions {
  timeoutMs: number;
  /** Tests swap in unsafeNoLocker to show what the lock prevents. */
  locker?: PoolLocker;
}

/**
 * Takes the locks of `keys` for the rest of the transaction and marks their counters unknown (the caller is about
 * to count from the facts and may change them); BUSY when the locks cannot be had within the timeout.
 */
export async function lockSeats(tx: Tx, keys: string[], options: LockOptions): Promise<void> {
  if (!keys.length) return;
  const locker = options.locker ?? poolLocker;
  try {
    for (const statement of locker.lockStatements(keys, options.timeoutMs)) await tx.execute(statement);
  } catch (error) {
    if (isLockTimeout(error)) throw busyError();
    throw error;
  }
  const unknown = markCountersUnknownSql(keys, locker);
  if (unknown) await tx.execute(unknown);
}

/**
 * The statements that take the locks, for the order path, which pipelines them with its insert in one round
 * trip ([] when the locker takes none). A lock timeout surfaces on one of them: pass the error to seatLockFailure.
 */
export function lockSeatsSql(keys: string[], options: LockOptions): SQL[] {
  return keys.length ? (options.locker ?? poolLocker).lockStatements(keys, options.timeoutMs) : [];
}

/** Under the locks: the statement that marks the pools' counters unknown (null when there are none to mark). */
export function markCountersUnknownSql(keys: string[], locker: PoolLocker = poolLocker): SQL | null {
  const rows = keys.filter(isCounterKey);
  if (!rows.length || !locker.locks) return null;
  return sql`update seat_counters set taken = null where key = any(${keyArray(rows)}) and taken is not null`;
}

/** What an order needs from a pool of seats, with the pool's limit as SQL read in the statement (none: UNLIMITED_SEATS). */
export interface PoolNeed {
  key: string;
  cap: SQL;
  need: number;
}

/** The largest int: how a pool without a limit reads in the statements that check room. */
export const UNLIMITED_SEATS = 2147483647;

/**
 * Recounts from the facts, under their locks and in a transaction of its own, the counters of `needs` that still
 * stop the order (unknown, or short of what it needs; pools without a limit are left alone): what an order does
 * when a counter said full or unknown. Orders that failed together recount once: the first to get the lock
 * recounts, the rest find the counter good. Offers count (never `excludeOfferId`): the counter is shared by every
 * order. Vouchers and per-buyer caps have no counter.
 */
export async function reconcileSeats(
  db: { transaction: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T> },
  now: Date,
  query: PoolQuery,
  needs: PoolNeed[],
  options: LockOptions,
): Promise<void> {
  const pools: PoolQuery = {
    eventId: query.eventId,
    includeEvent: query.includeEvent,
    ticketTypeIds: query.ticketTypeIds,
    poolIds: query.poolIds,
    sessionIds: query.sessionIds,
  };
  const keys = poolsFor(pools).filter(isCounterKey);
  const taken = takenSql(now, pools);
  const counted = needs.filter((n) => isCounterKey(n.key));
  if (!keys.length || !taken || !counted.length) return;
  const values = sql.join(
    counted.map((n) => sql`(${n.key}::text, (${n.cap})::int, ${n.need}::int)`),
    sql`, `,
  );
  await db.transaction(async (tx) => {
    try {
      for (const statement of (options.locker ?? poolLocker).lockStatements(keys, options.timeoutMs))
        await tx.execute(statement);
    } catch (error) {
      if (isLockTimeout(error)) throw busyError();
      throw error;
    }
    await tx.execute(sql`update seat_counters c set taken = coalesce(
        (select sum(t.n)::int from (${taken}) t where t.key = c.key), 0)
      where c.key = any(${keyArray(keys)}) and exists (select 1 from (values ${values}) as l(key, cap, need)
        where l.key = c.key and l.cap < ${UNLIMITED_SEATS} and (c.taken is null or c.taken + l.need > l.cap))`);
  });
}

/** BUSY for a lock timeout from a pipelined lockSeatsSql, otherwise null (the caller rethrows). */
export function seatLockFailure(error: unknown): DomainError | null {
  return isLockTimeout(error) ? busyError() : null;
}

export interface SeatCheck {
  /** The current limit of every pool asked for (null: unlimited); a pool whose row has gone is missing. */
  capacities: Map<string, number | null>;
  taken: Taken;
  /** Places left in a pool: null when unlimited, undefined when its row has gone. */
  left(key: string): number | null | undefined;
}

/**
 * Under the locks of lockSeats: reads the pools' capacities (a capacity lowered by an organizer holding the same
 * lock is seen), then measures the seats taken at `now`. The event total and vouchers are measured only when
 * limited. `excludeOfferId`: the offer being redeemed does not count against itself.
 */
export async function checkSeats(
  tx: Tx,
  now: Date,
  pools: SeatPools & { excludeOfferId?: string },
): Promise<SeatCheck> {
  const { eventId, ticketTypeIds, poolIds, sessionIds, voucherIds } = pools;
  const capacities = await readCapacities(tx, {
    eventId: pools.includeEvent ? eventId : undefined,
    ticketTypeIds,
    poolIds,
    sessionIds,
    voucherIds,
  });
  const limited = (key: string) => (capacities.get(key) ?? null) !== null;
  const taken = await measureTaken(tx, now, {
    eventId,
    ticketTypeIds,
    poolIds,
    sessionIds,
    includeEvent: Boolean(pools.includeEvent) && limited(poolKey.event(eventId)),
    voucherIds: voucherIds?.filter((id) => limited(poolKey.voucher(id))),
    excludeOfferId: pools.excludeOfferId,
  });
  return {
    capacities,
    taken,
    left: (key) => (capacities.has(key) ? remaining(capacities.get(key) ?? null, taken.get(key) ?? 0) : undefined),
  };
}

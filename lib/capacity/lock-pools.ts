// Serialises every writer of a capacity pool. Two kinds of key:
// - pools of seats (`event:…`, `ticket_type:…`, `pool:…`, `session:…`): the row of seat_counters, created when
//   first needed and locked with SELECT … FOR UPDATE in key order;
// - every other key (per-buyer and per-voucher caps `holds:…`, `voucher:…`, a waiting-list address
//   `waitlist:email:…`): transaction-scoped advisory locks in key order.
// Advisory locks are always taken before row locks, each kind sorted, all under one lock timeout (a storm answers
// "busy, try again" instead of queueing forever), so two writers touching the same pools can never deadlock.
// Internal to lib/capacity: writers go through seats.ts, which also turns a lock timeout into BUSY.
import { sql, type SQL } from 'drizzle-orm';

export interface PoolLocker {
  /** The statements that take the locks of `keys` for the rest of the transaction, in order ([]: takes none). */
  lockStatements(keys: string[], timeoutMs: number): SQL[];
  /** False only for the test locker that takes no lock: orders then check room by counting, unguarded. */
  readonly locks: boolean;
}

const COUNTER_KINDS = ['event:', 'ticket_type:', 'pool:', 'session:'];

/** Keys whose lock is the seat_counters row (pools of seats); the rest are advisory (caps per buyer, vouchers). */
export function isCounterKey(key: string): boolean {
  return COUNTER_KINDS.some((kind) => key.startsWith(kind));
}

/** A text[] parameter of sorted, distinct keys (quotes and backslashes cannot occur in keys; dropped if they did). */
export function keyArray(keys: string[]): SQL {
  const sorted = [...new Set(keys)].sort();
  return sql`${`{${sorted.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;
}

function lockStatements(keys: string[], timeoutMs: number): SQL[] {
  if (!keys.length) return [];
  const advisory = keys.filter((k) => !isCounterKey(k));
  const rows = keys.filter(isCounterKey);
  const statements: SQL[] = [
    sql`select set_config('lock_timeout', ${`${Math.max(1, Math.round(timeoutMs))}ms`}, true)`,
  ];
  if (advisory.length) {
    // The sorted keys feed the lock calls in order, so the fixed order holds.
    statements.push(sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
      from (select k from unnest(${keyArray(advisory)}) as k order by k) keys`);
  }
  if (rows.length) {
    // A pool's row is made the first time it is needed (taken unknown until counted). Locked in key order: the
    // lock is applied to each row as the sorted subquery returns it.
    statements.push(sql`insert into seat_counters (key) select k from unnest(${keyArray(rows)}) as k order by k
      on conflict (key) do nothing`);
    statements.push(sql`select count(*) from (select key from seat_counters where key = any(${keyArray(rows)})
      order by key for update) locked`);
  }
  return statements;
}

export const poolLocker: PoolLocker = { lockStatements, locks: true };

/**
 * Takes no lock at all. Exists only so a test can show that the oversell test fails without the lock;
 * nothing outside tests may use it.
 */
export const unsafeNoLocker: PoolLocker = { lockStatements: () => [], locks: false };

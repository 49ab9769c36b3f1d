// Serialises every writer of a capacity pool: transaction-scoped advisory locks taken in sorted key order
// (so two orders touching the same pools can never deadlock) under a lock timeout (so a storm answers
// "busy, try again" instead of queueing forever). Internal to lib/capacity: writers go through seats.ts, which
// also turns a lock timeout into BUSY.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';

export interface PoolLocker {
  /** The statement that takes the locks, for a caller that pipelines it; null takes none. */
  lockSql(keys: string[], timeoutMs: number): SQL | null;
  lock(tx: Tx, keys: string[], timeoutMs: number): Promise<void>;
}

/**
 * One statement: the lock timeout is set first (the subquery in FROM is evaluated before the sort), then the
 * sorted keys feed the lock calls in order, so the fixed order holds.
 */
function advisoryLockSql(keys: string[], timeoutMs: number): SQL {
  const sorted = [...new Set(keys)].sort();
  return sql`select count(pg_advisory_xact_lock(hashtextextended(k, 0)))
    from (select k from (select set_config('lock_timeout', ${`${Math.max(1, Math.round(timeoutMs))}ms`}, true)) settings,
      unnest(${`{${sorted.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) as k order by k) keys`;
}

export const advisoryPoolLocker: PoolLocker = {
  lockSql: advisoryLockSql,
  async lock(tx, keys, timeoutMs) {
    await tx.execute(advisoryLockSql(keys, timeoutMs));
  },
};

/**
 * Takes no lock at all. Exists only so a test can show that the oversell test fails without the lock;
 * nothing outside tests may use it.
 */
export const unsafeNoLocker: PoolLocker = { lockSql: () => null, lock: async () => {} };

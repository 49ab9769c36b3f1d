// Serialises every writer of a capacity pool: transaction-scoped advisory locks taken in sorted key order
// (so two orders touching the same pools can never deadlock) under a lock timeout (so a storm answers
// "busy, try again" instead of queueing forever).
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { DomainError } from '../errors';

export interface PoolLocker {
  lock(tx: Tx, keys: string[], timeoutMs: number): Promise<void>;
}

export const advisoryPoolLocker: PoolLocker = {
  async lock(tx, keys, timeoutMs) {
    const sorted = [...new Set(keys)].sort();
    await tx.execute(sql`select set_config('lock_timeout', ${`${Math.max(1, Math.round(timeoutMs))}ms`}, true)`);
    try {
      for (const key of sorted) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
      }
    } catch (error) {
      if (isLockTimeout(error)) {
        throw new DomainError('BUSY', 'Many people are registering right now. Please try again in a moment.');
      }
      throw error;
    }
  },
};

/**
 * Takes no lock at all. Exists only so a test can show that the oversell test fails without the lock;
 * nothing outside tests may use it.
 */
export const unsafeNoLocker: PoolLocker = { lock: async () => {} };

export function isLockTimeout(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '55P03' || e?.cause?.code === '55P03';
}

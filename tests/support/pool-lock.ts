// Holds capacity-pool locks in a transaction of its own while another operation runs into them, the way an
// organizer's edit or another buyer's order does: the change made under the locks commits only once that
// operation is waiting for them. Shows whether an operation reads capacities before or after taking the locks.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { lockSeats } from '@/lib/capacity/seats';

/**
 * Waits until `n` sessions of this database wait for a lock (a pool's seat_counters row or an advisory lock), or
 * `done` says the operation ended.
 */
export async function waitForLockWaiters(
  db: Db,
  n: number,
  done: () => boolean = () => false,
  timeoutMs = 10_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [row] = await db.execute<{
      n: number;
    }>(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`);
    if (Number(row?.n) >= n || done()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`Fewer than ${n} sessions waited for the pool locks within ${timeoutMs} ms`);
}

/**
 * Takes the locks of `keys`, applies `change` under them, starts `operations` (each expected to wait for one of
 * these locks), and commits once all of them wait. Returns the operations' settled results.
 */
export async function whileHoldingPools<T>(
  db: Db,
  keys: string[],
  change: (tx: Tx) => Promise<void>,
  operations: (() => Promise<T>)[],
): Promise<PromiseSettledResult<T>[]> {
  let running: Promise<PromiseSettledResult<T>[]> | undefined;
  await db.transaction(async (tx) => {
    await lockSeats(tx, keys, { timeoutMs: 10_000 });
    await change(tx);
    let settled = false;
    running = Promise.allSettled(operations.map((op) => op()));
    void running.then(() => {
      settled = true;
    });
    await waitForLockWaiters(db, operations.length, () => settled);
  });
  return running!;
}

// Frees the jobs of a worker that died (kill -9, a lost machine) within a minute, where graphile-worker alone
// waits four hours. graphile-worker 0.17 records which runner's pool locked a job (`locked_by`) and offers
// `force_unlock_workers(ids)` for pools known to be dead, but cannot tell which are. So every live runner holds a
// session advisory lock keyed by its pool id, on a connection of its own: when its process dies, that connection
// closes and Postgres drops the lock. Every worker process sweeps now and then: the pools that hold jobs locked
// longer than a grace period (a new runner may lock its first job a moment before its own lock is taken) and whose
// lock nobody holds, seen so on two sweeps in a row (a live process that lost its connection takes its lock again
// within a second), are dead, and their jobs are unlocked for anyone to run again. Running a job twice is safe
// here: a batch is sent under the same idempotency key every time, and its outcome is written only once.
import postgres from 'postgres';
import { startupParameters } from '@/db/client';

export interface RecoveryOptions {
  /** How often this process looks for dead pools (default 10 s). */
  sweepMs?: number;
  /** Jobs locked more recently than this are never considered (default 10 s). */
  graceMs?: number;
  /** How often the locks of this process's own pools are checked and, after a reconnect, taken again (1 s). */
  keepMs?: number;
  onRecovered?: (pools: number, jobs: number) => void;
}

export interface WorkerRecovery {
  /** Holds the liveness lock of a runner's pool from now on. */
  watch(poolId: string): Promise<void>;
  /** Lets go of it (the runner has ended: its jobs are finished or released). */
  unwatch(poolId: string): Promise<void>;
  /** Checks once (tests). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

/** The first key of the two-key advisory locks that mark live pools (nothing else here uses two-key locks). */
export const LIVENESS_LOCK_SPACE = 0x454d4c31;

export function startWorkerRecovery(connectionString: string, options: RecoveryOptions = {}): WorkerRecovery {
  const sweepMs = options.sweepMs ?? 10_000;
  const graceMs = options.graceMs ?? 10_000;
  // One connection: the locks are held by its session. It must never be closed for idleness or age.
  const sql = postgres(connectionString, {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    connect_timeout: 5,
    onnotice: () => {},
    backoff: () => 0.5,
    connection: startupParameters('conference-email-liveness'),
  });
  const own = new Set<string>();
  let suspects = new Set<string>();
  let stopped = false;

  async function keep(): Promise<void> {
    if (own.size === 0) return;
    await sql`select pg_try_advisory_lock(${LIVENESS_LOCK_SPACE}::int, hashtext(t.id))
      from unnest(${[...own]}::text[]) as t(id)
      where not exists (select 1 from pg_locks l where l.pid = pg_backend_pid() and l.locktype = 'advisory'
        and l.classid = ${LIVENESS_LOCK_SPACE}::int::oid and l.objid = hashtext(t.id)::oid and l.objsubid = 2)`;
  }

  async function sweep(): Promise<void> {
    const rows = await sql<{ id: string }[]>`select distinct j.locked_by as id from graphile_worker.jobs j
      where j.locked_by is not null and j.locked_at < now() - make_interval(secs => ${graceMs / 1000})
        and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
          and l.classid = ${LIVENESS_LOCK_SPACE}::int::oid and l.objid = hashtext(j.locked_by)::oid and l.objsubid = 2)`;
    const seen = new Set(rows.map((r) => r.id).filter((id) => !own.has(id)));
    const dead = [...seen].filter((id) => suspects.has(id));
    suspects = seen;
    if (dead.length === 0) return;
    const [locked] = await sql<
      { n: number }[]
    >`select count(*)::int as n from graphile_worker.jobs where locked_by = any(${dead}::text[])`;
    await sql`select graphile_worker.force_unlock_workers(${dead}::text[])`;
    for (const id of dead) suspects.delete(id);
    options.onRecovered?.(dead.length, locked?.n ?? 0);
  }

  const quiet = (work: () => Promise<void>) => () => {
    if (!stopped) void work().catch(() => undefined);
  };
  const keeper = setInterval(quiet(keep), options.keepMs ?? 1_000);
  const sweeper = setInterval(quiet(sweep), sweepMs);
  keeper.unref();
  sweeper.unref();

  return {
    async watch(poolId) {
      own.add(poolId);
      await keep();
    },
    async unwatch(poolId) {
      if (!own.delete(poolId)) return;
      await sql`select pg_advisory_unlock(${LIVENESS_LOCK_SPACE}::int, hashtext(${poolId}))`.catch(() => undefined);
    },
    sweep,
    async stop() {
      stopped = true;
      clearInterval(keeper);
      clearInterval(sweeper);
      // Closing the session drops the locks: by then the runner has finished or released its jobs.
      await sql.end({ timeout: 2 });
    },
  };
}

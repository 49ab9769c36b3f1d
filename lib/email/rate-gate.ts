// Keeps every worker of every instance together under the provider's request rate. A request is made only while
// holding one Postgres advisory lock (session level, on a connection of its own), and the lock is kept until
// 1/rate seconds plus a margin after the request has ended (answered, failed or timed out), or for the provider's
// retry-after. Counting from the end, not from taking the slot: a request can leave late (the event loop busy
// composing other emails, the SDK serialising a large batch), and then two requests reached the provider 20 ms
// apart and the third was refused; but the provider has always received a request before it answers, so the
// next one, sent a spacing after that answer, arrives a spacing after it at least. So requests reach the provider
// one at a time, never closer than the spacing, and no one-second window ever holds more than `rate` of them.
// Real time on purpose: this is about the provider's clock, not business time. A crashed holder's connection
// closes and Postgres frees the lock.
import type postgres from 'postgres';

export interface RateGate {
  /**
   * Runs `request` as the only provider request in flight and answers as soon as it is done; the slot stays taken
   * until the spacing has passed since it ended, or `holdAfter(outcome)` ms if that is longer (a 429's
   * retry-after).
   */
  run<T>(request: () => Promise<T>, holdAfter?: (outcome: { value?: T; error?: unknown }) => number): Promise<T>;
  /** Resolves once no slot is held any more, or after `maxWaitMs`: before closing the connections. */
  idle(maxWaitMs: number): Promise<void>;
}

/** Most a retry-after may hold every sender back; the refused batch itself waits the full time. */
const MAX_HOLD_MS = 60_000;
const LOCK_KEY = 'email-provider-requests';

/** The gap between two requests: 1/rate, plus a margin for the jitter between our clock and the provider's. */
export function requestSpacingMs(ratePerSecond: number): number {
  const base = 1000 / ratePerSecond;
  return Math.ceil(base + Math.max(base * 0.1, 20));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPostgresRateGate(sql: postgres.Sql, options: { ratePerSecond: number; key?: string }): RateGate {
  const spacing = requestSpacingMs(options.ratePerSecond);
  const key = options.key ?? LOCK_KEY;
  const holding = new Set<Promise<void>>();
  return {
    async idle(maxWaitMs) {
      await Promise.race([Promise.all([...holding]), sleep(maxWaitMs)]);
    },
    async run(request, holdAfter) {
      const connection = await sql.reserve();
      let released = false;
      const release = () => {
        if (!released) connection.release();
        released = true;
      };
      try {
        // Waiters queue in Postgres in arrival order; a statement timeout only makes this waiter ask again.
        for (;;) {
          try {
            await connection`select pg_advisory_lock(hashtextextended(${key}, 0))`;
            break;
          } catch (error) {
            const code = (error as { code?: string }).code;
            if (code !== '57014' && code !== '55P03') throw error;
          }
        }
      } catch (error) {
        release();
        throw error;
      }
      const outcome: { value?: Awaited<ReturnType<typeof request>>; error?: unknown } = {};
      try {
        outcome.value = await request();
      } catch (error) {
        outcome.error = error;
      }
      const hold = Math.max(spacing, Math.min(MAX_HOLD_MS, holdAfter?.(outcome) ?? 0));
      // The slot is kept in the background: the caller records the outcome meanwhile. A failed unlock means a
      // broken connection, which frees the lock anyway.
      const held: Promise<void> = sleep(Math.max(0, hold))
        .then(() => connection`select pg_advisory_unlock(hashtextextended(${key}, 0))`)
        .then(() => undefined, () => undefined)
        .finally(() => {
          release();
          holding.delete(held);
        });
      holding.add(held);
      if ('error' in outcome) throw outcome.error;
      return outcome.value as Awaited<ReturnType<typeof request>>;
    },
  };
}

/** No limit: for the local mailbox. */
export const openGate: RateGate = { run: (request) => request(), idle: async () => {} };

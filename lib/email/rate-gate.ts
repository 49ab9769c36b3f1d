// Keeps every worker of every instance together under the provider's request rate. A request is made only while
// holding one Postgres advisory lock, taken in a transaction of its own (so the lock goes with the transaction:
// nothing is ever written on a connection that died meanwhile, which postgres.js 3.4.9 cannot survive), and the
// lock is kept until 1/rate seconds plus a margin after the request has ended (answered, failed or timed out), or
// for the provider's retry-after. Counting from the end, not from taking the slot: a request can leave late (the
// event loop busy composing other emails, the SDK serialising a large batch), and then two requests reached the
// provider 20 ms apart and the third was refused; but the provider has always received a request before it
// answers, so the next one, sent a spacing after that answer, arrives a spacing after it at least. So requests
// reach the provider one at a time, never closer than the spacing, and no one-second window ever holds more than
// `rate` of them. Real time on purpose: this is about the provider's clock, not business time. A crashed holder's
// connection closes and Postgres frees the lock.
import type postgres from 'postgres';
import { isLockTimeout, isQueryCanceled } from '@/db/errors';

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

type Outcome<T> = { value: T } | { error: unknown };

async function settle<T>(request: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await request() };
  } catch (error) {
    return { error };
  }
}

export function createPostgresRateGate(sql: postgres.Sql, options: { ratePerSecond: number; key?: string }): RateGate {
  const spacing = requestSpacingMs(options.ratePerSecond);
  const key = options.key ?? LOCK_KEY;
  const holding = new Set<Promise<void>>();
  return {
    async idle(maxWaitMs) {
      await Promise.race([Promise.all([...holding]), sleep(maxWaitMs)]);
    },
    run<T>(request: () => Promise<T>, holdAfter?: (outcome: { value?: T; error?: unknown }) => number): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let sent: Promise<Outcome<T>> | null = null;
        const answer = (outcome: Outcome<T>) => ('error' in outcome ? reject(outcome.error) : resolve(outcome.value));
        const held = (async () => {
          for (;;) {
            try {
              await sql.begin(async (tx) => {
                // No server-side timeout may cut the wait in line or the hold short. Waiters queue in Postgres in
                // arrival order.
                await tx`select set_config('statement_timeout', '0', true), set_config('idle_in_transaction_session_timeout', '0', true)`;
                await tx`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
                sent = settle(request);
                const outcome = await sent;
                answer(outcome);
                // The slot stays taken in the background while the caller records the outcome.
                await sleep(Math.max(spacing, Math.min(MAX_HOLD_MS, holdAfter?.(outcome) ?? 0)));
              });
              return;
            } catch (error) {
              // Once made, the request's outcome stands, whatever became of the connection; before it, a timeout
              // only sends this sender back in line, anything else (the database away) is the caller's to retry.
              if (sent) return answer(await sent);
              if (!isQueryCanceled(error) && !isLockTimeout(error)) return reject(error);
            }
          }
        })().finally(() => holding.delete(held));
        holding.add(held);
      });
    },
  };
}

/** No limit: for the local mailbox. */
export const openGate: RateGate = { run: (request) => request(), idle: async () => {} };

// The email worker: graphile-worker running send_email and send_email_batch, inside the app process by default
// or alone as `npm run worker`. Any number of them may run against one database: jobs are locked by
// graphile-worker, batches are formed with SKIP LOCKED, and the rate gate (its own small connection pool, since
// waiting senders hold a connection) keeps all of them together under the provider's limit. The jobs of a worker
// that died are freed by the others within a minute (worker-recovery.ts). stop() lets running jobs finish, and
// past its deadline releases them (graphile-worker's forceful shutdown) so another worker runs them at once.
// Errors reach the logs as class and code only.
import { EventEmitter } from 'node:events';
import { Logger, run, type TaskList, type WorkerEvents, type WorkerPool } from 'graphile-worker';
import postgres from 'postgres';
import { startupParameters } from '@/db/client';
import {
  batchPayloadSchema,
  SEND_EMAIL_BATCH_TASK,
  SEND_EMAIL_TASK,
  sendEmailPayloadSchema,
  type BatchPayload,
} from './jobs';
import { describeError } from './prepare';
import { createPostgresRateGate, openGate, type RateGate } from './rate-gate';
import { runSendBatchJob, runSendEmailJob, type BatchOutcome, type ComposeFn, type SendCtx } from './send';
import { startWorkerRecovery, type RecoveryOptions } from './worker-recovery';

export interface EmailWorkerOptions {
  connectionString: string;
  ctx: SendCtx;
  compose: ComposeFn;
  concurrency?: number;
  /** How often jobs scheduled for later (retries) are looked for; new jobs start at once (LISTEN/NOTIFY). */
  pollIntervalMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Told about every batch that was worked on (tests and benchmarks). */
  onBatch?: (payload: BatchPayload, outcome: BatchOutcome) => void;
  /** How dead workers' jobs are found (shorter in tests). */
  recovery?: RecoveryOptions;
}

export interface EmailWorker {
  /**
   * Takes no new jobs and lets the running ones finish; those still running shortly before `deadline` (epoch ms)
   * are released instead: failed with a note and unlocked, so any worker retries them (same batch, same key).
   */
  stop: (options?: { deadline?: number }) => Promise<void>;
  /** Settles when the runner has ended, whether stopped or given up on its own (e.g. after a long outage). */
  done: Promise<void>;
}

/** Time kept before the deadline for releasing the jobs still running. */
const RELEASE_MARGIN_MS = 1_500;

const logger = new Logger(() => (level, message) => {
  if (level === 'error' || level === 'warning') console.error(`[email worker] ${message}`);
});

/** Rethrows as class and code only, so neither the job table's last_error nor the log quotes personal data. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(describeError(error));
  }
}

export async function startEmailWorker(options: EmailWorkerOptions): Promise<EmailWorker> {
  const { ctx } = options;
  const concurrency = options.concurrency ?? ctx.config.WORKER_CONCURRENCY;
  const gateSql =
    ctx.mailer.name === 'local'
      ? null
      : postgres(options.connectionString, {
          max: concurrency + 1,
          onnotice: () => {},
          connect_timeout: 5,
          idle_timeout: 30,
          connection: startupParameters('conference-email-gate'),
        });
  const gate: RateGate = gateSql
    ? createPostgresRateGate(gateSql, { ratePerSecond: ctx.config.EMAIL_RATE_LIMIT_PER_SECOND })
    : openGate;
  const deps = { compose: options.compose, gate, retryBaseMs: options.retryBaseMs, retryMaxMs: options.retryMaxMs };

  const taskList: TaskList = {
    [SEND_EMAIL_TASK]: async (raw) => {
      const payload = sendEmailPayloadSchema.safeParse(raw);
      if (!payload.success) return logger.error(`send_email job with a malformed payload dropped`);
      await guarded(() => runSendEmailJob(ctx, deps, payload.data));
    },
    [SEND_EMAIL_BATCH_TASK]: async (raw) => {
      const payload = batchPayloadSchema.safeParse(raw);
      if (!payload.success) return logger.error(`send_email_batch job with a malformed payload dropped`);
      const outcome = await guarded(() => runSendBatchJob(ctx, deps, payload.data));
      options.onBatch?.(payload.data, outcome);
    },
  };

  const recovery = startWorkerRecovery(options.connectionString, {
    ...options.recovery,
    onRecovered: (pools, jobs) => {
      console.error(`[email worker] released ${jobs} jobs of ${pools} workers that stopped without finishing them`);
      options.recovery?.onRecovered?.(pools, jobs);
    },
  });
  const events: WorkerEvents = new EventEmitter();
  const pools: WorkerPool[] = [];
  events.on('pool:create', ({ workerPool }) => {
    pools.push(workerPool);
    void recovery.watch(workerPool.id).catch(() => undefined);
  });
  try {
    const runner = await run({
      connectionString: options.connectionString,
      concurrency,
      noHandleSignals: true,
      pollInterval: options.pollIntervalMs ?? 1000,
      taskList,
      parsedCronItems: [],
      logger,
      events,
      // Completions and failures go through graphile-worker's batchers (at once: no delay), because only those are
      // flushed when the runner stops; otherwise a job finished just before exit could stay locked.
      preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
    });
    // An ended runner has finished or released its jobs, or cannot any more: either way its lock must go, so that
    // anything it still holds is recovered.
    const done = runner.promise
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => Promise.all(pools.map((p) => recovery.unwatch(p.id))))
      .then(() => undefined);
    let stopping: Promise<void> | null = null;
    return {
      done,
      stop: ({ deadline } = {}) =>
        (stopping ??= (async () => {
          const graceful = runner.stop().catch(() => undefined);
          const releaseAt = deadline === undefined ? null : deadline - RELEASE_MARGIN_MS;
          const finished =
            releaseAt === null
              ? await graceful.then(() => true)
              : await Promise.race([graceful.then(() => true), sleep(releaseAt - Date.now()).then(() => false)]);
          if (!finished) {
            await Promise.all(
              pools.map((p) =>
                Promise.resolve(p.forcefulShutdown('released: the worker is shutting down')).catch(() => undefined),
              ),
            );
          }
          // A slot still held is kept to its end (at most a couple of seconds here) so that no other instance sends
          // early; closing the connection would free the lock at once.
          await gate.idle(Math.min(2000, deadline === undefined ? 2000 : Math.max(0, deadline - Date.now())));
          await gateSql?.end({ timeout: 1 });
          // Only now: while the runner's lock is held, its jobs count as in good hands.
          await recovery.stop();
        })()),
    };
  } catch (error) {
    await recovery.stop();
    await gateSql?.end({ timeout: 1 });
    throw error;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

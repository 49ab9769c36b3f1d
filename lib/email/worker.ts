// The email worker: graphile-worker running send_email and send_email_batch, inside the app process by default
// or alone as `npm run worker`. Any number of them may run against one database: jobs are locked by
// graphile-worker, batches are formed with SKIP LOCKED, and the rate gate (its own small connection pool, since
// waiting senders hold a connection) keeps all of them together under the provider's limit. stop() lets running
// jobs finish. Errors reach the logs as class and code only.
import { Logger, run, type TaskList } from 'graphile-worker';
import postgres from 'postgres';
import { batchPayloadSchema, SEND_EMAIL_BATCH_TASK, SEND_EMAIL_TASK, sendEmailPayloadSchema, type BatchPayload } from './jobs';
import { describeError } from './prepare';
import { createPostgresRateGate, openGate, type RateGate } from './rate-gate';
import { runSendBatchJob, runSendEmailJob, type BatchOutcome, type ComposeFn, type SendCtx } from './send';

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
}

export interface EmailWorker {
  stop: () => Promise<void>;
}

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
  const gateSql = ctx.mailer.name === 'local' ? null : postgres(options.connectionString, {
    max: concurrency + 1, onnotice: () => {}, connect_timeout: 5, idle_timeout: 30, connection: { application_name: 'conference-email-gate' },
  });
  const gate: RateGate = gateSql ? createPostgresRateGate(gateSql, { ratePerSecond: ctx.config.EMAIL_RATE_LIMIT_PER_SECOND }) : openGate;
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

  try {
    const runner = await run({
      connectionString: options.connectionString,
      concurrency,
      noHandleSignals: true,
      pollInterval: options.pollIntervalMs ?? 1000,
      taskList,
      parsedCronItems: [],
      logger,
    });
    let stopping: Promise<void> | null = null;
    return {
      stop: () => (stopping ??= (async () => {
        await runner.stop();
        // A slot still held is kept to its end (at most a couple of seconds here) so that no other instance sends
        // early; closing the connection would free the lock at once.
        await gate.idle(2000);
        await gateSql?.end({ timeout: 1 });
      })()),
    };
  } catch (error) {
    await gateSql?.end({ timeout: 1 });
    throw error;
  }
}

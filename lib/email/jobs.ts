// The graphile-worker jobs of the outbox, written with its SQL API so they join the caller's transaction.
// send_email (one per message, job key email:<id>, added by enqueue.ts) gathers due messages into a batch;
// send_email_batch (job key send:<idempotency key>) sends one batch and is the batch's durable record: a retry
// re-sends exactly the same messages under the same idempotency key, whichever instance picks it up.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { SEND_EMAIL_TASK } from '../outbox/enqueue';

export { SEND_EMAIL_TASK };
export const SEND_EMAIL_BATCH_TASK = 'send_email_batch';

export const sendEmailPayloadSchema = z.object({ messageId: z.string().uuid() });

export const batchPayloadSchema = z.object({
  ids: z.array(z.string().uuid()).min(1).max(100),
  /** The provider idempotency key: email:<id> for one message, email-batch:<hash of the sorted ids> for several. */
  key: z.string().min(1).max(256),
  /** The members are held for this batch (their send_after) until then; afterwards they return to the queue. */
  pinnedUntil: z.string().datetime(),
  /** Attempts made so far. */
  attempt: z.number().int().min(0),
});

export type SendEmailPayload = z.infer<typeof sendEmailPayloadSchema>;
export type BatchPayload = z.infer<typeof batchPayloadSchema>;

const asJsonList = (ids: string[]) => sql`jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)`;

/**
 * Adds (or moves) the batch's job. Called from inside the running job it replaces a new job, since graphile-worker
 * never reuses a locked job's key; the running one then completes and is deleted.
 */
export async function scheduleBatchJob(db: DbOrTx, payload: BatchPayload, runAt: Date): Promise<void> {
  await db.execute(sql`select graphile_worker.add_job(${SEND_EMAIL_BATCH_TASK}, ${JSON.stringify(payload)}::json,
    run_at := ${runAt.toISOString()}::timestamptz, job_key := ${`send:${payload.key}`}, max_attempts := 25, priority := -1)`);
}

/** Drops a batch's job (one still running just loses its key and is not retried). */
export async function removeBatchJob(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`select graphile_worker.remove_job(${`send:${key}`})`);
}

/** A message's own job, at `runAt` (the same shape enqueue.ts writes). */
export async function scheduleMessageJobs(db: DbOrTx, ids: string[], runAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('messageId', t.id),
      run_at := ${runAt.toISOString()}::timestamptz, job_key := 'email:' || t.id, max_attempts := 25)
    from ${asJsonList(ids)} as t(id)`);
}

/** Drops the messages' own jobs: a batch owns them now. A running one just loses its key and is not retried. */
export async function removeMessageJobs(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`select graphile_worker.remove_job('email:' || t.id) from ${asJsonList(ids)} as t(id)`);
}

export { asJsonList };

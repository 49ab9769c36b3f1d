// Writing what happened to a batch's messages. Only rows still queued change, so a second worker finishing the
// same batch (a redelivered job, a replayed answer) changes nothing. Final states drop the messages' own jobs.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailMessages } from '@/db/schema';
import { removeBatchJob, removeMessageJobs } from './jobs';

export interface SentRow {
  id: string;
  providerMessageId: string | null;
  subject: string;
}

/** `batchKey`: the batch whose job is done with (its fallback job, when the email was sent by another). */
export async function markSent(
  db: DbOrTx,
  rows: SentRow[],
  now: Date,
  note: string | null = null,
  batchKey?: string,
): Promise<void> {
  if (rows.length === 0) return;
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    await tx.execute(sql`update email_messages m set status = 'sent', provider_message_id = v.pid, subject = v.subject,
        sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz, send_after = null, attempts = m.attempts + 1, last_error = ${note}
      from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, pid: r.providerMessageId, subject: r.subject })))}::jsonb)
        as v(id uuid, pid text, subject text)
      where m.id = v.id and m.status = 'queued'`);
    await removeMessageJobs(
      tx,
      rows.map((r) => r.id),
    );
    if (batchKey) await removeBatchJob(tx, batchKey);
  });
}

/** failed (with the reason), skipped (nothing to send any more) or suppressed (the address bounced or complained). */
export async function markFinal(
  db: DbOrTx,
  ids: string[],
  status: 'failed' | 'skipped' | 'suppressed',
  now: Date,
  reason: string | null = null,
  batchKey?: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .update(emailMessages)
      .set({
        status,
        lastError: reason,
        updatedAt: now,
        sendAfter: null,
        ...(status === 'failed' ? { attempts: sql`${emailMessages.attempts} + 1` } : {}),
      })
      .where(and(inArray(emailMessages.id, ids), eq(emailMessages.status, 'queued')));
    await removeMessageJobs(tx, ids);
    if (batchKey) await removeBatchJob(tx, batchKey);
  });
}

/** One more failed attempt; the messages stay pinned to their batch, whose job has been moved to the retry time. */
export async function markAttemptFailed(db: DbOrTx, ids: string[], now: Date, reason: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(emailMessages)
    .set({ attempts: sql`${emailMessages.attempts} + 1`, lastError: reason, updatedAt: now })
    .where(and(inArray(emailMessages.id, ids), eq(emailMessages.status, 'queued')));
}

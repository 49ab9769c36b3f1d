// Forming batches: due queued messages are taken with SKIP LOCKED (so concurrent workers take disjoint sets),
// pinned to the new batch by a send_after in the future (so no one else takes them), and the batch's job is
// written in the same transaction: a crash after the commit leaves a job that sends exactly these messages.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { emailMessages, type EmailMessage } from '@/db/schema';
import { removeMessageJobs, scheduleBatchJob, scheduleMessageJobs, type BatchPayload } from './jobs';

/**
 * How long a batch holds its messages: within the provider's 24-hour idempotency window, so every retry of an
 * answer we never saw is still recognised. After it the messages go back to the queue.
 */
export const DEFAULT_PIN_MS = 23 * 3_600_000;

/** email:<id> for one message; for several, a key derived from their sorted ids (at most 256 characters). */
export function batchKey(ids: string[]): string {
  if (ids.length === 1) return `email:${ids[0]}`;
  return `email-batch:${createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')}`;
}

export interface FormBatchInput {
  ownId: string | null;
  now: Date;
  size: number;
  pinMs?: number;
}

/** Takes up to `size` due messages (own first) into a new batch with its job; null when none is due. */
export async function formBatch(db: DbOrTx, input: FormBatchInput): Promise<BatchPayload | null> {
  const pinnedUntil = new Date(input.now.getTime() + (input.pinMs ?? DEFAULT_PIN_MS));
  const now = input.now.toISOString();
  return db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`with picked as (
        select id from email_messages
        where status = 'queued' and (send_after is null or send_after <= ${now}::timestamptz)
        order by (id = ${input.ownId}::uuid) is true desc, created_at, id
        limit ${input.size}
        for update skip locked
      )
      update email_messages m set send_after = ${pinnedUntil.toISOString()}::timestamptz, updated_at = ${now}::timestamptz
      from picked where m.id = picked.id
      returning m.id`);
    const ids = rows.map((r) => r.id).sort();
    if (ids.length === 0) return null;
    const payload: BatchPayload = { ids, key: batchKey(ids), pinnedUntil: pinnedUntil.toISOString(), attempt: 0 };
    await scheduleBatchJob(tx, payload, input.now);
    await removeMessageJobs(
      tx,
      ids.filter((id) => id !== input.ownId),
    );
    return payload;
  });
}

/** The batch's messages still waiting for it (queued, pinned to exactly this batch). */
export async function loadPinned(db: DbOrTx, payload: BatchPayload): Promise<EmailMessage[]> {
  return db
    .select()
    .from(emailMessages)
    .where(
      and(
        inArray(emailMessages.id, payload.ids),
        eq(emailMessages.status, 'queued'),
        eq(emailMessages.sendAfter, new Date(payload.pinnedUntil)),
      ),
    );
}

/** Past the pin: the messages return to the queue, each with its own job again. */
export async function releaseBatch(db: DbOrTx, payload: BatchPayload, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const released = await tx
      .update(emailMessages)
      .set({ sendAfter: now, updatedAt: now })
      .where(
        and(
          inArray(emailMessages.id, payload.ids),
          eq(emailMessages.status, 'queued'),
          eq(emailMessages.sendAfter, new Date(payload.pinnedUntil)),
        ),
      )
      .returning({ id: emailMessages.id });
    await scheduleMessageJobs(
      tx,
      released.map((r) => r.id),
      now,
    );
  });
}

/**
 * Moves one message of a batch into a batch of its own (it has attachments, which batch requests cannot carry),
 * pinned a millisecond later so the old batch no longer sees it, with its own job at `runAt`. Null when the
 * message is no longer this batch's.
 */
export async function splitOff(
  db: DbOrTx,
  payload: BatchPayload,
  id: string,
  now: Date,
  runAt: Date,
): Promise<BatchPayload | null> {
  const pinnedUntil = new Date(new Date(payload.pinnedUntil).getTime() + 1);
  const single: BatchPayload = { ids: [id], key: batchKey([id]), pinnedUntil: pinnedUntil.toISOString(), attempt: 0 };
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(emailMessages)
      .set({ sendAfter: pinnedUntil, updatedAt: now })
      .where(
        and(
          eq(emailMessages.id, id),
          eq(emailMessages.status, 'queued'),
          eq(emailMessages.sendAfter, new Date(payload.pinnedUntil)),
        ),
      )
      .returning({ id: emailMessages.id });
    if (moved.length === 0) return null;
    await scheduleBatchJob(tx, single, runAt);
    return single;
  });
}

// Sending the outbox, as two graphile-worker tasks that are safe with any number of workers and instances:
// send_email gathers due messages into a batch (lib/email/batches.ts); send_email_batch sends a batch as one
// provider request, inside the rate gate, under an idempotency key fixed when the batch was formed, so a retry
// after a lost answer can never send twice (emails with attachments split off into batches of one first).
// Retryable failures move the batch's job to a later run (the provider's retry-after, or exponential backoff
// with jitter); refused content fails its messages for good.
import { eq } from 'drizzle-orm';
import { emailMessages } from '@/db/schema';
import { isMailerError, type MailerError } from '../adapters/mailer/types';
import type { AppContext } from '../context';
import { formBatch, loadPinned, releaseBatch, splitOff } from './batches';
import { scheduleBatchJob, scheduleMessageJobs, type BatchPayload, type SendEmailPayload } from './jobs';
import { markAttemptFailed, markFinal, markSent } from './outcomes';
import { COMPOSE_LANES, prepareAll, suppressedAddresses, type ComposeFn, type Prepared } from './prepare';
import type { RateGate } from './rate-gate';

export type { ComposeFn, ComposedEmail } from './prepare';

export type SendCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'mailer'>;

export interface SenderDeps {
  compose: ComposeFn;
  gate: RateGate;
  /** First retry delay and the most any retry waits (defaults 1 s and 5 minutes). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  pinMs?: number;
}

export type BatchOutcome = 'sent' | 'retry' | 'failed' | 'nothing' | 'released';

/** send_email: makes a batch of the due messages, this one first. */
export async function runSendEmailJob(
  ctx: SendCtx,
  deps: SenderDeps,
  payload: SendEmailPayload,
): Promise<BatchPayload | null> {
  const now = ctx.clock.now();
  const batch = await formBatch(ctx.db, {
    ownId: payload.messageId,
    now,
    size: ctx.config.EMAIL_BATCH_SIZE,
    pinMs: deps.pinMs,
  });
  if (batch?.ids.includes(payload.messageId)) return batch;
  // Not taken: not due yet (a reminder), or held by another batch, or just being taken by another worker.
  // Its job comes back when it could be due; a batch that sends it removes that job.
  const [own] = await ctx.db
    .select({ status: emailMessages.status, sendAfter: emailMessages.sendAfter })
    .from(emailMessages)
    .where(eq(emailMessages.id, payload.messageId));
  if (own?.status === 'queued') {
    const later = own.sendAfter && own.sendAfter > now ? own.sendAfter : new Date(now.getTime() + 1000);
    await scheduleMessageJobs(ctx.db, [payload.messageId], later);
  }
  return batch;
}

/**
 * send_email_batch: sends one batch and records the outcome. Emails with attachments cannot ride in a batch
 * request: each is moved into a batch of its own (durably, with its own job as the fallback) and sent at once
 * under its own key while the others are still being composed; the rest go as one request.
 */
export async function runSendBatchJob(ctx: SendCtx, deps: SenderDeps, payload: BatchPayload): Promise<BatchOutcome> {
  const now = ctx.clock.now();
  let members = await loadPinned(ctx.db, payload);
  if (members.length === 0) return 'nothing';
  if (now >= new Date(payload.pinnedUntil)) {
    await releaseBatch(ctx.db, payload, now);
    return 'released';
  }
  const suppressed = await suppressedAddresses(
    ctx.db,
    members.map((m) => m.toEmail),
  );
  if (suppressed.size) {
    await markFinal(
      ctx.db,
      members.filter((m) => suppressed.has(m.toEmail)).map((m) => m.id),
      'suppressed',
      now,
      'address suppressed',
    );
    members = members.filter((m) => !suppressed.has(m.toEmail));
  }
  const alone = (p: Prepared): p is Sendable =>
    payload.ids.length > 1 && p.kind === 'email' && Boolean(p.email.attachments?.length);
  const outcomes: BatchOutcome[] = [];
  const prepared = await prepareAll(
    ctx,
    deps.compose,
    members,
    2 * COMPOSE_LANES,
    async (p) => {
      if (!alone(p)) return;
      // Its own job runs only if this one dies before sending it (or to retry it later).
      const at = ctx.clock.now();
      const single = await splitOff(ctx.db, payload, p.message.id, at, new Date(at.getTime() + fallbackDelayMs(ctx)));
      if (single) outcomes.push(await deliver(ctx, deps, single, [p]));
    },
    new Date(payload.pinnedUntil).getTime(),
  );
  await markFinal(
    ctx.db,
    prepared.filter((p) => p.kind === 'skipped').map((p) => p.message.id),
    'skipped',
    now,
  );
  for (const p of prepared) if (p.kind === 'failed') await markFinal(ctx.db, [p.message.id], 'failed', now, p.reason);
  const rest = prepared.filter((p): p is Sendable => p.kind === 'email' && !alone(p));
  if (rest.length) outcomes.push(await deliver(ctx, deps, payload, rest));
  return outcomes.find((o) => o === 'retry') ?? outcomes.find((o) => o === 'failed') ?? outcomes[0] ?? 'nothing';
}

type Sendable = Extract<Prepared, { kind: 'email' }>;

/** How long a split-off email's own job waits before taking over, should this job die before sending it. */
function fallbackDelayMs(ctx: SendCtx): number {
  return Math.max(60_000, 3 * ctx.config.EMAIL_SEND_TIMEOUT_MS);
}

/** One provider request for `sendable` under the batch's key, inside the rate gate, and its outcome recorded. */
async function deliver(
  ctx: SendCtx,
  deps: SenderDeps,
  payload: BatchPayload,
  sendable: Sendable[],
): Promise<BatchOutcome> {
  const ids = sendable.map((s) => s.message.id);
  try {
    const answer = await deps.gate.run(
      () =>
        ctx.mailer.sendBatch(
          sendable.map((s) => s.email),
          { idempotencyKey: payload.key },
        ),
      ({ error }) => (isMailerError(error) && error.code === 'rate_limited' ? (error.retryAfterMs ?? 0) : 0),
    );
    await markSent(
      ctx.db,
      sendable.map((s, i) => ({ id: s.message.id, providerMessageId: answer.ids[i] ?? null, subject: s.subject })),
      ctx.clock.now(),
      null,
      payload.key,
    );
    return 'sent';
  } catch (error) {
    if (!isMailerError(error)) throw error;
    const at = ctx.clock.now();
    if (error.code === 'idempotency_mismatch') {
      // The key was used before with other content (composed afresh since): that earlier request was sent.
      await markSent(
        ctx.db,
        sendable.map((s) => ({ id: s.message.id, providerMessageId: null, subject: s.subject })),
        at,
        'sent by an earlier attempt',
        payload.key,
      );
      return 'sent';
    }
    if (!error.retryable) {
      await markFinal(ctx.db, ids, 'failed', at, error.message, payload.key);
      return 'failed';
    }
    const runAt = new Date(
      Math.min(at.getTime() + retryDelayMs(error, payload.attempt, deps), new Date(payload.pinnedUntil).getTime()),
    );
    await ctx.db.transaction(async (tx) => {
      await markAttemptFailed(tx, ids, at, error.message);
      await scheduleBatchJob(tx, { ...payload, attempt: payload.attempt + 1 }, runAt);
    });
    return 'retry';
  }
}

/** The provider's wait when it named one; otherwise exponential backoff with jitter, capped. */
export function retryDelayMs(
  error: MailerError,
  attempt: number,
  options: Pick<SenderDeps, 'retryBaseMs' | 'retryMaxMs'> = {},
): number {
  const base = options.retryBaseMs ?? 1000;
  const max = options.retryMaxMs ?? 300_000;
  const backoff = Math.min(max, base * 2 ** Math.min(attempt, 20)) * (0.75 + Math.random() * 0.5);
  if (error.retryAfterMs === undefined) return Math.round(backoff);
  const named = error.retryAfterMs * (1 + Math.random() * 0.1);
  return Math.round(error.code === 'unavailable' ? Math.max(named, backoff) : named);
}

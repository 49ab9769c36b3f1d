// Helpers for the email tests: configuration pointing the real resend SDK at the fake provider, a stub compose
// (the templates are not the point there), queuing messages through the real enqueue, and running the real
// worker until the outbox is empty.
import { randomUUID } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import { emailMessages, type EmailMessage } from '@/db/schema';
import { systemClock } from '@/lib/adapters/clock';
import { createMailer } from '@/lib/adapters/mailer';
import { enqueueEmail } from '@/lib/outbox/enqueue';
import type { ComposeFn, SendCtx } from '@/lib/email/send';
import { startEmailWorker, type EmailWorker, type EmailWorkerOptions } from '@/lib/email/worker';
import { parseEnv, type Env } from '@/lib/env';
import type { FakeResend } from './fake-resend';
import type { TestDb } from './test-db';
import { TEST_DATA_ENCRYPTION_KEY } from './vault';

export function emailConfig(
  t: Pick<TestDb, 'url'>,
  fake: FakeResend | null,
  overrides: Record<string, string> = {},
): Env {
  return parseEnv({
    DATABASE_URL: t.url,
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    EMAIL_FROM: 'Conference registration <registration@example.org>',
    ...(fake
      ? { RESEND_API_KEY: fake.apiKey, RESEND_BASE_URL: fake.url, RESEND_WEBHOOK_SECRET: fake.webhookSecret }
      : {}),
    ...overrides,
  });
}

export function emailCtx(t: TestDb, config: Env): SendCtx {
  return { db: t.db, clock: systemClock, config, mailer: createMailer(config) };
}

/** Kind 'ticket' carries an attachment; kind 'gone' has nothing to say any more; kind 'broken' cannot be composed. */
export const stubCompose: ComposeFn = async (_ctx, message) => {
  if (message.kind === 'gone') return null;
  if (message.kind === 'broken') throw new TypeError('template exploded');
  return {
    subject: `Your ${message.kind.replaceAll('_', ' ')}`,
    html: `<p>Message ${message.id}</p>`,
    text: `Message ${message.id}`,
    ...(message.kind === 'ticket'
      ? {
          attachments: [
            { filename: 'ticket.png', content: Buffer.from('png').toString('base64'), contentType: 'image/png' },
          ],
        }
      : {}),
  };
};

/** Queues n messages in one transaction (the outbox rows and their jobs); returns their ids in order. */
export async function queueMessages(
  t: TestDb,
  n: number,
  options: { kind?: string; to?: (i: number) => string } = {},
): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const keys = Array.from({ length: n }, (_, i) => `test:${tag}:${i}`);
  await t.db.transaction(async (tx) => {
    for (const [i, key] of keys.entries()) {
      await enqueueEmail(tx, {
        kind: options.kind ?? 'order_confirmation',
        to: options.to?.(i) ?? `person${i}.${tag}@example.org`,
        idempotencyKey: key,
        now: new Date(),
      });
    }
  });
  const rows = await t.db
    .select({ id: emailMessages.id, key: emailMessages.idempotencyKey })
    .from(emailMessages)
    .where(inArray(emailMessages.idempotencyKey, keys));
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  return keys.map((k) => byKey.get(k)!);
}

export async function messages(t: TestDb, ids: string[]): Promise<EmailMessage[]> {
  const rows = await t.db.select().from(emailMessages).where(inArray(emailMessages.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export async function pendingJobs(t: TestDb): Promise<number> {
  const [row] = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs`);
  return row!.n;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000, label = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until none of the messages is queued any more. */
export function drained(t: TestDb, ids: string[], timeoutMs = 60_000): Promise<void> {
  return waitFor(
    async () => (await messages(t, ids)).every((m) => m.status !== 'queued'),
    timeoutMs,
    'the outbox to drain',
  );
}

/** The real worker with test timings: quick polling and short backoff. */
export function startTestWorker(
  t: TestDb,
  ctx: SendCtx,
  options: Partial<EmailWorkerOptions> = {},
): Promise<EmailWorker> {
  return startEmailWorker({
    connectionString: t.url,
    ctx,
    compose: stubCompose,
    concurrency: 4,
    pollIntervalMs: 100,
    retryBaseMs: 100,
    retryMaxMs: 1000,
    ...options,
  });
}

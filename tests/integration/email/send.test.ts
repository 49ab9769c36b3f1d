import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { emailSuppressions } from '@/db/schema';
import { listMailbox, readMailboxMessage } from '@/lib/adapters/mailer/local';
import { batchKey, formBatch } from '@/lib/email/batches';
import { openGate } from '@/lib/email/rate-gate';
import { runSendBatchJob } from '@/lib/email/send';
import type { EmailWorker } from '@/lib/email/worker';
import {
  drained,
  emailConfig,
  emailCtx,
  messages,
  pendingJobs,
  queueMessages,
  startTestWorker,
  stubCompose,
  waitFor,
} from '../../support/email';
import { createFakeResend, type FakeResend } from '../../support/fake-resend';
import { createTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let fake: FakeResend;
let worker: EmailWorker | null = null;

beforeAll(async () => {
  t = await createTestDb();
  fake = await createFakeResend();
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(async () => {
  await fake.close();
  await t.drop();
});

const newRequests = (from: number) => fake.requests.slice(from);

describe('sending queued email', () => {
  it('composes a queued message and sends it once, with its idempotency key, through POST /emails', async () => {
    const before = fake.requests.length;
    const [id] = await queueMessages(t, 1);
    worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)));
    await drained(t, [id!]);
    const [message] = await messages(t, [id!]);
    const delivered = fake.deliveriesOf(id!);
    expect(delivered).toHaveLength(1);
    expect(newRequests(before)).toMatchObject([{ path: '/emails', idempotencyKey: `email:${id}`, status: 200 }]);
    expect(message).toMatchObject({
      status: 'sent',
      providerMessageId: delivered[0]!.providerId,
      subject: 'Your order confirmation',
      attempts: 1,
      lastError: null,
    });
    expect(message!.sentAt).toBeInstanceOf(Date);
    expect(delivered[0]).toMatchObject({ to: message!.toEmail, tags: { kind: 'order_confirmation', message_id: id } });
    await waitFor(async () => (await pendingJobs(t)) === 0, 5000, 'no jobs left');
  });

  it('sends the due messages as one batch request under a key derived from their ids', async () => {
    const before = fake.requests.length;
    const ids = await queueMessages(t, 7);
    worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)), { concurrency: 1 });
    await drained(t, ids);
    expect(newRequests(before)).toMatchObject([
      { path: '/emails/batch', emails: 7, idempotencyKey: batchKey(ids), status: 200 },
    ]);
    expect(ids.map((id) => fake.deliveriesOf(id).length)).toEqual(ids.map(() => 1));
    expect((await messages(t, ids)).map((m) => m.status)).toEqual(ids.map(() => 'sent'));
  });

  it('sends messages with attachments one by one under their own keys, the others as a batch', async () => {
    const before = fake.requests.length;
    const plain = await queueMessages(t, 3);
    const tickets = await queueMessages(t, 2, { kind: 'ticket' });
    worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)), { concurrency: 1 });
    await drained(t, [...plain, ...tickets]);
    const requests = newRequests(before);
    expect(requests.filter((r) => r.path === '/emails/batch')).toMatchObject([{ emails: 3 }]);
    expect(
      requests
        .filter((r) => r.path === '/emails')
        .map((r) => r.idempotencyKey)
        .sort(),
    ).toEqual(tickets.map((id) => `email:${id}`).sort());
    expect(tickets.map((id) => fake.deliveriesOf(id)[0]?.attachments)).toEqual([1, 1]);
    expect([...plain, ...tickets].every((id) => fake.deliveriesOf(id).length === 1)).toBe(true);
  });

  it('sends nothing to a suppressed address, and skips a message that no longer applies', async () => {
    const before = fake.requests.length;
    const [blocked] = await queueMessages(t, 1, { to: () => 'bounced-before@example.org' });
    const [gone] = await queueMessages(t, 1, { kind: 'gone' });
    const [fine] = await queueMessages(t, 1);
    await t.db
      .insert(emailSuppressions)
      .values({ email: 'bounced-before@example.org', reason: 'bounced', createdAt: new Date() });
    worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)));
    await drained(t, [blocked!, gone!, fine!]);
    expect((await messages(t, [blocked!, gone!, fine!])).map((m) => m.status)).toEqual([
      'suppressed',
      'skipped',
      'sent',
    ]);
    expect(fake.deliveries.filter((d) => d.to === 'bounced-before@example.org')).toHaveLength(0);
    expect(newRequests(before).reduce((n, r) => n + r.emails, 0)).toBe(1);
  });

  it('fails a message the provider refuses (4xx) without retrying it, and one that cannot be composed', async () => {
    const [refused] = await queueMessages(t, 1);
    const [broken] = await queueMessages(t, 1, { kind: 'broken' });
    fake.failNext(1, 'invalid');
    const before = fake.requests.length;
    worker = await startTestWorker(t, emailCtx(t, emailConfig(t, fake)), { concurrency: 1 });
    await drained(t, [refused!, broken!]);
    await new Promise((r) => setTimeout(r, 500));
    const [r, b] = await messages(t, [refused!, broken!]);
    expect(r).toMatchObject({ status: 'failed', lastError: 'Resend 422 validation_error', attempts: 1 });
    expect(b).toMatchObject({ status: 'failed', lastError: 'could not be composed (TypeError)' });
    expect(newRequests(before)).toHaveLength(1);
    expect(fake.deliveriesOf(refused!)).toHaveLength(0);
  });

  it('keeps every message in the local mailbox without a provider, readable for the admin page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mailbox-'));
    try {
      const ids = await queueMessages(t, 2, { kind: 'ticket' });
      worker = await startTestWorker(t, emailCtx(t, emailConfig(t, null, { MAILBOX_DIR: dir })));
      await drained(t, ids);
      const listed = await listMailbox(dir);
      expect(listed).toHaveLength(2);
      expect(listed[0]).toMatchObject({ subject: 'Your ticket', kind: 'ticket' });
      const stored = await readMailboxMessage(dir, listed[0]!.id);
      expect(stored?.html).toMatch(/^<p>Message /);
      expect(stored?.attachments).toMatchObject([{ filename: 'ticket.png', contentType: 'image/png', size: 3 }]);
      expect(await readMailboxMessage(dir, '../../etc/passwd')).toBeNull();
      expect((await messages(t, ids)).map((m) => m.providerMessageId).sort()).toEqual(listed.map((l) => l.id).sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('returns the messages of a batch to the queue, each with its own job, once the batch has held them too long', async () => {
    const [id] = await queueMessages(t, 1);
    const ctx = emailCtx(t, emailConfig(t, fake));
    const batch = await formBatch(t.db, { ownId: id!, now: new Date(), size: 10, pinMs: 20 });
    expect(batch?.ids).toEqual([id]);
    await new Promise((r) => setTimeout(r, 50));
    expect(await runSendBatchJob(ctx, { compose: stubCompose, gate: openGate }, batch!)).toBe('released');
    const [message] = await messages(t, [id!]);
    expect(message!.status).toBe('queued');
    expect(message!.sendAfter!.getTime()).toBeLessThanOrEqual(Date.now());
    const jobs = await t.db.execute<{ key: string }>(
      sql`select key from graphile_worker.jobs where key = ${`email:${id}`}`,
    );
    expect(jobs).toHaveLength(1);
    await t.db.execute(
      sql`select graphile_worker.remove_job(k) from unnest(array[${`email:${id}`}, ${`send:email:${id}`}]) as k`,
    );
    await t.db.execute(sql`update email_messages set status = 'skipped' where id = ${id}::uuid`);
  });
});

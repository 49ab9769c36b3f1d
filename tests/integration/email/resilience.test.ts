// QUALITY R10 and R11: the provider down, then rate limiting, then up; and slower than the send timeout. The real
// worker (two of them, as two instances would) and the real resend SDK against the fake provider.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { batchKey } from '@/lib/email/batches';
import type { EmailWorker } from '@/lib/email/worker';
import { drained, emailConfig, emailCtx, messages, queueMessages, startTestWorker, waitFor } from '../../support/email';
import { createFakeResend, type FakeResend } from '../../support/fake-resend';
import { createTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let workers: EmailWorker[] = [];

beforeAll(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  workers = [];
});
afterAll(async () => {
  await t.drop();
});

const RATE = 5;

describe('R10: provider down, then rate limiting with retry-after, then up', () => {
  let fake: FakeResend;
  afterAll(() => fake.close());

  it('delivers all 300 queued emails after recovery: none lost, none twice, never above the rate limit', async () => {
    fake = await createFakeResend({ limitPerSecond: RATE });
    const ids = await queueMessages(t, 300);
    const config = emailConfig(t, fake, {
      EMAIL_RATE_LIMIT_PER_SECOND: String(RATE),
      EMAIL_BATCH_SIZE: '10',
      EMAIL_SEND_TIMEOUT_MS: '2000',
    });

    // Down: connections refused, then 503s.
    await fake.refuseConnections();
    workers.push(await startTestWorker(t, emailCtx(t, config)), await startTestWorker(t, emailCtx(t, config)));
    await new Promise((r) => setTimeout(r, 1500));
    await fake.acceptConnections();
    fake.mode = 'unavailable';
    await waitFor(async () => fake.requests.filter((r) => r.status === 503).length >= 3, 20_000, 'three 503s');
    // Rate limited: 429 with retry-after: 1.
    fake.mode = 'rateLimit';
    fake.retryAfterSeconds = 1;
    await waitFor(async () => fake.requests.filter((r) => r.status === 429).length >= 3, 20_000, 'three 429s');
    expect((await messages(t, ids)).every((m) => m.status === 'queued')).toBe(true);
    // Up.
    fake.mode = null;
    await drained(t, ids, 90_000);

    const stats = fake.stats(ids);
    expect(stats).toMatchObject({ delivered: 300, lost: 0, duplicates: 0, limited: 0 });
    expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(RATE);
    const rows = await messages(t, ids);
    expect(rows.every((m) => m.status === 'sent' && m.providerMessageId !== null)).toBe(true);
    expect(rows.some((m) => m.attempts > 1)).toBe(true);
    // Every 429 held all senders back for its retry-after.
    fake.requests.forEach((r, i) => {
      const next = fake.requests[i + 1];
      if (r.status === 429 && next) expect(next.at - r.at).toBeGreaterThanOrEqual(950);
    });
  });
});

describe('R11: provider slower than the send timeout', () => {
  let fake: FakeResend;
  afterAll(() => fake.close());

  it('retries with the same idempotency key and delivers one email per registration', async () => {
    fake = await createFakeResend();
    const ids = await queueMessages(t, 3);
    // The first answer for every message comes after 1.5 s, well past the 300 ms timeout; the email itself is
    // delivered at once, the worst case for duplicates.
    fake.failNext(3, 'slow', { slowMs: 1500 });
    const config = emailConfig(t, fake, {
      EMAIL_BATCH_SIZE: '1',
      EMAIL_SEND_TIMEOUT_MS: '300',
      EMAIL_RATE_LIMIT_PER_SECOND: '20',
    });
    workers.push(await startTestWorker(t, emailCtx(t, config)));
    await drained(t, ids, 30_000);

    const rows = await messages(t, ids);
    for (const message of rows) {
      const delivered = fake.deliveriesOf(message.id);
      expect(delivered).toHaveLength(1);
      const attempts = fake.requests.filter((r) => r.idempotencyKey === `email:${message.id}`);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(message).toMatchObject({ status: 'sent', providerMessageId: delivered[0]!.providerId });
      expect(message.attempts).toBeGreaterThanOrEqual(2);
    }
    expect(fake.stats(ids)).toMatchObject({ delivered: 3, duplicates: 0, lost: 0 });
  });
});

describe('a batch whose answer was lost', () => {
  let fake: FakeResend;
  afterAll(() => fake.close());

  it('is retried with exactly the same messages under the same key, while messages queued since go in another batch', async () => {
    fake = await createFakeResend();
    const first = await queueMessages(t, 10);
    fake.failNext(1, 'slow', { slowMs: 1500 });
    const config = emailConfig(t, fake, { EMAIL_SEND_TIMEOUT_MS: '300', EMAIL_RATE_LIMIT_PER_SECOND: '20' });
    workers.push(await startTestWorker(t, emailCtx(t, config), { concurrency: 1 }));
    await waitFor(async () => fake.requests.length >= 1, 10_000, 'the first request');
    const later = await queueMessages(t, 5);
    await drained(t, [...first, ...later], 30_000);

    const firstKey = batchKey(first);
    const withFirstKey = fake.requests.filter((r) => r.idempotencyKey === firstKey);
    expect(withFirstKey.length).toBeGreaterThanOrEqual(2);
    expect(withFirstKey.every((r) => r.emails === 10)).toBe(true);
    expect(fake.requests.filter((r) => r.idempotencyKey === batchKey(later))).toHaveLength(1);
    expect(fake.stats([...first, ...later])).toMatchObject({ delivered: 15, duplicates: 0, lost: 0 });
    const rows = await messages(t, first);
    expect(rows.every((m) => m.status === 'sent' && m.attempts >= 2)).toBe(true);
  });
});

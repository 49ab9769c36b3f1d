// Issue 11 item 13: the provider's limit holds however late a request leaves after its sender took the slot (the
// event loop busy composing other emails, a large batch being serialised). Two workers, as two instances, share
// the gate; the fake Resend refuses any third request within one second. Each request here leaves 0-450 ms after
// the slot was taken, in a fixed pattern: spacing counted from taking the slot then let two requests arrive
// 100 ms apart and the next within the same second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mailer } from '@/lib/adapters/mailer/types';
import type { EmailWorker } from '@/lib/email/worker';
import { drained, emailConfig, emailCtx, messages, queueMessages, startTestWorker } from '../../support/email';
import { createFakeResend, type FakeResend } from '../../support/fake-resend';
import { createTestDb, type TestDb } from '../../support/test-db';

const RATE = 2;
const DEPARTURE_DELAYS_MS = [450, 0, 0, 300, 0, 150];

let t: TestDb;
let fake: FakeResend;
const workers: EmailWorker[] = [];

beforeAll(async () => {
  t = await createTestDb();
  fake = await createFakeResend({ limitPerSecond: RATE });
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await fake.close();
  await t.drop();
});

/** The real Resend mailer, whose requests leave late after the gate let them go. */
function lateMailer(mailer: Mailer, next: () => number): Mailer {
  return {
    ...mailer,
    sendBatch: async (emails, options) => {
      await new Promise((r) => setTimeout(r, next()));
      return mailer.sendBatch(emails, options);
    },
  };
}

describe('the email rate gate under two workers', () => {
  it('never lets the provider see more requests in a second than its limit, however late they leave', async () => {
    const ids = await queueMessages(t, 14);
    const config = emailConfig(t, fake, {
      EMAIL_RATE_LIMIT_PER_SECOND: String(RATE),
      EMAIL_BATCH_SIZE: '1',
      EMAIL_SEND_TIMEOUT_MS: '5000',
    });
    let sent = 0;
    const delay = () => DEPARTURE_DELAYS_MS[sent++ % DEPARTURE_DELAYS_MS.length]!;
    for (let i = 0; i < 2; i++) {
      const ctx = emailCtx(t, config);
      workers.push(await startTestWorker(t, { ...ctx, mailer: lateMailer(ctx.mailer, delay) }, { concurrency: 2 }));
    }
    await drained(t, ids, 60_000);

    const stats = fake.stats(ids);
    expect(stats).toMatchObject({ delivered: 14, duplicates: 0, lost: 0, limited: 0 });
    expect(stats.maxRequestsPerSecond).toBeLessThanOrEqual(RATE);
    expect(fake.requests.every((r) => r.status === 200)).toBe(true);
    expect((await messages(t, ids)).every((m) => m.status === 'sent')).toBe(true);
  });
});

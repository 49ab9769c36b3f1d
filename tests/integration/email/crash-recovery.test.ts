// QUALITY R16 / issue 11 item 9: a worker killed with kill -9 in the middle of sending leaves its jobs locked (by
// graphile-worker for four hours) and its batches pinned; another worker must send every queued email within the
// bound, and none twice. The first worker is a real process, killed while the provider holds its batch's answer
// (the email is already delivered: the worst case for duplicates); the second runs here with short recovery
// timings, so the bound is seconds instead of the two minutes a deployment gets.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailWorker } from '@/lib/email/worker';
import { drained, emailConfig, emailCtx, messages, queueMessages, startTestWorker, waitFor } from '../../support/email';
import { createFakeResend, type FakeResend } from '../../support/fake-resend';
import { createTestDb, type TestDb } from '../../support/test-db';

const ROOT = path.resolve(__dirname, '../../..');
/** With these recovery timings the dead worker's jobs are free within a few seconds. */
const RECOVERY = { sweepMs: 500, graceMs: 1_000, keepMs: 200 };
const BOUND_MS = 30_000;

let t: TestDb;
let fake: FakeResend;
let child: ChildProcess | null = null;
let survivor: EmailWorker | null = null;

beforeAll(async () => {
  t = await createTestDb();
  fake = await createFakeResend();
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await survivor?.stop();
  await fake.close();
  await t.drop();
});

function startWorkerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/email-worker-process.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(proc);
    });
    proc.once('exit', (code) => reject(new Error(`the worker process exited early (${code})`)));
  });
}

describe('a worker killed mid-batch (R16)', () => {
  it('has every queued email sent by another worker within the bound, none twice', async () => {
    const ids = await queueMessages(t, 40);
    const config = { EMAIL_BATCH_SIZE: '10', EMAIL_SEND_TIMEOUT_MS: '20000', EMAIL_RATE_LIMIT_PER_SECOND: '20' };
    // The first batch request is delivered at once but answered only after 3 s: the worker is killed while it
    // waits, its other batches queued behind it at the rate gate.
    fake.failNext(1, 'slow', { slowMs: 3_000 });
    child = await startWorkerProcess({
      DATABASE_URL: t.url,
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      EMAIL_FROM: 'Conference registration <registration@example.org>',
      ...config,
    });
    await waitFor(async () => fake.requests.length >= 1, 20_000, 'the first provider request');
    await waitFor(
      async () => {
        const [row] = await t.db.execute<{ n: number }>(
          sql`select count(*)::int as n from graphile_worker.jobs where locked_by is not null`,
        );
        return row!.n >= 2;
      },
      10_000,
      'batches in flight',
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    const delivered = fake.deliveries.length;
    expect(delivered).toBeGreaterThan(0);
    expect((await messages(t, ids)).some((m) => m.status === 'queued')).toBe(true);

    survivor = await startTestWorker(t, emailCtx(t, emailConfig(t, fake, config)), { recovery: RECOVERY });
    await drained(t, ids, BOUND_MS);

    const rows = await messages(t, ids);
    expect(rows.every((m) => m.status === 'sent')).toBe(true);
    expect(fake.stats(ids)).toMatchObject({ delivered: 40, duplicates: 0, lost: 0 });
    const [locked] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from graphile_worker.jobs where locked_by is not null`,
    );
    expect(locked!.n).toBe(0);
  });
});

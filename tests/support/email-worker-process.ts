// A real email worker in a process of its own, for tests that kill it (kill -9) mid-batch. Configured through
// WORKER_TEST_* variables; prints "ready" once its runner is up.
import { systemClock } from '@/lib/adapters/clock';
import { createMailer } from '@/lib/adapters/mailer';
import { startEmailWorker } from '@/lib/email/worker';
import { parseEnv } from '@/lib/env';
import { createDb } from '@/db/client';
import { stubCompose } from './email';

async function main() {
  const config = parseEnv(process.env);
  const handle = createDb(config.DATABASE_URL, { max: 4 });
  const ctx = { db: handle.db, clock: systemClock, config, mailer: createMailer(config) };
  await startEmailWorker({
    connectionString: config.DATABASE_URL,
    ctx,
    compose: stubCompose,
    concurrency: Number(process.env.WORKER_TEST_CONCURRENCY ?? 4),
    pollIntervalMs: 100,
    retryBaseMs: 100,
    retryMaxMs: 1000,
  });
  process.stdout.write('ready\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// `npm run worker`: the email worker as a process of its own, for deployments that run it apart from the web
// instances (set WORKER_IN_PROCESS=false on those). Any number may run against one database: no email is sent
// twice and the provider's rate limit holds across all of them. Ctrl-C or SIGTERM lets running jobs finish, and
// releases those still running after SHUTDOWN_TIMEOUT_MS (default 10 s) so another worker takes them at once.
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { createAppContext } from '../lib/context';
import { composeEmail } from '../lib/email/compose';
import { startEmailWorker } from '../lib/email/worker';
import { parseEnv } from '../lib/env';
import { DEFAULT_EMBEDDED_PORT } from './lib/database';

/**
 * postgres.js 3.4.9 throws from a timer when a query is written to a connection whose socket has just closed (a
 * database restart: porsager/postgres#1208); the query fails on its own, and nothing else is amiss. The web server
 * logs such errors and carries on (Next.js does); so does this process, for that one error only.
 */
function survivePostgresWriteRace(): void {
  process.on('uncaughtException', (error) => {
    if (error instanceof TypeError && /nextWrite/.test(error.stack ?? '') && /postgres/.test(error.stack ?? '')) {
      console.error('[worker] a database connection closed under a write (postgres.js); carrying on');
      return;
    }
    console.error(error);
    process.exit(1);
  });
}

async function main() {
  survivePostgresWriteRace();
  loadEnvConfig(path.resolve(__dirname, '..'), false, { info: () => {}, error: console.error });
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/conference`;
    console.log(
      `[worker] DATABASE_URL is not set: using the embedded database that \`npm start\` runs (port ${port}).`,
    );
  }
  const env = parseEnv(process.env);
  const ctx = createAppContext(env);
  const worker = await startEmailWorker({ connectionString: env.DATABASE_URL, ctx, compose: composeEmail });
  console.log(
    `[worker] sending email through ${ctx.mailer.name === 'resend' ? 'Resend' : `the local mailbox (${env.MAILBOX_DIR})`}, at most ${env.EMAIL_RATE_LIMIT_PER_SECOND} requests/s across all workers`,
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('[worker] stopping after the running jobs ...');
    await worker.stop({ deadline: Date.now() + Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000) });
    await ctx.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error(`[worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

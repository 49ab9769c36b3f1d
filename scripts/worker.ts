// `npm run worker`: the email worker as a process of its own, for deployments that run it apart from the web
// instances (set WORKER_IN_PROCESS=false on those). Any number may run against one database: no email is sent
// twice and the provider's rate limit holds across all of them. Ctrl-C or SIGTERM lets running jobs finish.
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { createAppContext } from '../lib/context';
import { composeEmail } from '../lib/email/compose';
import { startEmailWorker } from '../lib/email/worker';
import { parseEnv } from '../lib/env';
import { DEFAULT_EMBEDDED_PORT } from './lib/database';

async function main() {
  loadEnvConfig(path.resolve(__dirname, '..'), false, { info: () => {}, error: console.error });
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/conference`;
    console.log(`[worker] DATABASE_URL is not set: using the embedded database that \`npm start\` runs (port ${port}).`);
  }
  const env = parseEnv(process.env);
  const ctx = createAppContext(env);
  const worker = await startEmailWorker({ connectionString: env.DATABASE_URL, ctx, compose: composeEmail });
  console.log(`[worker] sending email through ${ctx.mailer.name === 'resend' ? 'Resend' : `the local mailbox (${env.MAILBOX_DIR})`}, at most ${env.EMAIL_RATE_LIMIT_PER_SECOND} requests/s across all workers`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('[worker] stopping after the running jobs ...');
    await worker.stop();
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

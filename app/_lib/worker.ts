// Runs the email worker inside this server process (WORKER_IN_PROCESS, on by default; turn it off on web
// instances when `npm run worker` runs apart). The database may not be up yet when the server starts: the start
// is retried with backoff in the background and never takes the server down. SIGTERM lets running jobs finish.
import 'server-only';
import { composeEmail } from '@/lib/email/compose';
import { startEmailWorker, type EmailWorker } from '@/lib/email/worker';
import { getContext } from './context';

const globalForWorker = globalThis as unknown as { __emailWorker?: Promise<EmailWorker | null> };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function startWithRetries(): Promise<EmailWorker | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const ctx = getContext();
      if (!ctx.config.WORKER_IN_PROCESS) return null;
      const worker = await startEmailWorker({ connectionString: ctx.config.DATABASE_URL, ctx, compose: composeEmail });
      const stop = () => void worker.stop();
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
      return worker;
    } catch (error) {
      const code = (error as { code?: string })?.code;
      console.error(`email worker could not start (${error instanceof Error ? error.name : 'unknown'}${code ? ` ${code}` : ''}); retrying`);
      await sleep(Math.min(30_000, 1000 * 2 ** attempt));
    }
  }
}

export function startInProcessWorker(): void {
  globalForWorker.__emailWorker ??= startWithRetries();
}

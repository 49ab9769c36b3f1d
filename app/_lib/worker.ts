// Runs the email worker inside this server process (WORKER_IN_PROCESS, on by default; turn it off on web
// instances when `npm run worker` runs apart). The database may not be up when the server starts, and a long
// outage can end a running worker: it is (re)started with a short backoff in the background and never takes the
// server down. On SIGTERM the custom server stops it through lib/runtime/lifecycle.ts: running jobs finish, or are
// released at the deadline.
import 'server-only';
import { composeEmail } from '@/lib/email/compose';
import { startEmailWorker, type EmailWorker } from '@/lib/email/worker';
import { isShuttingDown, onShutdown } from '@/lib/runtime/lifecycle';
import { getContext } from './context';

const globalForWorker = globalThis as unknown as { __emailWorker?: Promise<void> };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The longest pause between attempts: the worker is back within seconds of the database. */
const MAX_BACKOFF_MS = 5_000;

async function startOnce(): Promise<EmailWorker | null> {
  for (let attempt = 0; ; attempt++) {
    if (isShuttingDown()) return null;
    try {
      const ctx = getContext();
      if (!ctx.config.WORKER_IN_PROCESS) return null;
      return await startEmailWorker({ connectionString: ctx.config.DATABASE_URL, ctx, compose: composeEmail });
    } catch (error) {
      const code = (error as { code?: string })?.code;
      console.error(
        `email worker could not start (${error instanceof Error ? error.name : 'unknown'}${code ? ` ${code}` : ''}); retrying`,
      );
      await sleep(Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt));
    }
  }
}

async function supervise(): Promise<void> {
  for (;;) {
    const worker = await startOnce();
    if (!worker) return;
    let stopping = false;
    const unregister = onShutdown('email worker', 'work', (deadline) => {
      stopping = true;
      return worker.stop({ deadline });
    });
    await worker.done;
    unregister();
    if (stopping || isShuttingDown()) return;
    console.error('email worker stopped by itself; starting it again');
    await worker.stop().catch(() => undefined);
    await sleep(1_000);
  }
}

export function startInProcessWorker(): void {
  globalForWorker.__emailWorker ??= supervise();
}

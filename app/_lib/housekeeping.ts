// Schedules lib/housekeeping on an interval inside the server process; failures are logged and retried next time.
// On SIGTERM (lib/runtime/lifecycle.ts) no new pass starts and a running one is waited for.
import { runHousekeeping } from '@/lib/housekeeping';
import { isShuttingDown, onShutdown } from '@/lib/runtime/lifecycle';
import { getContext } from './context';

export function startHousekeeping(intervalMs: number): void {
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running || isShuttingDown()) return;
    running = runHousekeeping(getContext())
      .then(
        () => undefined,
        (error: unknown) => {
          // The code only: a database message can quote the values of the row it failed on.
          const code =
            (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
          console.error(
            `housekeeping failed (${error instanceof Error ? error.name : 'unknown'}${code ? ` ${code}` : ''}); retrying next time`,
          );
        },
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  onShutdown('housekeeping', 'work', async () => {
    clearInterval(timer);
    await running;
  });
}

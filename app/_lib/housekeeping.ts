// Schedules lib/housekeeping on an interval inside the server process; failures are logged and retried next time.
import { runHousekeeping } from '@/lib/housekeeping';
import { getContext } from './context';

export function startHousekeeping(intervalMs: number): void {
  const timer = setInterval(() => {
    runHousekeeping(getContext()).catch((error: unknown) => {
      // The code only: a database message can quote the values of the row it failed on.
      const code = (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
      console.error(`housekeeping failed (${error instanceof Error ? error.name : 'unknown'}${code ? ` ${code}` : ''}); retrying next time`);
    });
  }, intervalMs);
  timer.unref();
}

// Runs once when a server instance starts: starts the email worker and schedules housekeeping (lapsed holds,
// waiting-list offers). Both register with lib/runtime/lifecycle.ts, so the custom server (scripts/server.ts)
// stops them on SIGTERM.
// Every instance schedules it; a Postgres lock lets one run at a time. HOUSEKEEPING_INTERVAL_SECONDS=0 turns it off.
import { isDatabaseUnavailable } from './lib/errors';
import { markDatabaseUnavailable } from './lib/runtime/request-state';

export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Sends queued email from this process unless WORKER_IN_PROCESS=false (then `npm run worker` runs apart).
  if (!/^(false|0)$/.test(process.env.WORKER_IN_PROCESS ?? '')) {
    const { startInProcessWorker } = await import('./app/_lib/worker');
    startInProcessWorker();
  }
  const seconds = Number(process.env.HOUSEKEEPING_INTERVAL_SECONDS ?? 30);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const { startHousekeeping } = await import('./app/_lib/housekeeping');
  startHousekeeping(seconds * 1000);
}

/**
 * Next.js tells us of every error a page or route let through. One that means the database is out of reach marks
 * the request, and the custom server answers 503 with Retry-After instead of Next.js's 500 (the page shows
 * app/error.tsx either way). Synchronous, so the mark is there before the status line is written.
 */
export function onRequestError(error: unknown) {
  if (isDatabaseUnavailable(error)) markDatabaseUnavailable();
}

// Runs once when a server instance starts: starts the email worker and schedules housekeeping (lapsed holds,
// waiting-list offers).
// Every instance schedules it; a Postgres lock lets one run at a time. HOUSEKEEPING_INTERVAL_SECONDS=0 turns it off.
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

// Runs once when a server instance starts: schedules housekeeping (lapsed holds, waiting-list offers).
// Every instance schedules it; a Postgres lock lets one run at a time. HOUSEKEEPING_INTERVAL_SECONDS=0 turns it off.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const seconds = Number(process.env.HOUSEKEEPING_INTERVAL_SECONDS ?? 30);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const { startHousekeeping } = await import('./app/_lib/housekeeping');
  startHousekeeping(seconds * 1000);
}

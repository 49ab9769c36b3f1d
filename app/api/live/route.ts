// GET /api/live: liveness, answered without touching the database (readiness is /api/health).
// Also the no-op baseline the benchmarks measure against.
export function GET() {
  return new Response('ok', { headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' } });
}

// Readiness: 200 only when the database answers, 503 otherwise (never a 500, never slow).
import { connection } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { databaseAnswers } from '@/lib/health';

const headers = { 'Cache-Control': 'no-store' };

export async function GET() {
  await connection();
  let ok = false;
  try {
    ok = await databaseAnswers(getContext());
  } catch {
    // The context itself could not be built (configuration): not ready either.
  }
  if (!ok) console.error('health check: database unavailable');
  return Response.json({ status: ok ? 'ok' : 'unavailable' }, { status: ok ? 200 : 503, headers });
}

// Liveness of what matters: 200 only when the database answers, 503 otherwise (never a 500, never slow).
import { sql } from 'drizzle-orm';
import { connection } from 'next/server';
import { getContext } from '@/app/_lib/context';

const TIMEOUT_MS = 3000;
const headers = { 'Cache-Control': 'no-store' };

export async function GET() {
  await connection();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database health check timed out')), TIMEOUT_MS);
    });
    await Promise.race([getContext().db.execute(sql`select 1`), timeout]);
    return Response.json({ status: 'ok' }, { headers });
  } catch (error) {
    console.error('health check: database unavailable', error instanceof Error ? error.message : error);
    return Response.json({ status: 'unavailable' }, { status: 503, headers });
  } finally {
    clearTimeout(timer);
  }
}

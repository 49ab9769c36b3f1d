// Readiness: does the database answer within a bound? Never throws; the caller maps false to 503.
import { sql } from 'drizzle-orm';
import type { AppContext } from './context';

export async function databaseAnswers(ctx: Pick<AppContext, 'db'>, timeoutMs = 3000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), timeoutMs);
    });
    await Promise.race([ctx.db.execute(sql`select 1`), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

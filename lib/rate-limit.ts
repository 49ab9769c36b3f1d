// Fixed-window counters in Postgres, shared by every app instance: one atomic upsert per hit.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/** The counting upsert, returning count and window_started_at; usable alone or as a CTE of a larger statement. */
export function rateLimitSql(key: string, windowMs: number, now: Date): SQL {
  // postgres-js binds strings, not Dates, in raw SQL.
  const at = now.toISOString();
  const windowStart = new Date(now.getTime() - windowMs).toISOString();
  return sql`
    insert into rate_limits (key, count, window_started_at) values (${key}, 1, ${at}::timestamptz)
    on conflict (key) do update set
      count = case when rate_limits.window_started_at <= ${windowStart}::timestamptz then 1 else rate_limits.count + 1 end,
      window_started_at = case when rate_limits.window_started_at <= ${windowStart}::timestamptz then ${at}::timestamptz else rate_limits.window_started_at end
    returning count, window_started_at`;
}

export function rateLimitResult(
  row: { count: number; window_started_at: string | Date },
  limit: number,
  windowMs: number,
  now: Date,
): RateLimitResult {
  const started = new Date(row.window_started_at);
  const retryAfterSeconds = Math.max(1, Math.ceil((started.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: row.count <= limit, count: row.count, retryAfterSeconds };
}

export async function hitRateLimit(
  db: DbOrTx,
  key: string,
  limit: number,
  windowMs: number,
  now: Date,
): Promise<RateLimitResult> {
  const rows = await db.execute<{ count: number; window_started_at: string | Date }>(rateLimitSql(key, windowMs, now));
  return rateLimitResult(rows[0]!, limit, windowMs, now);
}

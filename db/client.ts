// Creates a database handle from a URL. No env reads and no side effects at import.
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = ReturnType<typeof drizzle<typeof schema>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

/**
 * While the database is down, a query waits for a connection attempt of its own, so a pool must neither back off
 * for long between attempts (postgres.js grows the pause to 20 s, which kept requests hanging until the database
 * returned) nor wait long for an unanswered connect: every request then fails within a couple of seconds, and the
 * pool reconnects as soon as the database is back.
 */
export const POOL_CONNECT_TIMEOUT_SECONDS = 2;
const reconnectPauseSeconds = (attempt: number) => Math.min(0.02 * 2 ** attempt, 0.25);

/**
 * Startup parameters for every postgres.js pool of the app. postgres.js 3.4.9 buffers small writes until the next
 * tick; when a connection's socket dies with a write buffered, or a query is written after it died, that buffer is
 * never flushed again (porsager/postgres#1208; analysed in LanternOps/breeze#3225), so every later connection on
 * that pool slot waits out its connect timeout, with the database long back. A startup message of at least 1 KiB is
 * written at once, which flushes the buffer and resets it: the slot's next connection fails once, the one after
 * works. The padding is a custom setting that the server keeps and nothing reads.
 */
export function startupParameters(applicationName: string): Record<string, string> {
  return { application_name: applicationName, 'conference.startup_padding': '-'.repeat(1024) };
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: POOL_CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectPauseSeconds,
    idle_timeout: 30,
    // Never let one slow query hang a request forever.
    connection: { statement_timeout: 15_000, ...startupParameters('conference') },
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const dialect = new PgDialect({ casing: 'snake_case' });

/** Turns a drizzle SQL object into text and parameters for the postgres driver. */
export function toQuery(query: SQL): { sql: string; params: postgres.ParameterOrJSON<never>[] } {
  const q = dialect.sqlToQuery(query);
  return { sql: q.sql, params: q.params as postgres.ParameterOrJSON<never>[] };
}

/**
 * Runs a raw SQL statement as a prepared statement, planned once per connection. For the hottest queries:
 * drizzle's own execute() sends them unprepared, so Postgres would plan them on every call.
 */
export async function executePrepared<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  if (!('$client' in db)) return (await db.execute<T>(query)) as unknown as T[];
  const q = toQuery(query);
  return (await db.$client.unsafe(q.sql, q.params, { prepare: true })) as unknown as T[];
}

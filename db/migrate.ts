// Applies the committed drizzle-kit migrations. Safe to run on every start: applied ones are skipped.
import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { Logger, runMigrations } from 'graphile-worker';
import { createDb } from './client';

const quietLogger = new Logger(() => () => {});

export const migrationsFolder = path.join(__dirname, 'migrations');

export async function migrateDatabase(url: string): Promise<void> {
  const handle = createDb(url, { max: 1 });
  try {
    await handle.sql`set client_min_messages = warning`;
    await migrate(handle.db, { migrationsFolder });
  } finally {
    await handle.close();
  }
  // The job queue's own schema (graphile_worker), versioned by graphile-worker itself.
  await runMigrations({ connectionString: url, logger: quietLogger });
}

// Resolves the database for a script: DATABASE_URL when set, otherwise the embedded PostgreSQL under .data/.
import path from 'node:path';
import { startEmbeddedPostgres } from '../../db/embedded';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

export const DEFAULT_EMBEDDED_PORT = 54329;

export async function resolveDatabase(root: string, log: (line: string) => void): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`EMBEDDED_DB_PORT must be a port number, got "${process.env.EMBEDDED_DB_PORT}"`);
  const dataDir = path.join(root, '.data', 'postgres');
  const pg = await startEmbeddedPostgres({ dataDir, port, log });
  log(`Database: embedded PostgreSQL on 127.0.0.1:${port} (data in .data/postgres)`);
  return { url: pg.url, embedded: true, stop: pg.stop };
}

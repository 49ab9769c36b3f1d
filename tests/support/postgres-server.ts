// Where test databases live: TEST_DATABASE_URL if set (any Postgres the tests may create databases on),
// otherwise a throw-away embedded PostgreSQL in a temporary directory.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@/db/embedded';

export interface TestServer {
  /** A URL whose database the tests may use to create and drop others. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestServer(): Promise<TestServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => {} };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'conference-test-pg-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port: await freePort(), log: () => {} });
  return {
    adminUrl: pg.adminUrl,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

// Benchmarks run the real app (the production server, scripts/server.ts, on the test build) against a fresh
// database on the test server.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase } from '../../db/migrate';
import { ensureBuild } from '../../scripts/lib/build';
import { serverCommand } from '../../scripts/lib/server-command';
import { freePort, startTestServer, withDatabase } from '../../tests/support/postgres-server';
import { TEST_DATA_ENCRYPTION_KEY } from '../../tests/support/vault';

export const root = path.resolve(__dirname, '../..');

export interface BenchDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function benchDatabase(): Promise<BenchDatabase> {
  const server = await startTestServer();
  const name = `conf_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(server.adminUrl, name);
  await migrateDatabase(url);
  return {
    url,
    drop: async () => {
      const a = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
      await server.stop();
    },
  };
}

export interface AppServer {
  baseUrl: string;
  stop: () => Promise<void>;
}

export async function startApp(env: Record<string, string>): Promise<AppServer> {
  await ensureBuild(root, '.next-test', (l) => console.error(`[bench] ${l}`));
  const port = await freePort();
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=.data/prof") profiles the server while a benchmark runs.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = serverCommand(root, { port, nodeArgs });
  const child: ChildProcess = spawn(server.command, server.args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEXT_DIST_DIR: '.next-test',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      AUTH_SECRET: 'bench-secret-bench-secret-bench-secret',
      DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
      APP_URL: `http://localhost:${port}`,
      ...env,
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app server did not become healthy within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    baseUrl,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

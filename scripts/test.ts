// `npm test`: types (tsc over the whole tree), format (prettier --check), lint, unit, integration (real
// Postgres) and end-to-end (Chromium against the app server). The three static checks run side by side.
// Ends with one line "N passed, N failed" summing every tier, which is what CI reads.
// `npm test -- unit e2e` runs only the named tiers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { prepareE2eDatabase } from '../tests/e2e/support/prepare';
import { freePort, startTestServer } from '../tests/support/postgres-server';
import { TEST_DATA_ENCRYPTION_KEY } from '../tests/support/vault';
import { ensureBuild } from './lib/build';

type Tier = 'types' | 'format' | 'lint' | 'unit' | 'integration' | 'e2e';
const ALL: Tier[] = ['types', 'format', 'lint', 'unit', 'integration', 'e2e'];
const STATIC: Tier[] = ['types', 'format', 'lint'];
const root = path.resolve(__dirname, '..');
const results = path.join(root, '.data', 'test-results');
const log = (line: string) => console.log(`\n[test] ${line}`);

interface Totals {
  passed: number;
  failed: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
  });
  return result.status ?? 1;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Runs a check with its output buffered, so checks running side by side do not interleave their lines. */
function check(name: string, args: string[]): Promise<Totals> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', (error) => {
      out += String(error);
    });
    child.on('close', (code) => {
      log(`${name}: ${code === 0 ? 'ok' : 'FAILED'}`);
      if (out.trim()) console.log(out.trimEnd());
      resolve(code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
    });
  });
}

const bin = (p: string) => path.join(root, 'node_modules', p);
const staticChecks: Record<'types' | 'format' | 'lint', () => Promise<Totals>> = {
  types: () =>
    check('Types (tsc --noEmit over app, lib, db, scripts, bench and tests)', [
      bin('typescript/bin/tsc'),
      '--noEmit',
      '-p',
      root,
    ]),
  format: () =>
    check('Format (prettier --check; `npm run format` fixes it)', [
      bin('prettier/bin/prettier.cjs'),
      '--check',
      '--log-level=warn',
      '.',
    ]),
  lint: () =>
    check('Lint (ESLint: type-aware rules, React hooks, Next.js, the layout boundaries)', [
      bin('eslint/bin/eslint.js'),
      '.',
      '--max-warnings=0',
    ]),
};

function vitest(project: 'unit' | 'integration'): Totals {
  log(
    `${project === 'unit' ? 'Unit' : 'Integration'} tests (vitest${project === 'integration' ? ', real PostgreSQL' : ''})`,
  );
  const file = path.join(results, `vitest-${project}.json`);
  rmSync(file, { force: true });
  const code = run(process.execPath, [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1 };
  const passed = Number(report.numPassedTests ?? 0);
  const failed = Number(report.numFailedTests ?? 0) + (code !== 0 && Number(report.numFailedTests ?? 0) === 0 ? 1 : 0);
  return { passed, failed };
}

async function e2e(filters: string[]): Promise<Totals> {
  log('End-to-end tests (Playwright in Chromium against the app server)');
  const file = path.join(results, 'playwright.json');
  rmSync(file, { force: true });
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `[test] Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
    return { passed: 0, failed: 1 };
  }
  await ensureBuild(root, '.next-test', (line) => console.log(`[test] ${line}`));
  const server = await startTestServer();
  // The seed and the app server must share one key (playwright.config.ts passes the same on).
  process.env.DATA_ENCRYPTION_KEY ||= TEST_DATA_ENCRYPTION_KEY;
  const database = await prepareE2eDatabase(server.adminUrl);
  try {
    const port = await freePort();
    const code = run(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...filters], {
      E2E_DATABASE_URL: database.url,
      E2E_PORT: String(port),
      E2E_JSON_REPORT: file,
    });
    const report = readJson(file);
    const stats = (report?.stats ?? null) as { expected?: number; unexpected?: number; flaky?: number } | null;
    if (!stats) return { passed: 0, failed: 1 };
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    return { passed: stats.expected ?? 0, failed: failed || (code !== 0 ? 1 : 0) };
  } finally {
    await database.drop();
    await server.stop();
  }
}

async function main() {
  loadEnvConfig(root, false);
  mkdirSync(results, { recursive: true });
  const asked = process.argv.slice(2).filter((a): a is Tier => (ALL as string[]).includes(a));
  const tiers = asked.length ? asked : ALL;
  // Anything else narrows the end-to-end run to matching spec files: `npm test -- e2e admin-programme`.
  const filters = process.argv.slice(2).filter((a) => !(ALL as string[]).includes(a));
  const totals: Totals = { passed: 0, failed: 0 };
  const statics = tiers.filter((t): t is 'types' | 'format' | 'lint' => STATIC.includes(t));
  const staticResults = new Map(statics.map((t) => [t, staticChecks[t]()] as const));
  const pending = (tier: Tier) => staticResults.get(tier as 'types' | 'format' | 'lint');
  const started = Date.now();
  const seconds = (from: number) => `${Math.round((Date.now() - from) / 1000)} s`;
  for (const tier of tiers) {
    const tierStarted = Date.now();
    let t: Totals;
    try {
      const check = pending(tier);
      t = check ? await check : tier === 'e2e' ? await e2e(filters) : vitest(tier as 'unit' | 'integration');
    } catch (error) {
      console.error(`[test] The ${tier} tier could not run: ${error instanceof Error ? error.message : String(error)}`);
      t = { passed: 0, failed: 1 };
    }
    // A static check's time runs from the start: the three run side by side.
    const took = seconds(pending(tier) ? started : tierStarted);
    console.log(`[test] ${tier}: ${t.passed} passed, ${t.failed} failed (${took})`);
    totals.passed += t.passed;
    totals.failed += t.failed;
  }
  console.log(`[test] all tiers took ${seconds(started)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

void main();

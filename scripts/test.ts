// `npm test`: lint, unit, integration (real Postgres) and end-to-end (Chromium against the app server).
// Ends with one line "N passed, N failed" summing every tier, which is what CI reads.
// `npm test -- unit e2e` runs only the named tiers.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { prepareE2eDatabase } from '../tests/e2e/support/prepare';
import { freePort, startTestServer } from '../tests/support/postgres-server';
import { TEST_DATA_ENCRYPTION_KEY } from '../tests/support/vault';
import { ensureBuild } from './lib/build';

type Tier = 'lint' | 'unit' | 'integration' | 'e2e';
const ALL: Tier[] = ['lint', 'unit', 'integration', 'e2e'];
const root = path.resolve(__dirname, '..');
const results = path.join(root, '.data', 'test-results');
const log = (line: string) => console.log(`\n[test] ${line}`);

interface Totals { passed: number; failed: number }

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  return result.status ?? 1;
}

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function lint(): Totals {
  log('Lint (ESLint, including the lib/ and db/ import boundary)');
  return run(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings=0']) === 0
    ? { passed: 0, failed: 0 }
    : { passed: 0, failed: 1 };
}

function vitest(project: 'unit' | 'integration'): Totals {
  log(`${project === 'unit' ? 'Unit' : 'Integration'} tests (vitest${project === 'integration' ? ', real PostgreSQL' : ''})`);
  const file = path.join(results, `vitest-${project}.json`);
  rmSync(file, { force: true });
  const code = run(process.execPath, [
    path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project,
    '--reporter=default', '--reporter=json', `--outputFile.json=${file}`,
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
    console.error(`[test] Chromium not found at ${chromium}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
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
  for (const tier of tiers) {
    let t: Totals;
    try {
      t = tier === 'lint' ? lint() : tier === 'e2e' ? await e2e(filters) : vitest(tier);
    } catch (error) {
      console.error(`[test] The ${tier} tier could not run: ${error instanceof Error ? error.message : String(error)}`);
      t = { passed: 0, failed: 1 };
    }
    console.log(`[test] ${tier}: ${t.passed} passed, ${t.failed} failed`);
    totals.passed += t.passed;
    totals.failed += t.failed;
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed ? 1 : 0);
}

void main();

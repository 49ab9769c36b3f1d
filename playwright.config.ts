import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';
import { TEST_DATA_ENCRYPTION_KEY } from './tests/support/vault';

// Run through `npm run test:e2e` (scripts/test.ts), which prepares the database and the build first.
const port = Number(process.env.E2E_PORT || 3100);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error('E2E_DATABASE_URL is unset: run the end-to-end tests with `npm run test:e2e`.');

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Generous: two cores shared with the server, the database and the build make slow steps common in CI.
  timeout: 90_000,
  expect: { timeout: 7_500 },
  outputDir: '.data/test-results/playwright',
  reporter: [['list'], ['json', { outputFile: process.env.E2E_JSON_REPORT || '.data/test-results/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // The production server (scripts/server.ts), as deployments run it.
    command: `node --import tsx scripts/server.ts -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      NEXT_DIST_DIR: '.next-test',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      APP_URL: baseURL,
      AUTH_SECRET: process.env.AUTH_SECRET || 'e2e-only-secret-e2e-only-secret-0000',
      AUTH_TRUST_HOST: 'true',
      DATA_ENCRYPTION_KEY: process.env.DATA_ENCRYPTION_KEY || TEST_DATA_ENCRYPTION_KEY,
      NODE_ENV: 'production',
      MAILBOX_DIR: '.data/test-results/mailbox',
      APP_ENV: 'test',
      ALLOW_TEST_CLOCK: 'true',
    },
  },
});

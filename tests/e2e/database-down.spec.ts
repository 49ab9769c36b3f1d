import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { axeViolations } from './support/axe';

// QUALITY.md S10: with the database unreachable, every kind of route answers with a generic message: no stack
// trace, SQL, connection string, driver error or secret in any response. A second server of the same build
// runs against a PostgreSQL port where nothing listens (the shared e2e server keeps its database).
const SECRET = 'database-down-secret-0123456789abcdef';
const DEAD_URL = 'postgres://leaky_user:leaky_password@127.0.0.1:9/leaky_database';
const LEAKS = [
  /\n\s+at [\w.<>]+ ?\(/,
  /node_modules/,
  /ECONNREFUSED/i,
  /leaky_/,
  /postgres:\/\//,
  new RegExp(SECRET),
  /\bselect\b.+\bfrom\b/i,
  /\binsert into\b/i,
  /PostgresError/,
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

let app: ChildProcess;
let api: APIRequestContext;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  app = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', '-p', String(port)], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: '.next-test',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      APP_ENV: 'test',
      DATABASE_URL: DEAD_URL,
      APP_URL: base,
      AUTH_SECRET: SECRET,
      AUTH_TRUST_HOST: 'true',
      MAILBOX_DIR: '.data/test-results/mailbox-down',
      HOUSEKEEPING_INTERVAL_SECONDS: '0',
    },
    stdio: 'ignore',
  });
  api = await playwrightRequest.newContext({ baseURL: base });
  await expect(async () => {
    const r = await api.get('/api/health', { timeout: 2000 });
    expect(r.status()).toBe(503);
  }).toPass({ timeout: 60_000 });
});

test.afterAll(async () => {
  await api?.dispose();
  app?.kill('SIGTERM');
});

test('with the database down, pages, private links and the API answer generically and leak nothing', async () => {
  // Pages that need no database (sign-in, find my registration) may answer normally; the rest must fail, plainly.
  const noDbNeeded = new Set(['GET /find-registration', 'GET /sign-in']);
  const checks: { what: string; run: () => Promise<{ status: number; body: string }> }[] = [
    ...[
      '/',
      '/programme',
      '/register',
      '/speakers',
      '/find-registration',
      '/sign-in',
      '/orders/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      '/tickets/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/qr.png',
      '/orders/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/calendar.ics',
    ].map((path) => ({
      what: `GET ${path}`,
      run: async () => {
        const r = await api.get(path);
        return { status: r.status(), body: await r.text() };
      },
    })),
    {
      what: 'GET /api/v1/ticket-types',
      run: async () => {
        const r = await api.get('/api/v1/ticket-types');
        return { status: r.status(), body: await r.text() };
      },
    },
    {
      what: 'GET /api/v1/sessions',
      run: async () => {
        const r = await api.get('/api/v1/sessions');
        return { status: r.status(), body: await r.text() };
      },
    },
    {
      what: 'POST /api/v1/orders',
      run: async () => {
        const r = await api.post('/api/v1/orders', {
          data: {
            buyer: { name: 'Down Test', email: 'down@e2e.example' },
            attendees: [
              {
                ticketTypeId: '00000000-0000-4000-8000-000000000000',
                legalName: 'Down Test',
                email: 'down@e2e.example',
              },
            ],
          },
        });
        return { status: r.status(), body: await r.text() };
      },
    },
    {
      what: 'GET /api/admin/export/attendees.csv',
      run: async () => {
        const r = await api.get('/api/admin/export/attendees.csv');
        return { status: r.status(), body: await r.text() };
      },
    },
  ];
  for (const check of checks) {
    const { status, body } = await check.run();
    if (!noDbNeeded.has(check.what)) expect(status, check.what).toBeGreaterThanOrEqual(400);
    for (const leak of LEAKS) expect(body, `${check.what} (status ${status}) leaks ${leak}`).not.toMatch(leak);
  }
});

test('signing in with the database down says so plainly', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('owner@e2e.example');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  const text = await page.locator('body').innerText();
  for (const leak of LEAKS) expect(text, `the sign-in page leaks ${leak}`).not.toMatch(leak);
  expect(page.url()).toContain('/sign-in');
  await context.close();
});

// Issue 11 item 10: an outage is a 503 with Retry-After everywhere, never a 500: UNAVAILABLE from the API, and a
// calm "temporarily unavailable" page (app/error.tsx) for pages, usable like any other page.
test('the API answers 503 UNAVAILABLE with Retry-After, and pages say calmly that they are temporarily unavailable', async ({
  browser,
}) => {
  for (const [method, path] of [
    ['GET', '/api/v1/ticket-types'],
    ['GET', '/api/v1/sessions'],
    ['POST', '/api/v1/orders'],
  ] as const) {
    const r =
      method === 'GET'
        ? await api.get(path)
        : await api.post(path, {
            data: {
              buyer: { name: 'Down Test', email: 'down@e2e.example' },
              attendees: [
                {
                  ticketTypeId: '00000000-0000-4000-8000-000000000000',
                  legalName: 'Down Test',
                  email: 'down@e2e.example',
                },
              ],
            },
          });
    expect(r.status(), `${method} ${path}`).toBe(503);
    expect(r.headers()['retry-after'], `${method} ${path}`).toBe('5');
    expect((await r.json()).error.code, `${method} ${path}`).toBe('UNAVAILABLE');
  }
  for (const path of ['/tickets/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/qr.png', '/api/health']) {
    const r = await api.get(path);
    expect(r.status(), path).toBe(503);
    expect(r.headers()['retry-after'], path).toBeTruthy();
  }
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  for (const path of ['/', '/programme', '/register']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(503);
    expect(response?.headers()['retry-after'], path).toBe('5');
    await expect(page.getByRole('heading', { level: 1, name: 'Temporarily unavailable' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  }
  expect(await axeViolations(page)).toEqual([]);
  await context.close();
});

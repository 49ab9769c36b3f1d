import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
} from '@playwright/test';
import { can } from '@/lib/staff/permissions';
import { e2eAccounts, type E2eRole } from './support/accounts';
import { actions, pages, routes, tokenActions, tokenPages, type Need } from './support/authz-matrix';
import { signInAs } from './support/sign-in';

// QUALITY.md S3, S4 and S6. Every admin page, admin route handler and admin server action, as every kind of
// visitor: anonymous (an attendee has no staff session either), check-in staff, the accessibility team, an
// organizer and the owner. Entry points are discovered from app/ and from the build's server-action manifest,
// and must all be in tests/e2e/support/authz-matrix.ts. Refusals must hold with the proxy bypassed through the
// x-middleware-subrequest header, carry no personal data (a canary registration), and a cross-site action
// request must never reach the action.
const root = process.cwd();
const DIST = '.next-test';
const REFUSED = 'Your account does not have access to this.';
const SIGN_IN = 'Please sign in.';
const NOT_SENT = 'This form was not sent correctly.';
const DUMMY_ID = '00000000-0000-4000-8000-000000000000';
const BYPASS_HEADERS = [
  {},
  { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
  { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
] as const;
type Who = 'anonymous' | E2eRole;
const WHO: Who[] = ['anonymous', 'checkin', 'accessibility', 'organizer', 'owner'];

function walk(dir: string, file: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, file, out);
    else if (entry.name === file) out.push(full);
  }
  return out;
}

const toRoute = (file: string) =>
  '/' +
  path
    .relative(path.join(root, 'app'), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s))
    .join('/');
const fill = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, DUMMY_ID);

function discoverPages(): string[] {
  return walk(path.join(root, 'app/admin'), 'page.tsx').map(toRoute).sort();
}

function discoverRoutes(): string[] {
  return walk(path.join(root, 'app/api/admin'), 'route.ts')
    .flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:async\s+function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => m[1]!,
      );
      return methods.map((m) => `${m} ${toRoute(file)}`);
    })
    .sort();
}

/** Admin server actions from the build's manifest: key "file#export" and the id to call it by. */
function discoverActions(): { key: string; id: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(root, DIST, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const found = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    const file = entry.filename?.replace(/^\[project\]\//, '').replace(/^\.\//, '');
    if (!file || !entry.exportedName)
      throw new Error(`The server-action manifest has no filename/exportedName for ${id}: update discoverActions()`);
    if (file.startsWith('app/admin/')) found.set(`${file}#${entry.exportedName}`, id);
  }
  return [...found].map(([key, id]) => ({ key, id })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Token-authorized pages: every page under app/(public)/tickets. */
function discoverTokenPages(): string[] {
  return walk(path.join(root, 'app/(public)/tickets'), 'page.tsx').map(toRoute).sort();
}

/** Server actions of the token-authorized pages, from the build's manifest: key and id. */
function discoverTokenActions(): { key: string; id: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(root, DIST, 'server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).flatMap(([id, entry]) => {
    const file = entry.filename?.replace(/^\[project\]\//, '').replace(/^\.\//, '');
    return file?.startsWith('app/(public)/tickets/') ? [{ key: `${file}#${entry.exportedName}`, id }] : [];
  });
}

/** Exports of the 'use server' files under app/admin, read from the sources (the manifest must know them all). */
function sourceActions(): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (/\.tsx?$/.test(entry.name) && /^\s*(\/\/.*\n|\s)*['"]use server['"]/.test(readFileSync(full, 'utf8')))
        files.push(full);
    }
  };
  visit(path.join(root, 'app/admin'));
  return files
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export\s+(?:const|async\s+function)\s+(\w+)/g)].map(
        (m) => `${path.relative(root, file)}#${m[1]}`,
      ),
    )
    .sort();
}

const allowed = (who: Who, need: Exclude<Need, 'anyone'>) =>
  who !== 'anonymous' && (need === 'staff' || can(who, need));

let canary: { name: string; email: string; reference: string };
const contexts = new Map<Who, BrowserContext>();

async function requestFor(browser: Browser, who: Who, baseURL: string): Promise<APIRequestContext> {
  const existing = contexts.get(who);
  if (existing) return existing.request;
  const context = await browser.newContext({ baseURL });
  if (who !== 'anonymous') {
    const page = await context.newPage();
    await signInAs(page, who);
    await page.close();
  }
  contexts.set(who, context);
  return context.request;
}

function expectNoPersonalData(body: string, what: string) {
  expect(body, `${what}: leaks the canary's name`).not.toContain(canary.name);
  expect(body, `${what}: leaks the canary's email`).not.toContain(canary.email);
  expect(body, `${what}: leaks a staff email`).not.toContain(e2eAccounts.owner.email);
  expect(body, `${what}: shows a stack trace`).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules\//);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  const request = await playwrightRequest.newContext({ baseURL });
  const id = randomUUID().slice(0, 8);
  canary = { name: `Zebediah Canary${id}`, email: `zebediah.canary.${id}@e2e.example`, reference: '' };
  const types = (await (await request.get('/api/v1/ticket-types?voucher=SCHOLARSHIP-DEMO')).json()) as {
    ticketTypes: { id: string; code: string; price: { amount: number } | null }[];
  };
  const free = types.ticketTypes.find((t) => t.code === 'scholarship') ?? types.ticketTypes[0]!;
  const created = await request.post('/api/v1/orders', {
    data: {
      buyer: { name: canary.name, email: canary.email },
      voucherCode: 'SCHOLARSHIP-DEMO',
      attendees: [
        {
          ticketTypeId: free.id,
          legalName: canary.name,
          badgeName: canary.name,
          email: canary.email,
          answers: { profession: 'Researcher' },
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  canary.reference = ((await created.json()) as { reference: string }).reference;
  await request.dispose();
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  contexts.clear();
});

test('the matrix lists every admin page, route handler and server action, and nothing else', () => {
  expect(Object.keys(pages).sort(), 'app/admin/**/page.tsx vs the matrix').toEqual(discoverPages());
  expect(Object.keys(routes).sort(), 'app/api/admin/**/route.ts vs the matrix').toEqual(discoverRoutes());
  const built = discoverActions().map((a) => a.key);
  expect(Object.keys(actions).sort(), 'admin server actions in the build vs the matrix').toEqual(built);
  // An action exported but never used by a page is not in the build; it must still be in the matrix to ship.
  for (const key of sourceActions())
    expect(Object.keys(actions), `${key} is exported from a 'use server' file`).toContain(key);
});

for (const who of WHO) {
  test(`pages and routes as ${who}, also with the proxy bypassed`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const request = await requestFor(browser, who, baseURL!);
    for (const headers of BYPASS_HEADERS) {
      for (const [pattern, need] of Object.entries(pages)) {
        if (need === 'anyone') continue;
        const what = `GET ${pattern} as ${who} ${JSON.stringify(headers)}`;
        const response = await request.get(fill(pattern), { headers, maxRedirects: 0 });
        const status = response.status();
        const location = response.headers()['location'] ?? '';
        const body = await response.text();
        if (allowed(who, need)) {
          expect(status, what).toBeLessThan(500);
          expect(status, what).not.toBe(403);
          expect(location, what).not.toContain('/sign-in');
        } else {
          if (who === 'anonymous') {
            expect([302, 303, 307, 308], what).toContain(status);
            expect(location, what).toContain('/sign-in');
          } else {
            expect(status, what).toBe(403);
          }
          expectNoPersonalData(body, what);
        }
      }
      for (const [key, need] of Object.entries(routes)) {
        if (need === 'anyone') continue;
        const [method, pattern] = key.split(' ') as [string, string];
        const what = `${key} as ${who} ${JSON.stringify(headers)}`;
        const response = await request.fetch(fill(pattern), {
          method,
          headers: { ...headers, origin: baseURL! },
          maxRedirects: 0,
          ...(method === 'GET' ? {} : { data: {} }),
        });
        const status = response.status();
        const body = await response.text();
        if (allowed(who, need)) {
          expect(status, what).toBeLessThan(500);
          expect([401, 403], what).not.toContain(status);
        } else {
          expect(status, what).toBe(who === 'anonymous' ? 401 : 403);
          expectNoPersonalData(body, what);
        }
      }
    }
  });

  test(`server actions as ${who}, also with the proxy bypassed`, async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const request = await requestFor(browser, who, baseURL!);
    const ids = new Map(discoverActions().map((a) => [a.key, a.id]));
    for (const headers of BYPASS_HEADERS) {
      for (const [key, need] of Object.entries(actions)) {
        const id = ids.get(key);
        expect(id, `${key} is in the build`).toBeTruthy();
        const what = `action ${key} as ${who} ${JSON.stringify(headers)}`;
        if (need === 'anyone') continue;
        // Arguments an action made with adminAction() refuses as "not sent correctly" once access is granted,
        // so no call here can change anything.
        const response = await request.post('/admin', {
          headers: {
            ...headers,
            'next-action': id!,
            'content-type': 'text/plain;charset=UTF-8',
            origin: baseURL!,
            accept: 'text/x-component',
          },
          data: JSON.stringify([{ seq: 0, fieldErrors: {} }, {}]),
          maxRedirects: 0,
        });
        const status = response.status();
        const body = await response.text();
        if (allowed(who, need)) {
          expect(body, what).toContain(NOT_SENT);
        } else {
          expect(body, what).not.toContain(NOT_SENT);
          if (who === 'anonymous') {
            const redirected =
              [302, 303, 307, 308].includes(status) && (response.headers()['location'] ?? '').includes('/sign-in');
            expect(redirected || body.includes(SIGN_IN), `${what}: status ${status}`).toBe(true);
          } else {
            expect(body, what).toContain(REFUSED);
          }
          expectNoPersonalData(body, what);
        }
      }
    }
  });
}

test('pages with an id answer a malformed or unknown id without a server error, for the owner', async ({
  browser,
  baseURL,
}) => {
  const request = await requestFor(browser, 'owner', baseURL!);
  for (const pattern of Object.keys(pages).filter((p) => p.includes('['))) {
    for (const value of ['not-a-uuid', "1'%20or%201=1", DUMMY_ID, 'x'.repeat(300)]) {
      const path = pattern.replace(/\[[^\]]+\]/g, value);
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBeLessThan(500);
      // The owner's own shell shows the owner's email; what must never show is the error's insides.
      expect(await response.text(), path).not.toMatch(
        /\n\s+at [\w.<>]+ \(|node_modules\/|PostgresError|invalid input syntax/,
      );
    }
  }
});

test('a cross-site request never reaches an admin action (S6), even for the owner', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const request = await requestFor(browser, 'owner', baseURL!);
  const ids = new Map(discoverActions().map((a) => [a.key, a.id]));
  for (const [key, need] of Object.entries(actions)) {
    if (need === 'anyone') continue;
    const response = await request.post('/admin', {
      headers: {
        'next-action': ids.get(key)!,
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'https://evil.example',
        accept: 'text/x-component',
      },
      data: JSON.stringify([{ seq: 0, fieldErrors: {} }, {}]),
      maxRedirects: 0,
    });
    const body = await response.text();
    expect(body, `${key} ran for a request from another site`).not.toContain(NOT_SENT);
    expect(response.status(), key).toBeGreaterThanOrEqual(400);
    expectNoPersonalData(body, key);
  }
});

test('token-authorized pages and actions (the attendee page) open nothing for a made-up or a foreign token', async ({
  page,
  baseURL,
}) => {
  expect([...tokenPages].sort(), 'app/(public)/tickets/**/page.tsx vs the matrix').toEqual(discoverTokenPages());
  const built = discoverTokenActions();
  expect(built.map((a) => a.key).sort(), 'token actions in the build vs the matrix').toEqual([...tokenActions].sort());
  // The canary's order link is a real secret, but of another kind: it must not open an attendee page.
  const created = await page.request.get('/api/v1/ticket-types');
  expect(created.status()).toBe(200);
  for (const token of ['A'.repeat(43), 'not-a-token', canary.reference]) {
    for (const pattern of tokenPages) {
      const response = await page.request.get(pattern.replace('[token]', token), { maxRedirects: 0 });
      expect(response.status(), `${pattern} with ${token}`).toBe(404);
      expectNoPersonalData(await response.text(), `${pattern} with ${token}`);
    }
    for (const { key, id } of built) {
      const form = new URLSearchParams({ token, badgeName: 'Hijack', 'answers.access_needs': 'x' });
      const response = await page.request.post(`/tickets/${'A'.repeat(43)}/edit`, {
        headers: {
          'next-action': id,
          'content-type': 'text/plain;charset=UTF-8',
          origin: baseURL!,
          accept: 'text/x-component',
        },
        data: JSON.stringify([{ seq: 0, values: {}, fieldErrors: {} }, Object.fromEntries(form)]),
        maxRedirects: 0,
      });
      const body = await response.text();
      expect(response.status(), key).toBeLessThan(500);
      expect(body, `${key} with ${token}`).not.toContain('Your changes are saved');
      expectNoPersonalData(body, key);
    }
  }
});

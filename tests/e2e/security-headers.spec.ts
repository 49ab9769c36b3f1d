import { createHash } from 'node:crypto';
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { signInAs } from './support/sign-in';

// QUALITY.md S9 against the production build: security headers on public pages, an API route, admin pages and
// route handlers, an order link, redirects and static files; on pages rendered per request a CSP whose nonce is
// fresh per response and is the one on every script of the page; on the cached public pages (one HTML for
// everyone) a CSP that names the hash of every inline script and nothing else; so pages run with no CSP
// violation (and no 'unsafe-inline' for scripts);
// no-store where personal data is; the session cookie HttpOnly and SameSite=Lax.

function expectCommon(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['permissions-policy'], what).toContain('camera=(self)');
  expect(h['permissions-policy'], what).toContain('microphone=()');
  expect(h['strict-transport-security'], what).toMatch(/^max-age=\d{8}; includeSubDomains$/);
  expect(h['referrer-policy'], what).toMatch(/^(strict-origin-when-cross-origin|same-origin)$/);
  const csp = h['content-security-policy'] ?? '';
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("object-src 'none'");
  expect(csp, what).toContain("base-uri 'self'");
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
  // Either a nonce (a page rendered per request) or hashes only (a cached page, or an answer with no scripts).
  expect(scriptSrc, what).toMatch(
    /^'self'(?: 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'|(?: 'sha256-[A-Za-z0-9+/]{43}=')*)$/,
  );
  expect(scriptSrc, what).not.toContain('unsafe-inline');
  expect(scriptSrc, what).not.toContain('unsafe-eval');
}

const nonceOf = (response: APIResponse) =>
  /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];

test('pages rendered per request carry the headers, a fresh nonce per response, and that nonce on every script', async ({
  request,
}) => {
  for (const path of ['/sign-in', '/programme?day=all', '/find-registration']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommon(response, path);
    expect(response.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const nonce = nonceOf(response)!;
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts)
      expect(tag, `${path}: a script without the response's nonce`).toContain(`nonce="${nonce}"`);
    const again = await request.get(path);
    expect(nonceOf(again), `${path}: the nonce is reused`).not.toBe(nonce);
  }
});

const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;

test('cached public pages allow exactly their inline scripts by hash, and no nonce', async ({ request }) => {
  for (const path of ['/', '/programme', '/speakers', '/register', '/privacy']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectCommon(response, path);
    expect(response.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    const scriptSrc = /script-src ([^;]+)/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';
    expect(scriptSrc, path).not.toContain('nonce-');
    const html = await response.text();
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
      .filter(([, attributes, text]) => !/\bsrc=/.test(attributes!) && text)
      .map(([, , text]) => hashOf(text!));
    expect(inline.length, `${path}: inline scripts`).toBeGreaterThan(0);
    const allowed = scriptSrc.split(' ').filter((s) => s.startsWith("'sha256-"));
    expect(new Set(allowed), path).toEqual(new Set(inline));
    const external = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    for (const src of external) expect(src, `${path}: a script from elsewhere`).toMatch(/^\/_next\/static\//);
  }
});

test('API routes, static files and redirects carry them too', async ({ request }) => {
  const api = await request.get('/api/v1/sessions');
  expect(api.status()).toBe(200);
  expectCommon(api, 'GET /api/v1/sessions');

  const home = await (await request.get('/')).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(home)?.[0];
  expect(asset, 'a static script on the home page').toBeTruthy();
  const file = await request.get(asset!);
  expect(file.status()).toBe(200);
  expectCommon(file, asset!);
  expect(file.headers()['cache-control']).toContain('immutable');

  const redirect = await request.get('/admin/users', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers()['location']).toContain('/sign-in');
  expectCommon(redirect, 'the sign-in redirect');
});

test('pages and answers with personal data are never stored; order links keep their URL from other sites', async ({
  page,
}) => {
  const order = await page.request.get('/orders/not-a-real-token-but-long-enough-1234567890');
  expectCommon(order, '/orders/…');
  expect(order.headers()['cache-control']).toContain('no-store');
  expect(order.headers()['referrer-policy']).toBe('same-origin');

  await signInAs(page, 'owner', '/admin');
  for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/account', '/api/admin/checkin/counts']) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expectCommon(response, path);
    expect(response.headers()['cache-control'], path).toContain('no-store');
  }
  const publicPage = await page.request.get('/programme');
  expect(publicPage.headers()['cache-control'] ?? '').not.toContain('private, no-store, max-age=0');
});

test('the session cookie is HttpOnly and SameSite=Lax (Secure with the __Secure- prefix over HTTPS)', async ({
  page,
  baseURL,
}) => {
  await signInAs(page, 'organizer', '/admin');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => /authjs\.session-token/.test(c.name));
  expect(session, 'the session cookie').toBeTruthy();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe('Lax');
  const https = baseURL!.startsWith('https:');
  expect(session!.secure).toBe(https);
  expect(session!.name.startsWith('__Secure-')).toBe(https);
});

async function violations(page: Page, path: string): Promise<string[]> {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) found.push(`${path}: ${m.text()}`);
  });
  await page.goto(path, { waitUntil: 'load' });
  await expect(page.locator('main')).toBeVisible();
  // Hydration and the first effects run after load.
  await page.waitForTimeout(400);
  return found;
}

test('pages run under the policy with no violation, and client code still runs', async ({ browser }) => {
  // A viewer in another zone: the local times beside event times are rendered by client code after hydration.
  const context = await browser.newContext({ timezoneId: 'Pacific/Auckland' });
  const page = await context.newPage();
  for (const path of ['/', '/programme', '/register', '/sign-in']) {
    expect(await violations(page, path)).toEqual([]);
  }
  await page.goto('/programme');
  // Auckland is UTC+13 in December and UTC+12 in its winter.
  await expect(page.getByText(/your time, UTC\+1[23]\)/).first()).toBeVisible();
  await signInAs(page, 'owner', '/admin');
  for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/account']) {
    expect(await violations(page, path)).toEqual([]);
  }
  // A client-side navigation between admin pages still works.
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await context.close();
});

test('an address with broken percent-encoding is a plain 400 with the usual headers, never a 500', async ({
  request,
}) => {
  for (const path of ['/sessions/%ff%fe', '/tickets/%00%ff/qr.png', '/orders/%c3%28/calendar.ics', '/admin/%ff']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toBe('This address is not valid.\n');
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(response.headers()['content-security-policy'], path).toContain("default-src 'self'");
  }
  expect((await request.get('/sessions/caf%C3%A9')).status()).toBe(404);
});

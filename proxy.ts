// First gate only: sends visitors without a session cookie from /admin to the sign-in page and back afterwards.
// It never decides access: every admin page and action checks the session and role itself (app/_lib/authz.ts).
// It also puts the security headers on every response (lib/http/security-headers.ts), with a fresh CSP nonce
// that Next.js reads from the request's Content-Security-Policy header and puts on its own scripts; and it sends
// the plain addresses of the cached public pages to their cached routes (lib/http/public-cache.ts), whose CSP
// allows their inline scripts by hash instead (added by scripts/server.ts once the HTML is known).
import { NextResponse, type NextRequest } from 'next/server';
import { TEST_CLOCK_COOKIE } from '@/lib/adapters/offset-clock';
import { cachedPagePath, isLocale } from '@/lib/http/public-cache';
import { createNonce, securityHeaders } from '@/lib/http/security-headers';

// Auth.js session cookie, "__Secure-" prefixed over HTTPS, split into ".0", ".1", ... when large.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

function adminGate(request: NextRequest, headers: Headers): NextResponse {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name) && c.value);
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = new URLSearchParams({ callbackUrl: `${pathname}${search}` }).toString();
    return NextResponse.redirect(url);
  }
  // Lets the admin layout send an expired session back to the page that was asked for. Set here, never trusted
  // for access: it is only ever passed through safeCallbackUrl.
  headers.set('x-admin-path', `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return !pathname.includes('%00');
  } catch {
    return false;
  }
}

/** The cached routes answer only through their plain addresses: /en/programme is not an address of its own. */
function isCachedRoute(pathname: string): boolean {
  const first = pathname.split('/')[1] ?? '';
  return isLocale(first);
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const cached = cachedPagePath(request.method, pathname, search, {
    testClock: request.cookies.has(TEST_CLOCK_COOKIE),
  });
  // `next dev` renders every page per request (no cache), and the hashes are added by the production server only.
  const hashed = cached !== null && process.env.NODE_ENV === 'production';
  const nonce = hashed ? undefined : createNonce();
  const security = securityHeaders({
    pathname,
    search,
    nonce,
    development: process.env.NODE_ENV === 'development',
    production: process.env.NODE_ENV === 'production',
  });
  // An address whose percent-encoding is not valid UTF-8 (/sessions/%ff) cannot name anything here: a plain 400,
  // before routing would fail on decoding it.
  if (!decodable(pathname)) {
    const refused = new NextResponse('This address is not valid.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    for (const [name, value] of Object.entries(security)) refused.headers.set(name, value);
    return refused;
  }
  if (isCachedRoute(pathname)) {
    const refused = new NextResponse('Not found.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
    for (const [name, value] of Object.entries(security)) refused.headers.set(name, value);
    return refused;
  }
  const headers = new Headers(request.headers);
  if (cached) {
    // No nonce in production: the page comes from the cache, rendered once for everyone.
    if (hashed) headers.delete('content-security-policy');
    else headers.set('content-security-policy', security['Content-Security-Policy']!);
    const url = request.nextUrl.clone();
    url.pathname = cached;
    const response = NextResponse.rewrite(url, { request: { headers } });
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    return response;
  }
  headers.set('content-security-policy', security['Content-Security-Policy']!);
  headers.set('x-nonce', nonce!);
  const isAdmin = pathname === '/admin' || pathname.startsWith('/admin/');
  const response = isAdmin ? adminGate(request, headers) : NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every route, static files included, so every response carries the security headers.
  matcher: ['/:path*'],
};

// First gate only: sends visitors without a session cookie from /admin to the sign-in page and back afterwards.
// It never decides access: every admin page and action checks the session and role itself (app/_lib/authz.ts).
import { NextResponse, type NextRequest } from 'next/server';

// Auth.js session cookie, "__Secure-" prefixed over HTTPS, split into ".0", ".1", ... when large.
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
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
  const headers = new Headers(request.headers);
  headers.set('x-admin-path', `${pathname}${search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/admin', '/admin/:path*'],
};

// Which public pages are served from the framework's cache (Next.js incremental static regeneration) and where
// they live. The attendee-facing pages that are the same for everyone (home, programme, speakers, a session,
// registration's first step, the privacy notice, and the public API's programme and ticket types) are rendered at most once a second and on every organizer edit,
// then served to everyone from the cache: a crowd refreshing them when registration opens costs no database
// reads. proxy.ts rewrites their plain addresses to the cached routes under app/(public)/[locale]/, and the
// server (scripts/server.ts) gives those responses a hash-based CSP. Addresses with a query string (filters,
// a voucher, a waiting-list offer) stay on the per-request pages at their own paths.
// Pure: no Next.js, no Node APIs; proxy.ts, the server and the tests share it.

/** The languages the attendee side is served in; the first is the default, served without a prefix. */
export const LOCALES = ['en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** How old, in seconds, a cached public page may be before the next visit renders it again. */
export const PUBLIC_PAGE_MAX_AGE_SECONDS = 1;

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const CACHED = [
  /^\/$/,
  /^\/programme$/,
  /^\/speakers$/,
  new RegExp(`^/speakers/${SLUG}$`),
  new RegExp(`^/sessions/${SLUG}$`),
  /^\/register$/,
  /^\/privacy$/,
  /^\/api\/v1\/sessions$/,
  /^\/api\/v1\/ticket-types$/,
];

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

// Pages that also have a per-request variant at their own path, which reads the clock per request.
const PER_REQUEST_VARIANT = new Set(['/programme', '/register', '/api/v1/ticket-types']);

/**
 * The cached route that serves this address, or null when the address is rendered per request: only plain
 * addresses of the pages above (no query string but the client router's `_rsc`), GET or HEAD. With `testClock` (the end-to-end tests' shifted
 * clock, lib/adapters/offset-clock.ts), pages with a per-request variant use it, so the shifted time shows.
 */
export function cachedPagePath(
  method: string,
  pathname: string,
  search: string,
  { testClock = false }: { testClock?: boolean } = {},
): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  // `_rsc` is the client router's cache-buster on its own fetches of a page (navigations, prefetches): the same
  // page, so the same cached copy.
  const query = new URLSearchParams(search);
  query.delete('_rsc');
  if (query.size > 0) return null;
  if (testClock && PER_REQUEST_VARIANT.has(pathname)) return null;
  if (!CACHED.some((pattern) => pattern.test(pathname))) return null;
  return pathname === '/' ? `/${DEFAULT_LOCALE}` : `/${DEFAULT_LOCALE}${pathname}`;
}

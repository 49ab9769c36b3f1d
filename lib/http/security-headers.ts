// The security headers every response carries, built per request by proxy.ts. On pages rendered per request,
// scripts run only with the request's nonce (Next.js reads it from the Content-Security-Policy request header and
// puts it on its own scripts). Pages served from the framework's cache (lib/http/public-cache.ts) cannot carry a
// per-request nonce, so their inline scripts are allowed by their SHA-256 hashes instead, which the server adds
// once the page's HTML is known (scripts/lib/hashed-csp.ts). Pages holding personal data are never stored by
// caches; pages whose URL holds a secret never send it to another site in a Referer. Pure: no Next.js, so the
// unit tests read exactly what is sent.

export interface SecurityHeaderInput {
  pathname: string;
  /** The query string (with or without its "?"), for links that carry a secret in it. */
  search?: string;
  /** A fresh value per request (createNonce); absent for pages served from the cache (see scriptHashes). */
  nonce?: string;
  /** For cached pages: the 'sha256-…' sources of their inline scripts (none yet: the server adds them). */
  scriptHashes?: string[];
  /** `next dev`: React's debugging aids need eval. Never in production. */
  development?: boolean;
  /** `next start`: adds Strict-Transport-Security. */
  production?: boolean;
}

// Where a paid Checkout Session lives: without JavaScript, "Pay now" posts to our page, which answers with a
// redirect there, and browsers apply form-action to that redirect too.
export const STRIPE_CHECKOUT_ORIGIN = 'https://checkout.stripe.com';

// The check-in scanner needs the camera on our own pages; nothing needs the rest.
export const PERMISSIONS_POLICY = [
  'camera=(self)',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'midi=()',
  'accelerometer=()',
  'gyroscope=()',
  'magnetometer=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** A nonce for one response: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

const HASH_SOURCE = /^'sha256-[A-Za-z0-9+/]{43}='$/;

/**
 * The policy for one response. With a nonce (pages rendered per request): 'strict-dynamic' lets the nonce'd
 * bootstrap load Next's chunks, 'self' is the fallback for browsers without it. With hashes (cached pages):
 * exactly those inline scripts, and script files from our own origin. No 'unsafe-inline' for scripts, ever.
 */
export function contentSecurityPolicy(
  scripts: string | { hashes: string[] },
  { development = false }: { development?: boolean } = {},
): string {
  let scriptSrc: string;
  if (typeof scripts === 'string') {
    if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(scripts)) throw new Error('A CSP nonce must be at least 16 base64 characters');
    scriptSrc = `script-src 'self' 'nonce-${scripts}' 'strict-dynamic'`;
  } else {
    const bad = scripts.hashes.find((h) => !HASH_SOURCE.test(h));
    if (bad !== undefined) throw new Error(`Not a CSP sha256 source: ${bad}`);
    scriptSrc = ["script-src 'self'", ...new Set(scripts.hashes)].join(' ');
  }
  return [
    "default-src 'self'",
    `${scriptSrc}${development ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes and Next injects <style> elements at run time; neither can carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    `form-action 'self' ${STRIPE_CHECKOUT_ORIGIN}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

function under(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Pages and API answers with personal data: an order, a ticket, staff screens, account links. */
export function holdsPersonalData(pathname: string): boolean {
  const p = pathname.toLowerCase();
  return ['/admin', '/api/admin', '/orders', '/tickets', '/setup', '/api/auth', '/api/v1/orders', '/dev/checkout'].some(
    (prefix) => under(p, prefix),
  );
}

/** URLs whose path or query is a bearer secret: order and ticket links, account set-up, waiting-list offers and confirmations. */
export function carriesSecretInUrl(pathname: string, search = ''): boolean {
  const p = pathname.toLowerCase();
  if (['/orders', '/tickets', '/setup', '/register/waitlist/confirm'].some((prefix) => under(p, prefix))) return true;
  return new URLSearchParams(search).has('offer');
}

/**
 * Every header for one response. Referrer-Policy is "same-origin" (not "no-referrer") on secret-bearing pages:
 * no other site ever sees the URL, while the browser still sends our own Origin with form posts, which Next.js
 * requires of server actions ("no-referrer" makes it send `Origin: null`, and the action is refused).
 */
export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(
      input.nonce === undefined ? { hashes: input.scriptHashes ?? [] } : input.nonce,
      { development: input.development },
    ),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': carriesSecretInUrl(input.pathname, input.search)
      ? 'same-origin'
      : 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (holdsPersonalData(input.pathname) || carriesSecretInUrl(input.pathname, input.search)) {
    headers['Cache-Control'] = 'private, no-store, max-age=0';
  }
  if (input.production) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}

// Where to send someone after signing in. Only a path on this site is accepted, never another origin, so the
// sign-in page cannot be used as an open redirect.
const BASE = 'http://callback.invalid';

export const DEFAULT_CALLBACK_URL = '/admin';

/**
 * The value as a same-site relative path ("/admin/orders?x=1"), or the fallback. Refuses absolute URLs,
 * protocol-relative "//host", backslash tricks ("/\\host") and control characters, which browsers strip or
 * reinterpret.
 */
export function safeCallbackUrl(value: unknown, fallback: string = DEFAULT_CALLBACK_URL): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//')) return fallback;
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}

/** The sign-in page URL that comes back to `path` afterwards. */
export function signInUrl(path: string): string {
  return `/sign-in?${new URLSearchParams({ callbackUrl: safeCallbackUrl(path) })}`;
}

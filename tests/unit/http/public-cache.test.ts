// Which addresses are served from the cache (lib/http/public-cache.ts), and the hashes that let their inline
// scripts run (lib/http/script-hashes.ts), and the policy built from them (lib/http/security-headers.ts).
import { describe, expect, it } from 'vitest';
import { cachedPagePath, isLocale } from '@/lib/http/public-cache';
import { inlineScriptHashes } from '@/lib/http/script-hashes';
import { contentSecurityPolicy, securityHeaders } from '@/lib/http/security-headers';

describe('cachedPagePath', () => {
  it.each([
    ['/', '/en'],
    ['/programme', '/en/programme'],
    ['/speakers', '/en/speakers'],
    ['/speakers/ana-lopez', '/en/speakers/ana-lopez'],
    ['/sessions/opening-keynote', '/en/sessions/opening-keynote'],
    ['/register', '/en/register'],
    ['/privacy', '/en/privacy'],
    ['/api/v1/sessions', '/en/api/v1/sessions'],
    ['/api/v1/ticket-types', '/en/api/v1/ticket-types'],
  ])('serves the plain address %s from %s', (pathname, route) => {
    expect(cachedPagePath('GET', pathname, '')).toBe(route);
    expect(cachedPagePath('HEAD', pathname, '?')).toBe(route);
    // The client router's own fetch of the same page (a navigation or a prefetch).
    expect(cachedPagePath('GET', pathname, '?_rsc=1x2y3')).toBe(route);
  });

  it.each([
    ['GET', '/programme', '?day=all'],
    ['GET', '/programme', '?_rsc=abc&day=all'],
    ['GET', '/register', '?voucher=ABC'],
    ['GET', '/api/v1/sessions', '?q=stress'],
    ['POST', '/register', ''],
    ['POST', '/api/v1/ticket-types', ''],
    ['GET', '/orders/abc', ''],
    ['GET', '/admin', ''],
    ['GET', '/register/details', ''],
    ['GET', '/sessions/Not_A_Slug', ''],
    ['GET', '/sessions/a/b', ''],
    ['GET', '/programme/', ''],
    ['GET', '/en/programme', ''],
  ])('renders %s %s%s per request', (method, pathname, search) => {
    expect(cachedPagePath(method, pathname, search)).toBeNull();
  });

  it('lets the tests’ shifted clock reach the pages that read the clock, and only those', () => {
    expect(cachedPagePath('GET', '/register', '', { testClock: true })).toBeNull();
    expect(cachedPagePath('GET', '/api/v1/ticket-types', '', { testClock: true })).toBeNull();
    expect(cachedPagePath('GET', '/', '', { testClock: true })).toBe('/en');
  });

  it('knows its locales', () => {
    expect(isLocale('en')).toBe(true);
    expect(isLocale('xx')).toBe(false);
  });
});

describe('inlineScriptHashes', () => {
  it('hashes each distinct inline script exactly as sent, skipping scripts with a src and empty ones', () => {
    const html =
      '<html><head><script src="/_next/static/a.js" async=""></script><script>alert(1)</script></head>' +
      '<body><script id="x">self.__next_f.push([0])</script><script>alert(1)</script><script></script>' +
      '<SCRIPT type="text/javascript">alert(1)</SCRIPT ></body></html>';
    // Known vectors: printf 'alert(1)' | openssl dgst -sha256 -binary | base64, and so on.
    expect(inlineScriptHashes(html)).toEqual([
      "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
      "'sha256-VXfQxoId3eHgS78yBQY2mYYWuOAzZGdxULBMV816UdU='",
    ]);
  });

  it('finds nothing in a page without inline scripts', () => {
    expect(inlineScriptHashes('<p>Hello</p><script src="/a.js"></script>')).toEqual([]);
  });
});

describe('the policy of a cached page', () => {
  it('allows its own origin and the given hashes, never a nonce, unsafe-inline or strict-dynamic', () => {
    const hash = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
    const csp = contentSecurityPolicy({ hashes: [hash, hash] });
    expect(/script-src ([^;]+)/.exec(csp)?.[1]).toBe(`'self' ${hash}`);
    expect(csp).not.toMatch(/nonce-|unsafe-inline'? *;?.*script|strict-dynamic/);
  });

  it('refuses anything but a sha256 source', () => {
    expect(() => contentSecurityPolicy({ hashes: ["'unsafe-inline'"] })).toThrow(/sha256/);
    expect(() => contentSecurityPolicy({ hashes: ["'sha256-short='"] })).toThrow(/sha256/);
  });

  it('is what securityHeaders sends without a nonce', () => {
    const headers = securityHeaders({ pathname: '/programme' });
    expect(headers['Content-Security-Policy']).toContain("script-src 'self';");
    expect(headers['Cache-Control']).toBeUndefined();
  });
});

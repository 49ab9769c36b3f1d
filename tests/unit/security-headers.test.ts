// The security header builder: a nonce-based script policy with no 'unsafe-inline' for scripts, the framing,
// form and plugin limits, no-store exactly where personal data is, "same-origin" referrers where the URL holds a
// secret, the camera kept for the scanner, and HSTS only from the production server.
import { describe, expect, it } from 'vitest';
import {
  carriesSecretInUrl,
  contentSecurityPolicy,
  createNonce,
  holdsPersonalData,
  securityHeaders,
  STRIPE_CHECKOUT_ORIGIN,
} from '@/lib/http/security-headers';

const NONCE = 'AAAAAAAAAAAAAAAAAAAAAA==';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('contentSecurityPolicy', () => {
  it('allows scripts only from this origin with the nonce, never inline or eval in production', () => {
    const csp = directives(contentSecurityPolicy(NONCE));
    expect(csp.get('script-src')).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
    expect(contentSecurityPolicy(NONCE)).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'", STRIPE_CHECKOUT_ORIGIN]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('adds eval for the development server only (React debugging aids)', () => {
    expect(directives(contentSecurityPolicy(NONCE, { development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("abc'; script-src *")).toThrow();
    expect(() => contentSecurityPolicy('short')).toThrow();
  });
});

describe('createNonce', () => {
  it('is fresh every time and fits the policy', () => {
    const a = createNonce();
    const b = createNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
    expect(() => contentSecurityPolicy(a)).not.toThrow();
  });
});

describe('securityHeaders', () => {
  it('sends the fixed headers on every path', () => {
    for (const pathname of ['/', '/programme', '/api/v1/sessions', '/_next/static/chunks/app.js', '/admin']) {
      const h = securityHeaders({ pathname, nonce: NONCE });
      expect(h['Content-Security-Policy']).toContain(`'nonce-${NONCE}'`);
      expect(h['X-Content-Type-Options']).toBe('nosniff');
      expect(h['X-Frame-Options']).toBe('DENY');
      expect(h['Permissions-Policy']).toContain('camera=(self)');
      expect(h['Permissions-Policy']).toContain('microphone=()');
      expect(h['Permissions-Policy']).toContain('geolocation=()');
    }
  });

  it('marks pages with personal data no-store, and leaves public pages cacheable', () => {
    for (const pathname of [
      '/admin',
      '/admin/orders/1',
      '/orders/abc',
      '/orders/abc/receipt',
      '/api/admin/export/attendees.csv',
      '/tickets/t/qr.png',
      '/setup/x',
      '/ADMIN/users',
    ]) {
      expect(securityHeaders({ pathname, nonce: NONCE })['Cache-Control'], pathname).toMatch(/no-store/);
    }
    for (const pathname of [
      '/',
      '/programme',
      '/sessions/a',
      '/api/v1/sessions',
      '/administrator',
      '/orders-info',
      '/_next/static/x.js',
    ]) {
      expect(securityHeaders({ pathname, nonce: NONCE })['Cache-Control'], pathname).toBeUndefined();
    }
    expect(securityHeaders({ pathname: '/register', search: '?offer=secret', nonce: NONCE })['Cache-Control']).toMatch(
      /no-store/,
    );
  });

  it('keeps secret-bearing URLs from other sites in the Referer, elsewhere strict-origin-when-cross-origin', () => {
    expect(securityHeaders({ pathname: '/orders/abc', nonce: NONCE })['Referrer-Policy']).toBe('same-origin');
    expect(securityHeaders({ pathname: '/tickets/abc/qr.png', nonce: NONCE })['Referrer-Policy']).toBe('same-origin');
    expect(securityHeaders({ pathname: '/register', search: 'offer=x', nonce: NONCE })['Referrer-Policy']).toBe(
      'same-origin',
    );
    const confirm = securityHeaders({ pathname: '/register/waitlist/confirm/secret-token', nonce: NONCE });
    expect(confirm['Referrer-Policy']).toBe('same-origin');
    expect(confirm['Cache-Control']).toMatch(/no-store/);
    expect(
      securityHeaders({ pathname: '/register/waitlist', search: '?ticketType=x', nonce: NONCE })['Referrer-Policy'],
    ).toBe('strict-origin-when-cross-origin');
    expect(securityHeaders({ pathname: '/register', nonce: NONCE })['Referrer-Policy']).toBe(
      'strict-origin-when-cross-origin',
    );
    expect(securityHeaders({ pathname: '/admin', nonce: NONCE })['Referrer-Policy']).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('sends HSTS from the production server only', () => {
    expect(securityHeaders({ pathname: '/', nonce: NONCE, production: true })['Strict-Transport-Security']).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect(securityHeaders({ pathname: '/', nonce: NONCE })['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('path rules', () => {
  it('match whole path segments only', () => {
    expect(holdsPersonalData('/admin')).toBe(true);
    expect(holdsPersonalData('/adminx')).toBe(false);
    expect(carriesSecretInUrl('/orders')).toBe(true);
    expect(carriesSecretInUrl('/ordersx/a')).toBe(false);
    expect(carriesSecretInUrl('/register', '?voucher=X')).toBe(false);
  });
});

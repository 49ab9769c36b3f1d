import { describe, expect, it } from 'vitest';
import { safeCallbackUrl, signInUrl } from '@/lib/auth/callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths with their query and fragment', () => {
    expect(safeCallbackUrl('/admin')).toBe('/admin');
    expect(safeCallbackUrl('/admin/orders?status=paid&page=2#top')).toBe('/admin/orders?status=paid&page=2#top');
    expect(safeCallbackUrl('/admin/../admin/x')).toBe('/admin/x');
  });

  it.each([
    ['absolute URL', 'https://evil.example/admin'],
    ['protocol-relative URL', '//evil.example'],
    ['backslash host', '/\\evil.example'],
    ['backslash after slash', '\\\\evil.example'],
    ['tab inside the slashes', '/\t/evil.example'],
    ['newline inside the slashes', '/\n/evil.example'],
    ['javascript URL', 'javascript:alert(1)'],
    ['relative path', 'admin'],
    ['empty string', ''],
    ['dot segments climbing to a second slash', '/.//evil.example'],
  ])('refuses a %s', (_name, value) => {
    expect(safeCallbackUrl(value)).toBe('/admin');
  });

  it('refuses non-strings and very long values, with the given fallback', () => {
    expect(safeCallbackUrl(undefined)).toBe('/admin');
    expect(safeCallbackUrl(['/admin/x'])).toBe('/admin');
    expect(safeCallbackUrl(`/${'a'.repeat(3000)}`, '/')).toBe('/');
  });

  it('builds a sign-in URL that comes back to the page', () => {
    expect(signInUrl('/admin/orders?x=1')).toBe('/sign-in?callbackUrl=%2Fadmin%2Forders%3Fx%3D1');
    expect(signInUrl('//evil.example')).toBe('/sign-in?callbackUrl=%2Fadmin');
  });
});

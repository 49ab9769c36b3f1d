import { describe, expect, it } from 'vitest';
import { clientKeyFromHeaders } from '@/lib/auth/client-key';

const h = (values: Record<string, string>) => new Headers(values);

describe('clientKeyFromHeaders', () => {
  it('takes the rightmost X-Forwarded-For entry, the one the nearest proxy appended', () => {
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': '10.0.0.1, 203.0.113.7' }), true)).toBe('203.0.113.7');
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': '203.0.113.7' }), false)).toBe('203.0.113.7');
  });

  it('unwraps IPv4-mapped IPv6 and strips ports', () => {
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': '::ffff:127.0.0.1' }), false)).toBe('127.0.0.1');
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': '203.0.113.7:51234' }), true)).toBe('203.0.113.7');
  });

  it('groups IPv6 clients by their /64', () => {
    const a = clientKeyFromHeaders(h({ 'x-forwarded-for': '2001:db8:1:2::1' }), true);
    const b = clientKeyFromHeaders(h({ 'x-forwarded-for': '2001:0db8:0001:0002:ffff:1:2:3' }), true);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': '::1' }), false)).toBe('0:0:0:0::/64');
  });

  it('uses X-Real-IP only behind a trusted proxy, and "unknown" for garbage', () => {
    expect(clientKeyFromHeaders(h({ 'x-real-ip': '198.51.100.4' }), true)).toBe('198.51.100.4');
    expect(clientKeyFromHeaders(h({ 'x-real-ip': '198.51.100.4' }), false)).toBe('unknown');
    expect(clientKeyFromHeaders(h({ 'x-forwarded-for': 'not an address' }), false)).toBe('unknown');
    expect(clientKeyFromHeaders(h({}), false)).toBe('unknown');
  });
});

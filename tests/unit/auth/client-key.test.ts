import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientAddress, clientKey, SOCKET_ADDRESS_HEADER, UNKNOWN_CLIENT } from '@/lib/auth/client-key';
import { pseudonymousKey } from '@/lib/tokens';

const h = (values: Record<string, string>) => new Headers(values);
const direct = { TRUST_PROXY: false, TRUST_PROXY_HOPS: 1 };
const proxied = (hops = 1) => ({ TRUST_PROXY: true, TRUST_PROXY_HOPS: hops });
const socket = (address: string, extra: Record<string, string> = {}) =>
  h({ [SOCKET_ADDRESS_HEADER]: address, ...extra });

describe('clientAddress without TRUST_PROXY', () => {
  it('takes the socket address our server sets', () => {
    expect(clientAddress(socket('203.0.113.7'), direct)).toBe('203.0.113.7');
  });

  it('ignores a client-sent X-Forwarded-For and X-Real-IP entirely', () => {
    const spoofed = socket('203.0.113.7', {
      'x-forwarded-for': '198.51.100.1, 198.51.100.2',
      'x-real-ip': '198.51.100.3',
    });
    expect(clientAddress(spoofed, direct)).toBe('203.0.113.7');
    // Every spoofed value lands on the same key: the socket's.
    const keys = new Set(
      ['10.0.0.1', '10.0.0.2', '2001:db8::1'].map((v) =>
        clientAddress(socket('203.0.113.7', { 'x-forwarded-for': v }), direct),
      ),
    );
    expect([...keys]).toEqual(['203.0.113.7']);
  });

  it('answers unknown without the socket header, whatever else the request says', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.7' }), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(h({}), direct)).toBe(UNKNOWN_CLIENT);
  });

  it('refuses a socket header that is not one address', () => {
    expect(clientAddress(socket('not an address'), direct)).toBe(UNKNOWN_CLIENT);
    expect(clientAddress(socket('203.0.113.7, 198.51.100.1'), direct)).toBe(UNKNOWN_CLIENT);
  });

  it('unwraps IPv4-mapped IPv6 and strips ports', () => {
    expect(clientAddress(socket('::ffff:127.0.0.1'), direct)).toBe('127.0.0.1');
    expect(clientAddress(socket('203.0.113.7:51234'), direct)).toBe('203.0.113.7');
  });

  it('groups IPv6 clients by their /64', () => {
    const a = clientAddress(socket('2001:db8:1:2::1'), direct);
    const b = clientAddress(socket('2001:0db8:0001:0002:ffff:1:2:3'), direct);
    expect(a).toBe('2001:db8:1:2::/64');
    expect(b).toBe(a);
    expect(clientAddress(socket('[2001:db8:1:3::1]'), direct)).toBe('2001:db8:1:3::/64');
    expect(clientAddress(socket('::1'), direct)).toBe('0:0:0:0::/64');
  });
});

describe('clientAddress with TRUST_PROXY', () => {
  it('takes the right-most X-Forwarded-For entry with one hop, never the client-written left-most', () => {
    const request = socket('10.0.0.5', { 'x-forwarded-for': '198.51.100.66, 203.0.113.7' });
    expect(clientAddress(request, proxied(1))).toBe('203.0.113.7');
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': '203.0.113.7' }), proxied(1))).toBe('203.0.113.7');
  });

  it('counts TRUST_PROXY_HOPS from the right', () => {
    const chain = '198.51.100.66, 203.0.113.7, 10.1.1.1';
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': chain }), proxied(2))).toBe('203.0.113.7');
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': chain }), proxied(3))).toBe('198.51.100.66');
  });

  it('falls back to the socket address when the header has fewer entries than hops (it skipped a proxy)', () => {
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': '203.0.113.7' }), proxied(2))).toBe('10.0.0.5');
    expect(clientAddress(socket('10.0.0.5'), proxied(1))).toBe('10.0.0.5');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.7' }), proxied(2))).toBe(UNKNOWN_CLIENT);
  });

  it('falls back to the socket address when the trusted entry is unreadable, and never reads X-Real-IP', () => {
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': '203.0.113.7, garbage' }), proxied(1))).toBe(
      '10.0.0.5',
    );
    expect(clientAddress(socket('10.0.0.5', { 'x-real-ip': '198.51.100.4' }), proxied(1))).toBe('10.0.0.5');
    expect(clientAddress(h({ 'x-real-ip': '198.51.100.4' }), proxied(1))).toBe(UNKNOWN_CLIENT);
  });

  it('gives a client that prepends made-up entries the same key every time', () => {
    const keys = new Set(
      Array.from({ length: 5 }, (_, i) =>
        clientAddress(socket('10.0.0.5', { 'x-forwarded-for': `192.0.2.${i}, 203.0.113.7` }), proxied(1)),
      ),
    );
    expect([...keys]).toEqual(['203.0.113.7']);
  });

  it('groups IPv6 entries by their /64', () => {
    expect(clientAddress(socket('10.0.0.5', { 'x-forwarded-for': '2001:db8:1:2::1' }), proxied(1))).toBe(
      '2001:db8:1:2::/64',
    );
  });
});

describe('clientKey', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a keyed hash of the address, never the address itself', () => {
    const config = { ...direct, AUTH_SECRET: 'a-secret-of-sixteen-chars' };
    const key = clientKey(socket('203.0.113.7'), config);
    expect(key).toBe(pseudonymousKey('203.0.113.7', config.AUTH_SECRET));
    expect(key).not.toContain('203');
    expect(clientKey(socket('203.0.113.7', { 'x-forwarded-for': '198.51.100.1' }), config)).toBe(key);
  });

  it('answers the fixed unknown key without an address, and logs nothing personal', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const config = { ...direct, AUTH_SECRET: undefined };
    expect(clientKey(h({ 'x-forwarded-for': '198.51.100.23' }), config)).toBe(UNKNOWN_CLIENT);
    expect(clientKey(h({}), config)).toBe(UNKNOWN_CLIENT);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('198.51.100.23');
  });
});

// Which client a sign-in attempt comes from, for the per-client throttle. Best effort by design: the per-account
// limit is what stops password guessing; this one slows down one client spraying many accounts.
import { isIP } from 'node:net';

interface HeaderSource {
  get(name: string): string | null;
}

/** Groups IPv6 addresses by their /64, which one client typically owns whole. */
function normalise(address: string): string | null {
  let ip = address.trim();
  if (ip.startsWith('[') && ip.includes(']')) ip = ip.slice(1, ip.indexOf(']'));
  // Some proxies append the client's port: "203.0.113.9:51234".
  if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(ip)) ip = ip.slice(0, ip.lastIndexOf(':'));
  if (ip.toLowerCase().startsWith('::ffff:') && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  const kind = isIP(ip);
  if (kind === 4) return ip;
  if (kind !== 6) return null;
  const bare = ip.toLowerCase().split('%')[0] ?? '';
  let groups = bare.split(':');
  if (bare.includes('::')) {
    const [head = '', tail = ''] = bare.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  }
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

function lastEntry(header: string | null): string | null {
  if (!header) return null;
  const entries = header.split(',');
  return normalise(entries[entries.length - 1] ?? '');
}

/**
 * With TRUST_PROXY, the rightmost X-Forwarded-For entry: the address our own reverse proxy saw and appended.
 * Without it, the X-Forwarded-For that `next start` sets from the socket. Limitation: `next start` only sets it
 * when the request has none (`??=`), so a client talking to it directly can pre-set the header and pick its own
 * key. That only evades the per-client limit; the per-account limit still holds, whatever the header says.
 */
export function clientKeyFromHeaders(headers: HeaderSource, trustProxy: boolean): string {
  const forwarded = lastEntry(headers.get('x-forwarded-for'));
  if (forwarded) return forwarded;
  // X-Real-IP is only meaningful when a proxy we trust sets it; nothing on our side does otherwise.
  if (trustProxy) return normalise(headers.get('x-real-ip') ?? '') ?? 'unknown';
  return 'unknown';
}

// Which client a request comes from, for every per-client limit (sign-in throttle, order rate limit, hold cap,
// "find my registration"). Only an address written by a party we trust counts: our own HTTP server (the socket
// address header, which it overwrites on every request) or, with TRUST_PROXY, the configured proxy hop.
import { isIP } from 'node:net';
import type { Env } from '../env';
import { pseudonymousKey } from '../tokens';

/** Set by our HTTP server (scripts/server.ts) to the socket's remote address; any client-sent copy is removed. */
export const SOCKET_ADDRESS_HEADER = 'x-conference-socket-address';
/** The key of every request whose address cannot be told: they all count as one client. */
export const UNKNOWN_CLIENT = 'unknown';

export interface HeaderSource {
  get(name: string): string | null;
}

export type ClientKeyConfig = Pick<Env, 'TRUST_PROXY' | 'TRUST_PROXY_HOPS'>;

/** Groups IPv6 addresses by their /64, which one client typically owns whole. Null if not one address. */
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
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * The client's address (IPv6 as its /64), or UNKNOWN_CLIENT.
 * - TRUST_PROXY=false: the socket address only; X-Forwarded-For and X-Real-IP are ignored, since anyone can send them.
 * - TRUST_PROXY=true: the X-Forwarded-For entry TRUST_PROXY_HOPS from the right (1: the right-most, appended by
 *   the one proxy in front of us), never one further left, which the client wrote. A header with fewer entries
 *   than hops (or an unreadable entry there) means the request did not come through every proxy, so the socket
 *   address counts, as without TRUST_PROXY. X-Real-IP is never read: proxies differ in whether they overwrite it.
 */
export function clientAddress(headers: HeaderSource, config: ClientKeyConfig): string {
  if (config.TRUST_PROXY) {
    const entries = (headers.get('x-forwarded-for') ?? '').split(',');
    const hop =
      entries.length >= config.TRUST_PROXY_HOPS ? entries[entries.length - config.TRUST_PROXY_HOPS] : undefined;
    const forwarded = hop === undefined ? null : normalise(hop);
    if (forwarded) return forwarded;
  }
  // One value only: our server sets it once; anything else did not come from it.
  return normalise(headers.get(SOCKET_ADDRESS_HEADER) ?? '') ?? UNKNOWN_CLIENT;
}

let warnedUnknown = false;

/**
 * The key per-client limits count under: a keyed hash of clientAddress (never the address in clear), or
 * UNKNOWN_CLIENT when there is no address to go by (the app is not running behind our server, e.g. a bare
 * `next start`): then every such request shares one key. Logged once per process, without any address.
 */
export function clientKey(headers: HeaderSource, config: ClientKeyConfig & Pick<Env, 'AUTH_SECRET'>): string {
  const address = clientAddress(headers, config);
  if (address === UNKNOWN_CLIENT) {
    if (!warnedUnknown) {
      warnedUnknown = true;
      console.warn(
        `[client-key] a request came without the ${SOCKET_ADDRESS_HEADER} header our server sets: per-client limits count such requests as one client. Serve the app with npm start (scripts/server.ts).`,
      );
    }
    return UNKNOWN_CLIENT;
  }
  return pseudonymousKey(address, config.AUTH_SECRET ?? 'development');
}

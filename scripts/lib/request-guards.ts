// What the web server (scripts/server.ts) does to each request before and after Next.js handles it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../lib/errors';
import { databaseRecentlyUnavailable, type RequestState } from '../../lib/runtime/request-state';

/** The address of the socket a request came in on (lib/auth/client-key.ts reads it). */
export const SOCKET_ADDRESS_HEADER = 'x-conference-socket-address';

/** Drops any client-sent copy of the header, then sets it from the socket. */
export function stampSocketAddress(req: IncomingMessage): void {
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== SOCKET_ADDRESS_HEADER)
      raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  const address = req.socket.remoteAddress ?? '';
  raw.push(SOCKET_ADDRESS_HEADER, address);
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
  req.headers[SOCKET_ADDRESS_HEADER] = address;
}

/**
 * Turns the status line on its way out: a 500 of a request that found the database unreachable, or of any request
 * within a few seconds of one that did (a cached page's shared render reports to one request only), becomes a 503,
 * and a 503 without Retry-After gets one. writeHead is where Node sends every status line, implicit ones included.
 */
export function guardStatus(res: ServerResponse, state: RequestState): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    let status = statusCode;
    if (status === 500 && (state.databaseUnavailable || databaseRecentlyUnavailable())) status = 503;
    if (status === 503 && !this.hasHeader('retry-after'))
      this.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
  } as ServerResponse['writeHead'];
}

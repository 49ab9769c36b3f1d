// The web server's own handling around Next.js (scripts/lib/request-guards.ts), over real HTTP on loopback: the
// socket-address header the app trusts cannot be set by a client, and the status line tells an outage apart.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { markDatabaseUnavailable, OUTAGE_WINDOW_MS, type RequestState } from '@/lib/runtime/request-state';
import { guardStatus, SOCKET_ADDRESS_HEADER, stampSocketAddress } from '@/scripts/lib/request-guards';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the socket address header', () => {
  it('replaces any client-sent copy with the socket address and leaves X-Forwarded-For alone', async () => {
    const url = await serve((req, res) => {
      stampSocketAddress(req);
      const raw = req.rawHeaders.filter(
        (_, i) => i % 2 === 0 && req.rawHeaders[i]!.toLowerCase() === SOCKET_ADDRESS_HEADER,
      );
      res.end(
        JSON.stringify({
          header: req.headers[SOCKET_ADDRESS_HEADER],
          rawCount: raw.length,
          forwarded: req.headers['x-forwarded-for'],
        }),
      );
    });
    const answer = await (
      await fetch(url, { headers: { 'X-Conference-Socket-Address': '203.0.113.7', 'X-Forwarded-For': '198.51.100.1' } })
    ).json();
    expect(answer.header).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(answer.rawCount).toBe(1);
    expect(answer.forwarded).toBe('198.51.100.1');
  });
});

describe('the status line', () => {
  async function statusOf(
    send: (res: ServerResponse) => void,
    state: RequestState,
  ): Promise<{ status: number; retryAfter: string | null }> {
    const url = await serve((_req, res) => {
      guardStatus(res, state);
      send(res);
    });
    const r = await fetch(url);
    return { status: r.status, retryAfter: r.headers.get('retry-after') };
  }

  it('turns the 500 of a request that found the database unreachable into a 503 with Retry-After', async () => {
    const implicit = await statusOf(
      (res) => {
        res.statusCode = 500;
        res.end('Internal Server Error');
      },
      { databaseUnavailable: true },
    );
    expect(implicit).toEqual({ status: 503, retryAfter: '5' });
  });

  it('turns a 500 into a 503 within a few seconds of another request finding the database unreachable', async () => {
    // A cached page's render is shared by the requests waiting for it; Next.js reports its error to one of them.
    markDatabaseUnavailable(Date.now() - 1_000);
    expect(await statusOf((res) => res.writeHead(500).end(), { databaseUnavailable: false })).toEqual({
      status: 503,
      retryAfter: '5',
    });
    markDatabaseUnavailable(Date.now() - OUTAGE_WINDOW_MS - 1_000);
    expect(await statusOf((res) => res.writeHead(500).end(), { databaseUnavailable: false })).toEqual({
      status: 500,
      retryAfter: null,
    });
  });

  it('keeps a 500 that has nothing to do with the database', async () => {
    markDatabaseUnavailable(Date.now() - OUTAGE_WINDOW_MS - 1_000);
    expect(await statusOf((res) => res.writeHead(500).end(), { databaseUnavailable: false })).toEqual({
      status: 500,
      retryAfter: null,
    });
  });

  it('adds a Retry-After to a 503 without one, and keeps one that was set', async () => {
    expect(await statusOf((res) => res.writeHead(503).end(), { databaseUnavailable: false })).toEqual({
      status: 503,
      retryAfter: '5',
    });
    expect(
      await statusOf((res) => res.writeHead(503, { 'Retry-After': '2' }).end(), { databaseUnavailable: false }),
    ).toEqual({ status: 503, retryAfter: '2' });
  });
});

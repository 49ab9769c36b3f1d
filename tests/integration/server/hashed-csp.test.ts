// The hash-based CSP of the cached public pages (scripts/lib/hashed-csp.ts), over real HTTP on loopback, with a
// handler that writes the way Next.js does (headers, flushHeaders, chunks, end).
import { createHash } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { hashCspOfCachedPages } from '@/scripts/lib/hashed-csp';

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

const SCRIPT_A = 'self.__next_f.push([0])';
const SCRIPT_B = 'self.__next_f.push([1,"page data ' + 'x'.repeat(3000) + '"])';
const PAGE = `<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><main>Programme</main><script>${SCRIPT_A}</script><script>${SCRIPT_B}</script></body></html>`;
const hashOf = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** Serves PAGE the way Next.js streams a page, recording the Accept-Encoding the handler saw. */
async function serve(): Promise<{ url: string; seen: (string | undefined)[] }> {
  const seen: (string | undefined)[] = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hashCspOfCachedPages(req, res);
    seen.push(req.headers['accept-encoding']);
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'");
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.flushHeaders();
    const half = Math.floor(PAGE.length / 2);
    res.write(PAGE.slice(0, half));
    setTimeout(() => {
      res.write(Buffer.from(PAGE.slice(half)));
      res.end();
    }, 5);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('hashCspOfCachedPages', () => {
  it('sends a cached page with the hashes of exactly its inline scripts in its CSP', async () => {
    const { url } = await serve();
    const r = await get(`${url}/programme`);
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe(PAGE);
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(PAGE));
    const scriptSrc = /script-src ([^;]+)/.exec(String(r.headers['content-security-policy']))?.[1];
    expect(scriptSrc).toBe(`'self' ${hashOf(SCRIPT_A)} ${hashOf(SCRIPT_B)}`);
  });

  it('gzips it itself when the browser accepts gzip, hiding Accept-Encoding from the page handler', async () => {
    const { url, seen } = await serve();
    const r = await get(`${url}/`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(seen).toEqual([undefined]);
    expect(r.headers['content-encoding']).toBe('gzip');
    expect(r.headers['vary']).toContain('Accept-Encoding');
    expect(gunzipSync(r.body).toString()).toBe(PAGE);
    expect(String(r.headers['content-security-policy'])).toContain(hashOf(SCRIPT_B));
  });

  it('does not gzip when gzip is refused (q=0)', async () => {
    const { url } = await serve();
    const r = await get(`${url}/`, { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(r.headers['content-encoding']).toBeUndefined();
    expect(r.body.toString()).toBe(PAGE);
  });

  it('works out each version of a page once (by its ETag), and a new version again', async () => {
    let version = 1;
    const pageOf = (v: number) =>
      `<html><body><script>self.__next_f.push([${v}])</script>${'x'.repeat(2000)}</body></html>`;
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hashCspOfCachedPages(req, res);
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('ETag', `"v${version}"`);
      res.end(pageOf(version));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/speakers`;
    const first = await get(url, { 'Accept-Encoding': 'gzip' });
    const again = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect(gunzipSync(again.body).toString()).toBe(pageOf(1));
    expect(String(first.headers['content-security-policy'])).toContain(hashOf('self.__next_f.push([1])'));
    version = 2;
    const next = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(gunzipSync(next.body).toString()).toBe(pageOf(2));
    expect(String(next.headers['content-security-policy'])).toContain(hashOf('self.__next_f.push([2])'));
    expect(String(next.headers['content-security-policy'])).not.toContain(hashOf('self.__next_f.push([1])'));
  });

  it('leaves the policy off a 304, so the browser keeps the one that came with the page it holds', async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      hashCspOfCachedPages(req, res);
      res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'");
      res.setHeader('ETag', '"abc"');
      res.statusCode = 304;
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const r = await get(`http://127.0.0.1:${(server.address() as AddressInfo).port}/programme`, {
      'If-None-Match': '"abc"',
    });
    expect(r.status).toBe(304);
    expect(r.headers['content-security-policy']).toBeUndefined();
    expect(r.headers['etag']).toBe('"abc"');
  });

  it.each(['/programme?day=all', '/orders/secret-token', '/register/details'])(
    'leaves %s (rendered per request) untouched',
    async (path) => {
      const { url, seen } = await serve();
      const r = await get(`${url}${path}`, { 'Accept-Encoding': 'gzip' });
      expect(seen).toEqual(['gzip']);
      expect(r.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self'");
      expect(r.body.toString()).toBe(PAGE);
    },
  );
});

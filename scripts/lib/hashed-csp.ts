// The cached public pages' Content-Security-Policy (lib/http/public-cache.ts). Served from the cache, they cannot
// carry a per-request nonce, so their inline scripts (Next.js's bootstrap and page data) are allowed by hash: the
// response is held until Next.js has written all of it, the hashes of its inline scripts go into the policy,
// then it is sent, gzipped here when the browser accepts it (Next.js's own compression is kept off these
// responses by hiding Accept-Encoding from it, since the hashes must be taken of the plain text).
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { TEST_CLOCK_COOKIE } from '../../lib/adapters/offset-clock';
import { cachedPagePath } from '../../lib/http/public-cache';
import { inlineScriptHashes } from '../../lib/http/script-hashes';
import { contentSecurityPolicy } from '../../lib/http/security-headers';

type Chunk = string | Buffer | Uint8Array;
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: Chunk, encoding?: BufferEncoding): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding ?? 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
}

function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(
      ([coding, ...params]) =>
        coding?.trim().toLowerCase() === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p)),
    );
}

/** Hides Accept-Encoding from Next.js (it would compress the body before we can read it). */
function hideAcceptEncoding(req: IncomingMessage): void {
  delete req.headers['accept-encoding'];
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() !== 'accept-encoding') raw.push(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
}

/**
 * What was worked out for one version of a cached page: its policy, and its gzipped body once a browser asked for
 * it. Keyed by the page's ETag (Next.js's hash of the body) and length, so the same HTML, sent to every visitor
 * until the page is rendered again, is scanned, hashed and compressed once, not on every request. A few dozen
 * versions at most are kept.
 */
interface Prepared {
  csp: string | null;
  gzipped: Buffer | null;
}
const prepared = new Map<string, Prepared>();
const PREPARED_MAX = 64;

function preparedFor(key: string | null, compute: () => Prepared): Prepared {
  if (key === null) return compute();
  const known = prepared.get(key);
  if (known) return known;
  const fresh = compute();
  prepared.set(key, fresh);
  if (prepared.size > PREPARED_MAX) prepared.delete(prepared.keys().next().value!);
  return fresh;
}

/**
 * For a GET of a cached public page: holds the response, then sends it with the hashes of its inline scripts in
 * its CSP. Every other request passes through untouched.
 */
export function hashCspOfCachedPages(
  req: IncomingMessage,
  res: ServerResponse,
  options: { development?: boolean } = {},
): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const testClock = (req.headers.cookie ?? '').split(';').some((c) => c.trim().startsWith(`${TEST_CLOCK_COOKIE}=`));
  if (req.method !== 'GET' || !cachedPagePath('GET', url.pathname, url.search, { testClock })) return;
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  hideAcceptEncoding(req);

  const chunks: Buffer[] = [];
  const callbacks: Callback[] = [];
  const writeHead = res.writeHead;
  const end = res.end;

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    this.statusCode = statusCode;
    const headers = rest.find((r) => typeof r === 'object' && r !== null) as OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i]!, headers[i + 1]!);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    }
    return this;
  } as ServerResponse['writeHead'];
  res.flushHeaders = () => {};
  res.write = function (chunk: Chunk, encoding?: BufferEncoding | Callback, callback?: Callback) {
    chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (cb) callbacks.push(cb);
    return true;
  } as ServerResponse['write'];
  res.end = function (
    this: ServerResponse,
    chunk?: Chunk | Callback,
    encoding?: BufferEncoding | Callback,
    callback?: Callback,
  ) {
    if (typeof chunk === 'function') callbacks.push(chunk);
    else if (chunk !== undefined && chunk !== null)
      chunks.push(toBuffer(chunk, typeof encoding === 'string' ? encoding : undefined));
    const cb = typeof encoding === 'function' ? encoding : callback;
    if (cb) callbacks.push(cb);
    let body: Buffer = Buffer.concat(chunks);
    if (this.statusCode === 304) {
      // "Not modified": the browser keeps the page it has, and with it the policy that came with that page. A
      // policy here would replace it (a 304's headers update the stored ones) and block the page's scripts.
      this.removeHeader('Content-Security-Policy');
    } else {
      const etag = this.getHeader('etag');
      const html = String(this.getHeader('content-type') ?? '').startsWith('text/html');
      const version = preparedFor(
        typeof etag === 'string' && this.statusCode === 200 ? `${etag}:${body.length}:${html}` : null,
        () => ({
          csp: html ? contentSecurityPolicy({ hashes: inlineScriptHashes(body.toString('utf8')) }, options) : null,
          gzipped: null,
        }),
      );
      if (version.csp) this.setHeader('Content-Security-Policy', version.csp);
      if (gzip && body.length > 1024 && !this.hasHeader('content-encoding')) {
        version.gzipped ??= gzipSync(body);
        body = version.gzipped;
        this.setHeader('Content-Encoding', 'gzip');
      }
    }
    this.setHeader('Vary', 'Accept-Encoding');
    if (this.statusCode !== 304) this.setHeader('Content-Length', body.length);
    (writeHead as (this: ServerResponse, status: number) => ServerResponse).call(this, this.statusCode);
    return (end as (this: ServerResponse, chunk: Buffer, cb: () => void) => ServerResponse).call(this, body, () => {
      for (const done of callbacks) done();
    });
  } as ServerResponse['end'];
}

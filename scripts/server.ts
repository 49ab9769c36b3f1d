// The production web server: Next.js through its custom-server API on node:http, in place of `next start`, for what
// `next start` cannot do here. Used by `npm start` (scripts/start.ts), the end-to-end tests, the benchmarks and the
// chaos runs:   node --import tsx scripts/server.ts [-p PORT] [-H HOST]   (NEXT_DIST_DIR picks the build, default .next)
//
// - Every request carries `x-conference-socket-address`, the address of the socket it came in on, set here after
//   any client-sent copy is dropped: the one client address the app can trust without a proxy.
// - SIGTERM / SIGINT shut down gracefully (scripts/lib/graceful.ts): stop listening, finish the requests in flight
//   within SHUTDOWN_TIMEOUT_MS, close idle keep-alive connections, stop the email worker and housekeeping, close
//   the database pool, exit 0.
// - A request that failed because the database could not be reached answers 503 with Retry-After instead of 500
//   (instrumentation.ts marks it), and every 503 carries a Retry-After.
// - The cached public pages (lib/http/public-cache.ts) get a CSP that allows their inline scripts by hash
//   (scripts/lib/hashed-csp.ts): a page rendered once for everyone cannot carry a per-request nonce.
// Everything else is Next.js's own handling: proxy.ts (headers, the per-request CSP nonce), compression, static
// files, caching headers.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import next from 'next';
import { installRequestStorage, type RequestState } from '../lib/runtime/request-state';
import { createGracefulShutdown } from './lib/graceful';
import { hashCspOfCachedPages } from './lib/hashed-csp';
import { guardStatus, stampSocketAddress } from './lib/request-guards';

const root = path.resolve(__dirname, '..');
const log = (line: string) => console.log(`[server] ${line}`);

function option(names: string[]): string | undefined {
  const args = process.argv.slice(2);
  const at = args.findIndex((a) => names.includes(a));
  return at >= 0 ? args[at + 1] : undefined;
}

async function main() {
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= 'production';
  env.NEXT_TELEMETRY_DISABLED ??= '1';
  env.NEXT_DIST_DIR ??= '.next';
  // The signals are ours (below). Next.js only installs its own exit-on-signal in `next start`, but says so here too,
  // should a later version install it for custom servers as well.
  env.NEXT_MANUAL_SIG_HANDLE = 'true';
  const port = Number(option(['-p', '--port']) ?? env.PORT ?? 3000);
  const hostname = option(['-H', '--hostname']);
  const timeoutMs = Number(env.SHUTDOWN_TIMEOUT_MS ?? 10_000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: ${port}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0)
    throw new Error('SHUTDOWN_TIMEOUT_MS must be a number of milliseconds');

  const storage = new AsyncLocalStorage<RequestState>();
  installRequestStorage(storage);
  const server = createServer();
  const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
  const graceful = createGracefulShutdown({ server, timeoutMs, log, closeApp: () => app.close() });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      log(`${signal}: finishing the requests in flight, then stopping (at most ${timeoutMs} ms)`);
      void graceful.shutdown().then((code) => process.exit(code));
    });
  }

  await app.prepare();
  const handle = app.getRequestHandler();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    graceful.track(res);
    stampSocketAddress(req);
    const state: RequestState = { databaseUnavailable: false };
    guardStatus(res, state);
    hashCspOfCachedPages(req, res);
    storage
      .run(state, () => handle(req, res))
      .catch((error: unknown) => {
        console.error(`[server] request failed outside Next.js (${error instanceof Error ? error.name : 'unknown'})`);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end('Internal Server Error');
        } else {
          res.destroy();
        }
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => resolve());
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  log(`ready on http://${hostname ?? 'localhost'}:${shown} (build ${env.NEXT_DIST_DIR}, pid ${process.pid})`);
}

main().catch((error: unknown) => {
  console.error(`[server] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

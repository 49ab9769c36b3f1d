// Graceful shutdown of the web server (R14). In order: stop listening (new connections are refused, so a load
// balancer sends them elsewhere); answer the requests in flight, and any that still arrive on open keep-alive
// connections, with `Connection: close`; close connections as soon as they fall idle; meanwhile stop the background
// work registered in lib/runtime/lifecycle.ts (the email worker finishes or releases its jobs, housekeeping
// finishes its pass); after the last request (or the timeout, which cuts what is left), close Next.js and the
// database pools. Resolves with the exit code: 0, also when the timeout cut something (that is logged): the
// process did what a SIGTERM asks, within the time it was given.
import type { Server, ServerResponse } from 'node:http';
import { runShutdownStage } from '../../lib/runtime/lifecycle';

export interface GracefulOptions {
  server: Server;
  timeoutMs: number;
  log: (line: string) => void;
  closeApp: () => Promise<void>;
}

export interface GracefulShutdown {
  /** Counts a request until its response is finished or aborted. */
  track(res: ServerResponse): void;
  shutdown(): Promise<number>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Time left after the requests for closing Next.js and the pools. */
const CLOSE_MS = 2_000;

export function createGracefulShutdown(options: GracefulOptions): GracefulShutdown {
  const { server, log } = options;
  const inFlight = new Set<ServerResponse>();
  let stopping: Promise<number> | null = null;

  function closeAfter(res: ServerResponse): void {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  async function run(): Promise<number> {
    const started = Date.now();
    const deadline = started + options.timeoutMs;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of inFlight) closeAfter(res);
    const background = runShutdownStage('work', deadline);
    while (inFlight.size > 0 && Date.now() < deadline) {
      server.closeIdleConnections();
      await sleep(25);
    }
    const cut = inFlight.size;
    server.closeAllConnections();
    await closed;
    const work = await background;
    const closeBy = Math.max(Date.now(), deadline) + CLOSE_MS;
    await Promise.race([options.closeApp().catch(() => undefined), sleep(CLOSE_MS)]);
    const pools = await runShutdownStage('connections', closeBy);
    const unclosed = pools.filter((p) => !p.ok).map((p) => p.name);
    log(
      `stopped in ${Date.now() - started} ms: ${cut ? `${cut} requests cut at the timeout` : 'every request answered'}` +
        `${work.length ? `; ${work.map((w) => `${w.name} ${w.ok ? `stopped in ${w.ms} ms` : 'did not stop in time'}`).join(', ')}` : ''}` +
        `${unclosed.length ? `; not closed: ${unclosed.join(', ')}` : ''}`,
    );
    return 0;
  }

  return {
    track(res) {
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
      if (stopping) closeAfter(res);
    },
    shutdown() {
      return (stopping ??= run());
    },
  };
}

// R14 for the web server's shutdown (scripts/lib/graceful.ts), over real HTTP on loopback: a request in flight is
// answered in full, new connections are refused, idle keep-alive connections are closed, background work is
// stopped before the pools, and a request that outlives the timeout is cut so the process can exit.
import { Agent, createServer, request, type Server } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { onShutdown } from '@/lib/runtime/lifecycle';
import { createGracefulShutdown } from '@/scripts/lib/graceful';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const silent = () => {};

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server = null;
});

async function start(slowMs: number, timeoutMs: number) {
  const order: string[] = [];
  const s = createServer();
  const graceful = createGracefulShutdown({
    server: s,
    timeoutMs,
    log: silent,
    closeApp: async () => void order.push('app closed'),
  });
  s.on('request', (req, res) => {
    graceful.track(res);
    if (req.url === '/slow') setTimeout(() => res.end('done'), slowMs);
    else res.end('quick');
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  server = s;
  return { port: (s.address() as AddressInfo).port, graceful, order };
}

function get(
  port: number,
  path: string,
  agent?: Agent,
): Promise<{ status: number; body: string; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    });
    req.on('error', reject);
    req.end();
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('graceful shutdown', () => {
  it('answers the request in flight, refuses new connections, closes idle ones, then stops work and pools in that order', async () => {
    const { port, graceful, order } = await start(600, 5_000);
    const unregisterWork = onShutdown('test work', 'work', async () => {
      await sleep(100);
      order.push('work stopped');
    });
    const unregisterPool = onShutdown('test pool', 'connections', async () => void order.push('pool closed'));
    try {
      const agent = new Agent({ keepAlive: true });
      await get(port, '/quick', agent);
      const idleSocketClosed = new Promise<void>((resolve) => {
        for (const sockets of Object.values(agent.freeSockets)) sockets?.[0]?.once('close', () => resolve());
      });
      const inFlight = get(port, '/slow');
      await sleep(100);
      const stopped = graceful.shutdown();
      await sleep(50);
      expect(await refused(port)).toBe(true);
      await idleSocketClosed;
      expect(await inFlight).toEqual({ status: 200, body: 'done', connection: 'close' });
      expect(await stopped).toBe(0);
      expect(order).toEqual(['work stopped', 'app closed', 'pool closed']);
      agent.destroy();
    } finally {
      unregisterWork();
      unregisterPool();
    }
  });

  it('cuts a request that outlives the timeout, and still exits 0', async () => {
    const { port, graceful } = await start(5_000, 300);
    const inFlight = get(port, '/slow').then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(100);
    const started = Date.now();
    expect(await graceful.shutdown()).toBe(0);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await inFlight).toBe('cut');
  });
});

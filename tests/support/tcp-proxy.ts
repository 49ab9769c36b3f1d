// A TCP proxy between the app's pool and PostgreSQL that a test can cut and restore, so that a database outage
// can be staged without stopping a cluster other tests share. Cut: the port stops listening (new connections are
// refused, as with a stopped server) and every open connection is reset on both sides (as a server that went
// away). Restore: the same port listens again.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  readonly isCut: boolean;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function createTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let cut = false;
  let server: net.Server | null = null;
  let port = 0;

  const onConnection = (client: net.Socket) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    const drop = () => {
      client.resetAndDestroy();
      upstream.resetAndDestroy();
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.pipe(upstream);
    upstream.pipe(client);
  };

  async function listen(): Promise<void> {
    const s = net.createServer(onConnection);
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => resolve());
    });
    const address = s.address();
    port = typeof address === 'object' && address ? address.port : port;
    server = s;
  }

  async function stopListening(): Promise<void> {
    const s = server;
    server = null;
    for (const socket of sockets) socket.resetAndDestroy();
    sockets.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  await listen();
  return {
    get port() {
      return port;
    },
    get isCut() {
      return cut;
    },
    urlFor(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    async cut() {
      cut = true;
      await stopListening();
    },
    async restore() {
      if (!cut) return;
      cut = false;
      await listen();
    },
    close: stopListening,
  };
}

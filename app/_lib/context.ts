// The server's AppContext, created lazily on first use (never at build time) and kept for the process. Its pool
// is closed last on SIGTERM (lib/runtime/lifecycle.ts), after the requests and the background work are done.
import 'server-only';
import { createAppContext, type AppContextHandle } from '@/lib/context';
import { parseEnv } from '@/lib/env';
import { onShutdown } from '@/lib/runtime/lifecycle';

const globalForContext = globalThis as unknown as { __appContext?: AppContextHandle };

export function getContext(): AppContextHandle {
  if (!globalForContext.__appContext) {
    const ctx = createAppContext(parseEnv(process.env));
    globalForContext.__appContext = ctx;
    onShutdown('database pool', 'connections', () => ctx.close());
  }
  return globalForContext.__appContext;
}

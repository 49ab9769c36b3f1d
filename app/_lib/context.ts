// The server's AppContext, created lazily on first use (never at build time) and kept for the process.
import 'server-only';
import { createAppContext, type AppContextHandle } from '@/lib/context';
import { parseEnv } from '@/lib/env';

const globalForContext = globalThis as unknown as { __appContext?: AppContextHandle };

export function getContext(): AppContextHandle {
  globalForContext.__appContext ??= createAppContext(parseEnv(process.env));
  return globalForContext.__appContext;
}

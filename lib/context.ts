// The composition root: builds what use cases need from parsed configuration.
import { createDb, type DbOrTx } from '@/db/client';
import { systemClock, type Clock } from './adapters/clock';
import type { Env } from './env';

export interface AppContext {
  db: DbOrTx;
  clock: Clock;
  config: Env;
}

export interface AppContextHandle extends AppContext {
  close: () => Promise<void>;
}

export function createAppContext(env: Env, overrides: Partial<AppContext> = {}): AppContextHandle {
  const handle = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  return {
    db: overrides.db ?? handle.db,
    clock: overrides.clock ?? systemClock,
    config: env,
    close: handle.close,
  };
}

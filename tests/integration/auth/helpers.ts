// Shared set-up for the sign-in tests: a context on the test database with a clock the test moves.
import { createManualClock } from '@/lib/adapters/clock';
import { parseEnv, type Env } from '@/lib/env';
import type { TestDb } from '../../support/test-db';
import { TEST_DATA_ENCRYPTION_KEY } from '../../support/vault';

let clients = 0;

/** A context plus a client address of its own, so one test's failures never count against another's. */
export function authContext(t: Pick<TestDb, 'db' | 'url'>, overrides: Partial<Record<keyof Env, string>> = {}) {
  const clock = createManualClock(new Date('2030-03-01T09:00:00Z'));
  const config = parseEnv({
    NODE_ENV: 'test',
    DATABASE_URL: t.url,
    DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
    ...overrides,
  });
  clients += 1;
  const client = `198.51.${Math.floor(clients / 250)}.${clients % 250}`;
  return { db: t.db, clock, config, client };
}

export const MINUTE = 60_000;

// The composition root: builds what use cases need from parsed configuration.
import { createDb, type DbOrTx } from '@/db/client';
import { systemClock, type Clock } from './adapters/clock';
import { createMailer } from './adapters/mailer';
import type { Mailer } from './adapters/mailer/types';
import { createPaymentGateway } from './adapters/payments';
import type { PaymentGateway } from './adapters/payments/types';
import type { Env } from './env';

export interface AppContext {
  db: DbOrTx;
  clock: Clock;
  config: Env;
  payments: PaymentGateway;
  mailer: Mailer;
}

export interface AppContextHandle extends AppContext {
  close: () => Promise<void>;
}

export function createAppContext(env: Env, overrides: Partial<AppContext> = {}): AppContextHandle {
  const handle = createDb(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  const db = overrides.db ?? handle.db;
  const clock = overrides.clock ?? systemClock;
  return {
    db,
    clock,
    config: env,
    payments: overrides.payments ?? createPaymentGateway(env, { db, clock }),
    mailer: overrides.mailer ?? createMailer(env),
    close: handle.close,
  };
}

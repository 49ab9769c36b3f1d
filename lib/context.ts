// The composition root: builds what use cases need from parsed configuration.
import { createDb, type DbOrTx } from '@/db/client';
import { systemClock, type Clock } from './adapters/clock';
import { createMailer } from './adapters/mailer';
import type { Mailer } from './adapters/mailer/types';
import { createPaymentGateway } from './adapters/payments';
import type { PaymentGateway } from './adapters/payments/types';
import type { Env } from './env';
import { createMissingKeyVault, createVault, type Vault } from './vault';

export interface AppContext {
  db: DbOrTx;
  clock: Clock;
  config: Env;
  payments: PaymentGateway;
  mailer: Mailer;
  // Seals and opens sensitive answers; who may see them is decided in lib/privacy/visibility.ts.
  vault: Vault;
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
    vault: overrides.vault ?? vaultFromEnv(env),
    close: handle.close,
  };
}

export function vaultFromEnv(env: Pick<Env, 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_OLD_KEYS'>): Vault {
  return env.DATA_ENCRYPTION_KEY
    ? createVault({ current: env.DATA_ENCRYPTION_KEY, old: env.DATA_ENCRYPTION_OLD_KEYS })
    : createMissingKeyVault();
}

/** What the payment and refund use cases need: the database, the clock, configuration and the gateway. */
export type PaymentsCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'payments'>;

// Chooses the payment gateway from configuration: Stripe when a secret key is set, otherwise the local demo
// checkout (test mode), which lib/env.ts already refuses in production unless ALLOW_DEMO_PAYMENTS is set.
import type { DbOrTx } from '@/db/client';
import type { Clock } from '../clock';
import type { Env } from '../../env';
import { createLocalGateway, localWebhookSecret } from './local';
import { createStripeGateway } from './stripe';
import type { PaymentGateway } from './types';

export function createPaymentGateway(env: Env, deps: { db: DbOrTx; clock: Clock }): PaymentGateway {
  if (env.STRIPE_SECRET_KEY) {
    if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY');
    return createStripeGateway({
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiUrl: env.STRIPE_API_URL,
      statementDescriptorSuffix: env.STRIPE_STATEMENT_DESCRIPTOR_SUFFIX,
      clock: deps.clock,
    });
  }
  return createLocalGateway({
    db: deps.db,
    appUrl: env.APP_URL,
    webhookSecret: localWebhookSecret(env),
    clock: deps.clock,
  });
}

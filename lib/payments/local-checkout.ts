// The local demo checkout's use cases, for the test-mode page at /dev/checkout/<id>: what the page shows, and
// what the buyer pressed, returned as the signed Stripe-shaped event to deliver to the webhook route. Nothing
// here exists unless the local gateway is the active one.
import {
  isLocalGateway,
  type LocalCheckoutView,
  type LocalOutcome,
  type LocalSignedEvent,
} from '../adapters/payments/local';
import type { AppContext } from '../context';
import { DomainError } from '../errors';

type Ctx = Pick<AppContext, 'payments'>;

export const LOCAL_OUTCOMES = ['pay', 'decline', 'abandon'] as const satisfies readonly LocalOutcome[];
export type { LocalCheckoutView, LocalOutcome, LocalSignedEvent };

export function isLocalCheckoutActive(ctx: Ctx): boolean {
  return isLocalGateway(ctx.payments);
}

export async function getLocalCheckout(ctx: Ctx, id: string): Promise<LocalCheckoutView | null> {
  return isLocalGateway(ctx.payments) ? ctx.payments.view(id) : null;
}

export async function localCheckoutEvent(ctx: Ctx, id: string, outcome: LocalOutcome): Promise<LocalSignedEvent> {
  const signed = isLocalGateway(ctx.payments) ? await ctx.payments.simulate(id, outcome) : null;
  if (!signed) throw new DomainError('NOT_FOUND', 'This test checkout does not exist.');
  return signed;
}

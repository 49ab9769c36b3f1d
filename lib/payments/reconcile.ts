// Reconciliation with the payment provider, for webhooks that never came. Three sweeps, each item once:
// orders left unpaid past their hold are looked up at the provider (paid -> applied as an event under the
// synthetic id `reconcile:<session>`, so still exactly once; open -> expired there and here); orders paid
// here are checked against the provider once (`verify:<session>`), and differences flagged; refunds that never
// got an answer are retried under their own key while the provider still honours it.
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { orders, paymentEvents, refunds } from '@/db/schema';
import type { CheckoutState } from '../adapters/payments/types';
import { formatMoney } from '../money';
import type { PaymentsCtx } from '../context';
import { handlePaymentEvent } from './handle-payment-event';
import { issueRefund } from '../orders/issue-refund';
import { flagOrder } from '../orders/order-money';

export interface ReconcileOptions {
  /** How long after the hold ends a webhook may still be on its way before we ask. */
  graceMinutes?: number;
  /** Orders or refunds looked at per sweep, oldest first. */
  limit?: number;
}

export interface ReconcileResult {
  checked: number;
  applied: number;
  expired: number;
  flagged: number;
  refundsRetried: number;
  errors: number;
}

const MINUTE = 60_000;
// Provider sessions live at most a day; after that nothing more can happen to one.
const SESSION_LIFETIME_MS = 25 * 60 * MINUTE;
// Stripe keeps idempotency keys for 24 hours; a retry after that could refund twice.
const REFUND_RETRY_WINDOW_MS = 23 * 60 * MINUTE;

export async function reconcilePayments(ctx: PaymentsCtx, options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, applied: 0, expired: 0, flagged: 0, refundsRetried: 0, errors: 0 };
  const now = ctx.clock.now();
  const limit = options.limit ?? 100;
  const graceMs = (options.graceMinutes ?? 10) * MINUTE;
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      result.errors++;
      console.error(`reconciliation step failed (${(error as Error)?.name ?? 'unknown'}); retried next run`);
    }
  };

  for (const order of await unsettledOrders(ctx, now, graceMs, limit)) {
    await attempt(async () => {
      result.checked++;
      const outcome = await settleFromProvider(ctx, order, now);
      if (outcome === 'applied') result.applied++;
      if (outcome === 'expired') result.expired++;
      if (outcome === 'flagged') result.flagged++;
    });
  }
  for (const order of await unverifiedPaidOrders(ctx, now, limit)) {
    await attempt(async () => {
      result.checked++;
      if (await verifyPaid(ctx, order)) result.flagged++;
    });
  }
  for (const refund of await unansweredRefunds(ctx, now, limit)) {
    await attempt(async () => {
      if (refund.createdAt.getTime() <= now.getTime() - REFUND_RETRY_WINDOW_MS) {
        await ctx.db.transaction(async (tx) => {
          await tx
            .update(refunds)
            .set({ status: 'failed', updatedAt: now })
            .where(and(eq(refunds.id, refund.id), eq(refunds.status, 'pending')));
          await flagOrder(
            tx,
            refund.orderId,
            'a refund was never confirmed by the payment provider; check it there',
            now,
          );
        });
        result.flagged++;
        return;
      }
      result.refundsRetried++;
      await issueRefund(ctx, refund.id);
    });
  }
  return result;
}

const marker = (prefix: string) => (sessionId: string) => `${prefix}:${sessionId}`;
const reconcileId = marker('reconcile');
const verifyId = marker('verify');

function noMarker(prefix: 'reconcile' | 'verify') {
  return sql`not exists (select 1 from ${paymentEvents} pe where pe.order_id = ${orders.id}
    and pe.provider_event_id = ${`${prefix}:`} || ${orders.checkoutSessionId})`;
}

type Candidate = Pick<
  typeof orders.$inferSelect,
  'id' | 'checkoutSessionId' | 'expiresAt' | 'total' | 'currency' | 'amountPaid'
>;
const candidateColumns = {
  id: orders.id,
  checkoutSessionId: orders.checkoutSessionId,
  expiresAt: orders.expiresAt,
  total: orders.total,
  currency: orders.currency,
  amountPaid: orders.amountPaid,
};

/** Unpaid orders with a checkout whose hold ended a while ago (or that are old), and no verdict yet. */
function unsettledOrders(ctx: PaymentsCtx, now: Date, graceMs: number, limit: number) {
  return ctx.db
    .select(candidateColumns)
    .from(orders)
    .where(
      and(
        inArray(orders.status, ['pending_payment', 'expired']),
        isNotNull(orders.checkoutSessionId),
        eq(orders.amountPaid, 0),
        or(
          lt(orders.expiresAt, new Date(now.getTime() - graceMs)),
          lt(orders.createdAt, new Date(now.getTime() - 30 * MINUTE)),
        ),
        gt(orders.expiresAt, new Date(now.getTime() - SESSION_LIFETIME_MS)),
        noMarker('reconcile'),
      ),
    )
    .orderBy(asc(orders.expiresAt))
    .limit(limit);
}

/** Orders holding money from a checkout that the provider has not been asked about yet. */
function unverifiedPaidOrders(ctx: PaymentsCtx, now: Date, limit: number) {
  return ctx.db
    .select(candidateColumns)
    .from(orders)
    .where(
      and(
        isNotNull(orders.checkoutSessionId),
        gt(orders.amountPaid, 0),
        gt(orders.updatedAt, new Date(now.getTime() - 7 * 24 * 60 * MINUTE)),
        noMarker('verify'),
      ),
    )
    .orderBy(asc(orders.updatedAt))
    .limit(limit);
}

/** Refunds the provider never answered (a timeout, an outage), old enough not to be in flight. */
function unansweredRefunds(ctx: PaymentsCtx, now: Date, limit: number) {
  return ctx.db
    .select({ id: refunds.id, orderId: refunds.orderId, createdAt: refunds.createdAt })
    .from(refunds)
    .where(
      and(
        eq(refunds.status, 'pending'),
        isNull(refunds.providerRefundId),
        lt(refunds.createdAt, new Date(now.getTime() - MINUTE)),
      ),
    )
    .orderBy(asc(refunds.createdAt))
    .limit(limit);
}

async function settleFromProvider(
  ctx: PaymentsCtx,
  order: Candidate,
  now: Date,
): Promise<'applied' | 'expired' | 'flagged' | 'waiting'> {
  const sessionId = order.checkoutSessionId!;
  let state: CheckoutState = await ctx.payments.retrieveCheckout(sessionId);
  const holdEnded = order.expiresAt !== null && order.expiresAt <= now;
  if (state.status === 'open' && holdEnded) {
    // Closing it may race a buyer paying at this instant; what the provider says afterwards decides.
    await ctx.payments.expireCheckout(sessionId).catch(() => undefined);
    state = await ctx.payments.retrieveCheckout(sessionId);
  }
  if (state.status === 'complete' && state.paymentStatus === 'paid') {
    const { outcome } = await handlePaymentEvent(ctx, {
      id: reconcileId(sessionId),
      type: 'payment_succeeded',
      orderId: order.id,
      sessionId,
      amount: state.amountTotal,
      currency: state.currency,
      paymentReference: state.paymentReference,
    });
    return outcome === 'mismatch' ? 'flagged' : 'applied';
  }
  if (state.status === 'expired') {
    await handlePaymentEvent(ctx, {
      id: reconcileId(sessionId),
      type: 'checkout_expired',
      orderId: order.id,
      sessionId,
    });
    return 'expired';
  }
  // Still open within the hold, or complete with the money on its way (a bank debit): ask again next run.
  return 'waiting';
}

/** Checks a paid order against its session once; flags it when the provider disagrees. Says whether it flagged. */
async function verifyPaid(ctx: PaymentsCtx, order: Candidate): Promise<boolean> {
  const sessionId = order.checkoutSessionId!;
  const state = await ctx.payments.retrieveCheckout(sessionId);
  const now = ctx.clock.now();
  let reason: string | null = null;
  if (state.status !== 'complete' || state.paymentStatus !== 'paid') {
    reason = `reconciliation: recorded as paid, but the payment provider reports the checkout as ${state.status} and ${state.paymentStatus}`;
  } else if (state.amountTotal !== order.amountPaid || state.currency.toUpperCase() !== order.currency.toUpperCase()) {
    reason = `reconciliation: recorded ${formatMoney(order.amountPaid, order.currency)} paid, the payment provider reports ${formatMoney(state.amountTotal, state.currency.toUpperCase())}`;
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(paymentEvents)
      .values({
        provider: ctx.payments.name,
        providerEventId: verifyId(sessionId),
        type: 'reconcile_verify',
        orderId: order.id,
        outcome: reason ? 'mismatch' : 'verified',
        receivedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: paymentEvents.id });
    if (row && reason) await flagOrder(tx, order.id, reason, now);
  });
  return reason !== null;
}

// "Pay now" on the order page: one provider checkout session per order and attempt. The idempotency key comes
// from the order (and the session it replaces), so a retry after a timeout, a crash or a double click gets the
// same session; no transaction is held across the provider call, and the session is stored only where the
// order has none yet (or still the one replaced), so concurrent clicks store one. When a hold lapses, the open
// session is expired at the provider (expireLapsedCheckouts); its URL is cleared once it is known to be closed.
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { orders, type Order } from '@/db/schema';
import { isPaymentProviderError, type CheckoutLine } from '../adapters/payments/types';
import { DomainError } from '../errors';
import { getOrderByToken, type OrderView } from '../orders/queries';
import type { PaymentsCtx } from '../context';

export const PAYMENT_UNAVAILABLE_MESSAGE = 'Payment is temporarily unavailable. Please try again in a moment.';
const PAYMENT_REFUSED_MESSAGE =
  'We could not start the payment for this order. Please contact the organizers and quote your order reference.';

/** The checkout lines of an order: one per public ticket label and net price, free tickets left out. */
export function checkoutLines(
  tickets: Pick<OrderView['tickets'][number], 'label' | 'price' | 'discount'>[],
): CheckoutLine[] {
  const lines = new Map<string, CheckoutLine>();
  for (const t of tickets) {
    const net = t.price - t.discount;
    if (net <= 0) continue;
    const key = JSON.stringify([t.label, net]);
    const line = lines.get(key);
    if (line) line.quantity++;
    else lines.set(key, { label: t.label, unitAmount: net, quantity: 1 });
  }
  return [...lines.values()];
}

export function checkoutIdempotencyKey(orderId: string, replacedSessionId: string | null): string {
  return replacedSessionId ? `checkout:${orderId}:after:${replacedSessionId}` : `checkout:${orderId}`;
}

function providerFailure(error: unknown, order: Order): never {
  if (isPaymentProviderError(error)) {
    if (error.retryable) throw new DomainError('PAYMENT_UNAVAILABLE', PAYMENT_UNAVAILABLE_MESSAGE);
    console.error(`checkout for order ${order.reference} refused by the payment provider: ${error.message}`);
    throw new DomainError('PAYMENT_UNAVAILABLE', PAYMENT_REFUSED_MESSAGE);
  }
  throw error;
}

function assertPayable(view: OrderView): void {
  const { order, status } = view;
  if (status === 'expired')
    throw new DomainError(
      'HOLD_EXPIRED',
      'This order has expired, so it can no longer be paid. Please register again.',
    );
  if (status === 'paid') throw new DomainError('CONFLICT', 'This order is already paid.');
  if (status !== 'pending_payment') throw new DomainError('CONFLICT', 'This order can no longer be paid.');
  if (order.total <= 0) throw new DomainError('CONFLICT', 'This order has nothing to pay.');
  if (order.paymentState === 'processing')
    throw new DomainError(
      'CONFLICT',
      'A payment for this order is already on its way. This page will show it once it arrives.',
    );
}

/**
 * The session to reuse (its URL), or null when a new one is needed because the last one expired or its payment
 * failed. A completed, paid session means the confirmation is on its way: nothing new is started.
 */
async function reusableCheckout(ctx: PaymentsCtx, order: Order): Promise<string | null> {
  if (!order.checkoutSessionId) return null;
  let state;
  try {
    state = await ctx.payments.retrieveCheckout(order.checkoutSessionId);
  } catch (error) {
    return providerFailure(error, order);
  }
  if (state.status === 'open' && order.checkoutUrl) return order.checkoutUrl;
  if (state.status === 'complete' && state.paymentStatus !== 'unpaid') {
    throw new DomainError(
      'CONFLICT',
      'Your payment has been received and is being confirmed. Refresh this page in a moment.',
    );
  }
  if (state.status === 'complete' && order.paymentState !== 'failed') {
    throw new DomainError(
      'CONFLICT',
      'A payment for this order is already on its way. This page will show it once it arrives.',
    );
  }
  return null;
}

export async function startCheckout(ctx: PaymentsCtx, accessToken: string): Promise<{ url: string }> {
  const view = await getOrderByToken(ctx, accessToken);
  if (!view) throw new DomainError('NOT_FOUND', 'Order not found.');
  assertPayable(view);
  const { order } = view;
  const existing = await reusableCheckout(ctx, order);
  if (existing) return { url: existing };

  const replaced = order.checkoutSessionId;
  const appUrl = ctx.config.APP_URL.replace(/\/+$/, '');
  const orderUrl = `${appUrl}/orders/${accessToken}`;
  let checkout;
  try {
    checkout = await ctx.payments.createCheckout({
      orderId: order.id,
      reference: order.reference,
      currency: order.currency,
      lines: checkoutLines(view.tickets),
      amount: order.total,
      email: order.buyerEmail,
      successUrl: `${orderUrl}?paid=1`,
      cancelUrl: orderUrl,
      holdExpiresAt: order.expiresAt!,
      idempotencyKey: checkoutIdempotencyKey(order.id, replaced),
    });
  } catch (error) {
    return providerFailure(error, order);
  }

  const now = ctx.clock.now();
  const [stored] = await ctx.db
    .update(orders)
    .set({ checkoutSessionId: checkout.sessionId, checkoutUrl: checkout.url, updatedAt: now })
    .where(
      and(
        eq(orders.id, order.id),
        eq(orders.status, 'pending_payment'),
        replaced ? eq(orders.checkoutSessionId, replaced) : isNull(orders.checkoutSessionId),
      ),
    )
    .returning({ id: orders.id });
  if (stored) return { url: checkout.url };

  // Someone else stored a session first (the same one, when they used the same key), or the order moved on.
  const [current] = await ctx.db.select().from(orders).where(eq(orders.id, order.id));
  if (current?.status === 'pending_payment' && current.checkoutSessionId === checkout.sessionId && current.checkoutUrl)
    return { url: current.checkoutUrl };
  if (current?.status === 'pending_payment' && current.checkoutUrl) {
    await ctx.payments.expireCheckout(checkout.sessionId).catch(() => undefined);
    return { url: current.checkoutUrl };
  }
  await ctx.payments.expireCheckout(checkout.sessionId).catch(() => undefined);
  throw new DomainError('CONFLICT', 'This order can no longer be paid.');
}

export interface ExpireCheckoutsResult {
  expired: number;
  failed: number;
}

/**
 * Ends the provider sessions of holds that lapsed or orders that were cancelled (R12: the hold is released when
 * a checkout is abandoned; Stripe's own minimum session life is longer than our holds). A failure is retried on
 * the next run; a session that completed meanwhile is left to the webhook and reconciliation.
 */
export async function expireLapsedCheckouts(ctx: PaymentsCtx, limit = 100): Promise<ExpireCheckoutsResult> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({ id: orders.id, sessionId: orders.checkoutSessionId })
    .from(orders)
    .where(
      and(
        isNotNull(orders.checkoutSessionId),
        isNotNull(orders.checkoutUrl),
        or(
          inArray(orders.status, ['expired', 'cancelled']),
          and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, now)),
        ),
      ),
    )
    .orderBy(orders.expiresAt)
    .limit(limit);
  const result: ExpireCheckoutsResult = { expired: 0, failed: 0 };
  for (const row of rows) {
    try {
      await ctx.payments.expireCheckout(row.sessionId!);
      await ctx.db
        .update(orders)
        .set({ checkoutUrl: null, updatedAt: now })
        .where(and(eq(orders.id, row.id), eq(orders.checkoutSessionId, row.sessionId!)));
      result.expired++;
    } catch (error) {
      result.failed++;
      console.error(
        `expiring a lapsed checkout failed (${error instanceof Error ? error.message : 'unknown'}); retried next run`,
      );
    }
  }
  return result;
}

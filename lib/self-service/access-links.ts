// "Find my registration" and fresh links for expired ones. Both answer the same whatever the address or link
// (the caller shows one neutral message), so neither can tell anyone who registered. Both are throttled per
// address and per client in Postgres (shared by every instance), and queue at most one email per request, in
// the same transaction as the throttle's count. Addresses in throttle keys are keyed hashes, never in clear.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { orderLinks, orders } from '@/db/schema';
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { findOrderByFirstLink } from '../orders/queries';
import { hitRateLimit } from '../rate-limit';
import { emailSchema } from '../validation';
import { hashToken, pseudonymousKey } from '../tokens';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/**
 * Requests per hour: per address (both ways of asking count together, so nobody's inbox can be flooded), per
 * client (generous: a venue's wifi puts many attendees behind one address), per expired link's order.
 */
export const ACCESS_LIMITS = { windowMs: 60 * 60_000, perEmail: 3, perClient: 30, perOrder: 3 } as const;
/** Orders named in one email, most recent first. */
export const ACCESS_MAX_ORDERS = 10;

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{20,100}$/;

export const accessRequestSchema = z.object({ email: emailSchema });

export const accessEmailKey = (email: string) => `order_access:${email}:${randomUUID()}`;

function keySecret(ctx: Ctx): string {
  return ctx.config.AUTH_SECRET ?? 'development';
}

/** Counts one request against every key; true only if none is over its limit. Every key is counted either way. */
async function withinLimits(ctx: Ctx, tx: DbOrTx, keys: { key: string; limit: number }[]): Promise<boolean> {
  const now = ctx.clock.now();
  let allowed = true;
  for (const { key, limit } of keys) {
    const hit = await hitRateLimit(tx, key, limit, ACCESS_LIMITS.windowMs, now);
    allowed &&= hit.allowed;
  }
  return allowed;
}

const emailLimit = (ctx: Ctx, email: string) => ({
  key: `access:email:${pseudonymousKey(email, keySecret(ctx))}`,
  limit: ACCESS_LIMITS.perEmail,
});
const clientLimit = (clientKey: string) => ({ key: `access:client:${clientKey}`, limit: ACCESS_LIMITS.perClient });

/**
 * Emails the buyer one message with fresh, short-lived links to each of their paid or still-held orders (the
 * coordinator's order_access template issues the links when it is sent). Nothing is sent when no order matches
 * or a limit is reached, and the caller cannot tell which happened.
 */
export async function requestAccessLink(ctx: Ctx, input: { email: string; clientKey: string | null }): Promise<void> {
  const { email } = parseInput(accessRequestSchema, { email: input.email });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const limits = [emailLimit(ctx, email), ...(input.clientKey ? [clientLimit(input.clientKey)] : [])];
    if (!(await withinLimits(ctx, tx, limits))) return;
    const rows = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(
          eq(orders.buyerEmail, email),
          or(eq(orders.status, 'paid'), and(eq(orders.status, 'pending_payment'), gt(orders.expiresAt, now))),
        ),
      )
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(ACCESS_MAX_ORDERS);
    if (!rows.length) return;
    await enqueueEmail(tx, {
      kind: 'order_access',
      to: email,
      idempotencyKey: accessEmailKey(email),
      params: { orderIds: rows.map((r) => r.id) },
      now,
    });
  });
}

export type OrderLinkState = 'valid' | 'expired' | 'unknown';

/** Whether a link opens its order now ('valid'), did once but has lapsed ('expired'), or never did ('unknown'). */
export async function orderLinkState(ctx: Pick<AppContext, 'db' | 'clock'>, token: string): Promise<OrderLinkState> {
  if (!TOKEN_FORMAT.test(token)) return 'unknown';
  const hash = hashToken(token);
  const own = await findOrderByFirstLink(ctx.db, hash);
  if (own) return own.expiresAt > ctx.clock.now() ? 'valid' : 'expired';
  const [link] = await ctx.db
    .select({ expiresAt: orderLinks.expiresAt })
    .from(orderLinks)
    .where(eq(orderLinks.tokenHash, hash));
  if (!link) return 'unknown';
  return link.expiresAt === null || link.expiresAt > ctx.clock.now() ? 'valid' : 'expired';
}

/** The order of an expired link, the order's own or one from an email; null for a live or unknown one. */
async function findExpiredLink(
  ctx: Ctx,
  hash: string,
  now: Date,
): Promise<{ orderId: string; buyerEmail: string } | null> {
  const own = await findOrderByFirstLink(ctx.db, hash);
  if (own) return own.expiresAt <= now ? { orderId: own.order.id, buyerEmail: own.order.buyerEmail } : null;
  const [emailed] = await ctx.db
    .select({ orderId: orders.id, buyerEmail: orders.buyerEmail })
    .from(orderLinks)
    .innerJoin(orders, eq(orders.id, orderLinks.orderId))
    .where(and(eq(orderLinks.tokenHash, hash), lte(orderLinks.expiresAt, now)));
  return emailed ?? null;
}

/**
 * For an expired link: emails its order's buyer a fresh one (order_access for that order). A link that is
 * still valid, unknown or throttled sends nothing; the caller answers the same in every case.
 */
export async function renewExpiredLink(
  ctx: Ctx,
  token: string,
  meta: { clientKey?: string | null } = {},
): Promise<void> {
  if (!TOKEN_FORMAT.test(token)) return;
  const now = ctx.clock.now();
  const expired = await findExpiredLink(ctx, hashToken(token), now);
  if (!expired) return;
  const email = expired.buyerEmail.trim().toLowerCase();
  await ctx.db.transaction(async (tx) => {
    const limits = [
      { key: `access:order:${expired.orderId}`, limit: ACCESS_LIMITS.perOrder },
      emailLimit(ctx, email),
      ...(meta.clientKey ? [clientLimit(meta.clientKey)] : []),
    ];
    if (!(await withinLimits(ctx, tx, limits))) return;
    await enqueueEmail(tx, {
      kind: 'order_access',
      to: email,
      idempotencyKey: accessEmailKey(email),
      orderId: expired.orderId,
      params: { orderIds: [expired.orderId] },
      now,
    });
  });
}

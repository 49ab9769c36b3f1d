// Read models of an order for its private page. The secret link's token is the only key; ids are never
// accepted from the outside. A hold past its expiry reads as expired whether or not housekeeping ran.
import { and, asc, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import {
  events,
  orderLinks,
  orders,
  sessions,
  ticketTypes,
  tickets,
  workshopSeats,
  type Order,
  type OrderStatus,
} from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import { enqueueEmails } from '../outbox/enqueue-batch';
import { firstOrderLinkExpiry } from '../links/secret-links';
import { emailKeys } from '../outbox/triggers';
import { hashToken } from '../tokens';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface OrderView {
  order: Order;
  status: OrderStatus;
  tickets: {
    id: string;
    label: string;
    legalName: string;
    badgeName: string;
    email: string;
    price: number;
    discount: number;
    workshops: { title: string; slug: string; startsAt: Date; endsAt: Date }[];
  }[];
}

export function effectiveStatus(order: Pick<Order, 'status' | 'expiresAt'>, now: Date): OrderStatus {
  return order.status === 'pending_payment' && order.expiresAt && order.expiresAt <= now ? 'expired' : order.status;
}

/** The order whose own link (shown when it was placed) is this hash, and when that link stops working. */
export async function findOrderByFirstLink(
  db: Ctx['db'],
  hash: string,
): Promise<{ order: Order; expiresAt: Date } | null> {
  const [row] = await db
    .select({ order: orders, endsOn: events.endsOn, timezone: events.timezone })
    .from(orders)
    .innerJoin(events, eq(events.id, orders.eventId))
    .where(eq(orders.accessTokenHash, hash));
  return row ? { order: row.order, expiresAt: firstOrderLinkExpiry(row, row.order) } : null;
}

/**
 * The order behind a token: the one shown when it was placed, or a link issued later in an email (order_links),
 * either while it has not expired.
 */
async function findOrderByToken(ctx: Ctx, token: string): Promise<Order | null> {
  const hash = hashToken(token);
  const first = await findOrderByFirstLink(ctx.db, hash);
  if (first) return first.expiresAt > ctx.clock.now() ? first.order : null;
  const [linked] = await ctx.db
    .select({ order: orders })
    .from(orderLinks)
    .innerJoin(orders, eq(orders.id, orderLinks.orderId))
    .where(
      and(eq(orderLinks.tokenHash, hash), or(isNull(orderLinks.expiresAt), gt(orderLinks.expiresAt, ctx.clock.now()))),
    );
  return linked?.order ?? null;
}

export async function getOrderByToken(ctx: Ctx, token: string): Promise<OrderView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const order = await findOrderByToken(ctx, token);
  if (!order) return null;
  const rows = await ctx.db
    .select({
      id: tickets.id,
      label: ticketTypes.publicLabel,
      legalName: tickets.legalName,
      badgeName: tickets.badgeName,
      email: tickets.email,
      price: tickets.price,
      discount: tickets.discount,
    })
    .from(tickets)
    .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
    .where(eq(tickets.orderId, order.id))
    .orderBy(asc(tickets.position), asc(tickets.createdAt));
  const seats = await workshopSeatsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    order,
    status: effectiveStatus(order, ctx.clock.now()),
    tickets: rows.map((r) => ({
      ...r,
      workshops: seats.filter((s) => s.ticketId === r.id).map(({ ticketId: _t, ...s }) => s),
    })),
  };
}

/**
 * Marks lapsed holds as expired. Seats were already free (availability ignores them); this keeps the state
 * honest, and tells each buyer whose order this call expired (in the same transaction, a savepoint when the
 * caller already has one open).
 */
export async function expireLapsedHolds(ctx: Ctx): Promise<string[]> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(orders)
      .set({ status: 'expired', updatedAt: now })
      .where(and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, now)))
      .returning({ id: orders.id, buyerEmail: orders.buyerEmail });
    await enqueueEmails(
      tx,
      rows.map((r) => ({
        kind: 'hold_expired',
        to: r.buyerEmail,
        idempotencyKey: emailKeys.holdExpired(r.id),
        orderId: r.id,
        now,
      })),
    );
    return rows.map((r) => r.id);
  });
}

/** The workshop seats the tickets hold (ticket id, session title, address and times), earliest session first. */
export async function workshopSeatsOf(db: DbOrTx, ticketIds: string[]) {
  if (!ticketIds.length) return [];
  return db
    .select({
      ticketId: workshopSeats.ticketId,
      title: sessions.title,
      slug: sessions.slug,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
    })
    .from(workshopSeats)
    .innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId))
    .where(inArray(workshopSeats.ticketId, ticketIds))
    .orderBy(asc(sessions.startsAt));
}

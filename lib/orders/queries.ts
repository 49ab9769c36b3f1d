// Read models of an order for its private page. The secret link's token is the only key; ids are never
// accepted from the outside. A hold past its expiry reads as expired whether or not housekeeping ran.
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { orders, sessions, ticketTypes, tickets, workshopSeats, type Order, type OrderStatus } from '@/db/schema';
import type { AppContext } from '../context';
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

export async function getOrderByToken(ctx: Ctx, token: string): Promise<OrderView | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [order] = await ctx.db.select().from(orders).where(eq(orders.accessTokenHash, hashToken(token)));
  if (!order) return null;
  const rows = await ctx.db.select({
    id: tickets.id, label: ticketTypes.publicLabel, legalName: tickets.legalName, badgeName: tickets.badgeName,
    email: tickets.email, price: tickets.price, discount: tickets.discount,
  }).from(tickets).innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
    .where(eq(tickets.orderId, order.id)).orderBy(asc(tickets.position), asc(tickets.createdAt));
  const seats = rows.length ? await ctx.db.select({
    ticketId: workshopSeats.ticketId, title: sessions.title, slug: sessions.slug, startsAt: sessions.startsAt, endsAt: sessions.endsAt,
  }).from(workshopSeats).innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId))
    .where(inArray(workshopSeats.ticketId, rows.map((r) => r.id))).orderBy(asc(sessions.startsAt)) : [];
  return {
    order,
    status: effectiveStatus(order, ctx.clock.now()),
    tickets: rows.map((r) => ({ ...r, workshops: seats.filter((s) => s.ticketId === r.id).map(({ ticketId: _t, ...s }) => s) })),
  };
}

/** Marks lapsed holds as expired. Seats were already free (availability ignores them); this keeps the state honest. */
export async function expireLapsedHolds(ctx: Ctx): Promise<string[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db.update(orders).set({ status: 'expired', updatedAt: now })
    .where(and(eq(orders.status, 'pending_payment'), lte(orders.expiresAt, now)))
    .returning({ id: orders.id });
  return rows.map((r) => r.id);
}

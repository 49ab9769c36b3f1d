// Read models of orders for organizers ('orders.view'): the searchable list and one order's page with its money,
// tickets, refunds, email history and audit trail. A lapsed hold reads as expired whether or not housekeeping ran.
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  events,
  orders,
  refunds,
  ticketTypes,
  tickets,
  type AuditEntry,
  type Order,
  type OrderStatus,
  type Refund,
} from '@/db/schema';
import type { AppContext } from '../context';
import { orderTrail } from '../audit/record';
import { containsPattern } from '../like';
import { effectiveStatus, workshopSeatsOf } from './queries';
import { refundsOrderPayment } from './order-money';
import { isUuid, pageNumberSchema, parseInput } from '../validation';
import { listEmailHistory, type EmailHistoryItem } from './staff-emails';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const ORDER_STATUSES = ['all', 'paid', 'pending_payment', 'expired', 'cancelled', 'refunded'] as const;
export type OrderStatusFilter = (typeof ORDER_STATUSES)[number];

/** A LIKE pattern matching `q` anywhere, with the wildcards a user types taken literally. */

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const orderSearchSchema = z.object({
  eventId: z.uuid({ error: 'Choose a valid event.' }),
  q: z.preprocess(
    blankToUndefined,
    z.string().trim().max(200, { error: 'Search for at most 200 characters.' }).optional(),
  ),
  status: z.preprocess(blankToUndefined, z.enum(ORDER_STATUSES, { error: 'Choose a valid status.' }).optional()),
  page: pageNumberSchema,
  pageSize: z.coerce
    .number({ error: 'Page size must be a number.' })
    .int()
    .min(1)
    .max(200, { error: 'Page size must be between 1 and 200.' }),
});
export type OrderSearchQuery = z.input<typeof orderSearchSchema>;

export interface OrderListRow {
  id: string;
  reference: string;
  buyerName: string;
  buyerEmail: string;
  status: OrderStatus;
  paymentState: Order['paymentState'];
  source: string;
  currency: string;
  total: number;
  amountPaid: number;
  amountRefunded: number;
  tickets: number;
  createdAt: Date;
}

export interface OrderListResult {
  rows: OrderListRow[];
  total: number;
  page: number;
  pageSize: number;
}

interface RawOrderRow extends Record<string, unknown> {
  id: string;
  reference: string;
  buyer_name: string;
  buyer_email: string;
  status: OrderStatus;
  payment_state: Order['paymentState'];
  source: string;
  currency: string;
  total: number;
  amount_paid: number;
  amount_refunded: number;
  tickets: number | string;
  created_at: Date | string;
  n: number | string;
}

/** Orders of the event, newest first, matched on reference, buyer name or email (trigram index), by effective status. */
export async function listOrders(ctx: Ctx, query: OrderSearchQuery): Promise<OrderListResult> {
  const input = parseInput(orderSearchSchema, query, 'Please correct the search.');
  const now = ctx.clock.now();
  const at = sql`${now.toISOString()}::timestamptz`;
  const parts = [sql`o.event_id = ${input.eventId}::uuid`];
  if (input.q) parts.push(sql`o.search_text like ${containsPattern(input.q)}`);
  switch (input.status ?? 'all') {
    case 'all':
      break;
    case 'pending_payment':
      parts.push(sql`o.status = 'pending_payment' and o.expires_at > ${at}`);
      break;
    case 'expired':
      parts.push(sql`(o.status = 'expired' or (o.status = 'pending_payment' and o.expires_at <= ${at}))`);
      break;
    default:
      parts.push(sql`o.status = ${input.status}::order_status`);
  }
  const offset = (input.page - 1) * input.pageSize;
  const where = sql.join(parts, sql` and `);
  const rows = (await ctx.db.execute<RawOrderRow>(sql`
    select o.id, o.reference, o.buyer_name, o.buyer_email,
      case when o.status = 'pending_payment' and o.expires_at <= ${at} then 'expired' else o.status::text end as status, o.payment_state, o.source, o.currency,
      o.total, o.amount_paid, o.amount_refunded, o.created_at,
      (select count(*) from tickets t where t.order_id = o.id) as tickets, count(*) over () as n
    from orders o where ${where}
    order by o.created_at desc, o.id desc
    limit ${input.pageSize} offset ${offset}`)) as unknown as RawOrderRow[];
  let total = rows[0] ? Number(rows[0].n) : 0;
  if (!rows.length && offset > 0) {
    const [counted] = (await ctx.db.execute<{ n: string }>(
      sql`select count(*) as n from orders o where ${where}`,
    )) as unknown as { n: string }[];
    total = Number(counted?.n ?? 0);
  }
  return {
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      buyerName: r.buyer_name,
      buyerEmail: r.buyer_email,
      status: r.status,
      paymentState: r.payment_state,
      source: r.source,
      currency: r.currency,
      total: r.total,
      amountPaid: r.amount_paid,
      amountRefunded: r.amount_refunded,
      tickets: Number(r.tickets),
      createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export interface OrderDetailTicket {
  id: string;
  label: string;
  internalLabel: string;
  legalName: string;
  badgeName: string;
  email: string;
  price: number;
  discount: number;
  workshops: { title: string; startsAt: Date; endsAt: Date }[];
}

export interface OrderDetail {
  order: Order;
  status: OrderStatus;
  timezone: string;
  tickets: OrderDetailTicket[];
  refunds: Refund[];
  emails: EmailHistoryItem[];
  audit: AuditEntry[];
  /** What a refund may still take: paid minus refunded minus refunds still pending at the provider. */
  refundable: number;
}

export async function getOrderDetail(ctx: Ctx, orderId: string): Promise<OrderDetail | null> {
  if (!isUuid(orderId)) return null;
  const [row] = await ctx.db
    .select({ order: orders, timezone: events.timezone })
    .from(orders)
    .innerJoin(events, eq(events.id, orders.eventId))
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const { order } = row;
  const [ticketRows, refundRows, emails, audit] = await Promise.all([
    ctx.db
      .select({
        id: tickets.id,
        label: ticketTypes.publicLabel,
        internalLabel: ticketTypes.internalLabel,
        legalName: tickets.legalName,
        badgeName: tickets.badgeName,
        email: tickets.email,
        price: tickets.price,
        discount: tickets.discount,
      })
      .from(tickets)
      .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
      .where(eq(tickets.orderId, order.id))
      .orderBy(asc(tickets.position), asc(tickets.createdAt)),
    ctx.db.select().from(refunds).where(eq(refunds.orderId, order.id)).orderBy(asc(refunds.createdAt)),
    listEmailHistory(ctx, { orderId: order.id }),
    orderTrail(ctx.db, order.id),
  ]);
  const seats = await workshopSeatsOf(
    ctx.db,
    ticketRows.map((t) => t.id),
  );
  const pending = refundRows
    .filter((r) => r.status === 'pending' && refundsOrderPayment(r, order))
    .reduce((sum, r) => sum + r.amount, 0);
  return {
    order,
    status: effectiveStatus(order, ctx.clock.now()),
    timezone: row.timezone,
    tickets: ticketRows.map((t) => ({
      ...t,
      workshops: seats.filter((s) => s.ticketId === t.id).map(({ ticketId: _t, slug: _s, ...s }) => s),
    })),
    refunds: refundRows,
    emails,
    audit,
    refundable: Math.max(0, order.amountPaid - order.amountRefunded - pending),
  };
}

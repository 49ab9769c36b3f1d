// Read models for payments: the printable receipt behind the order's secret link, and the organizers' list of
// payments that need a person. The receipt carries only what a reimbursement needs: the billing name, public
// ticket labels and amounts, never attendees' details or the event's name.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { events, orders, type Order } from '@/db/schema';
import type { AppContext } from '../context';
import { getOrderByToken } from '../orders/queries';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface Receipt {
  reference: string;
  billingName: string;
  status: 'paid' | 'refunded';
  currency: string;
  paidAt: Date | null;
  paymentReference: string | null;
  lines: { label: string; price: number; discount: number; amount: number }[];
  subtotal: number;
  discount: number;
  total: number;
  amountPaid: number;
  amountRefunded: number;
  net: number;
  event: { startsOn: string; endsOn: string; timezone: string; venueName: string; venueAddress: string };
}

/** The receipt of a paid or refunded order, or null (unknown token, or nothing paid to show). */
export async function getReceipt(ctx: Ctx, token: string): Promise<Receipt | null> {
  const view = await getOrderByToken(ctx, token);
  if (!view || (view.status !== 'paid' && view.status !== 'refunded')) return null;
  const { order } = view;
  const [event] = await ctx.db
    .select({
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      timezone: events.timezone,
      venueName: events.venueName,
      venueAddress: events.venueAddress,
    })
    .from(events)
    .where(eq(events.id, order.eventId));
  if (!event) return null;
  return {
    reference: order.reference,
    billingName: order.buyerName,
    status: view.status,
    currency: order.currency,
    paidAt: order.paidAt,
    paymentReference: order.paymentReference,
    lines: view.tickets.map((t) => ({
      label: t.label,
      price: t.price,
      discount: t.discount,
      amount: t.price - t.discount,
    })),
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    amountPaid: order.amountPaid,
    amountRefunded: order.amountRefunded,
    net: order.amountPaid - order.amountRefunded,
    event,
  };
}

export type PaymentNeedingAttention = Pick<
  Order,
  | 'id'
  | 'reference'
  | 'buyerEmail'
  | 'status'
  | 'paymentState'
  | 'currency'
  | 'total'
  | 'amountPaid'
  | 'amountRefunded'
  | 'paymentReference'
  | 'updatedAt'
> & { reason: string };

/** Orders an organizer should look at (amount mismatches, late payments refunded, reconciliation gaps), newest first. */
export async function listPaymentsNeedingAttention(
  ctx: Pick<AppContext, 'db'>,
  eventId?: string,
): Promise<PaymentNeedingAttention[]> {
  const rows = await ctx.db
    .select({
      id: orders.id,
      reference: orders.reference,
      buyerEmail: orders.buyerEmail,
      status: orders.status,
      paymentState: orders.paymentState,
      currency: orders.currency,
      total: orders.total,
      amountPaid: orders.amountPaid,
      amountRefunded: orders.amountRefunded,
      paymentReference: orders.paymentReference,
      updatedAt: orders.updatedAt,
      reason: orders.attentionReason,
    })
    .from(orders)
    .where(and(isNotNull(orders.attentionReason), eventId ? eq(orders.eventId, eventId) : undefined))
    .orderBy(desc(orders.updatedAt), desc(orders.id))
    .limit(500);
  return rows.map((r) => ({ ...r, reason: r.reason ?? '' }));
}

// Which emails a change causes, for the domain code to write into the outbox inside the transaction that makes
// the change. Idempotency keys name the change, so replaying it (a redelivered webhook, a retried job) adds
// nothing. Messages carry ids only; composeEmail reads the rest when they are sent.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { events, orders, tickets, type Event, type Order } from '@/db/schema';
import { zonedTimeToUtc } from '../time';
import { enqueueEmail, type EmailRequest } from './enqueue';
import { enqueueEmails } from './enqueue-batch';

export const emailKeys = {
  confirmation: (orderId: string) => `order_confirmation:${orderId}`,
  ticket: (ticketId: string) => `ticket:${ticketId}`,
  receipt: (orderId: string) => `payment_receipt:${orderId}`,
  reminder: (orderId: string) => `reminder:${orderId}`,
  paymentFailed: (orderId: string, sessionId: string) => `payment_failed:${orderId}:${sessionId}`,
  holdExpired: (orderId: string) => `hold_expired:${orderId}`,
  cancellation: (orderId: string) => `cancellation:${orderId}`,
  refund: (refundId: string) => `refund:${refundId}`,
  latePaymentRefunded: (orderId: string, paymentReference: string) =>
    `late_payment_refunded:${orderId}:${paymentReference}`,
  waitlistOffer: (entryId: string, offeredAt: Date) => `waitlist_offer:${entryId}:${offeredAt.toISOString()}`,
};

/** When the reminder goes: the given hours before the first day begins in the event's timezone. */
export function reminderSendAfter(event: Pick<Event, 'startsOn' | 'timezone'>, hours: number): Date {
  return new Date(zonedTimeToUtc(event.startsOn, '00:00', event.timezone).getTime() - hours * 3_600_000);
}

export interface PaidOrderFacts {
  order: Pick<Order, 'id' | 'buyerEmail' | 'total'>;
  tickets: { id: string; email: string }[];
  event: Pick<Event, 'startsOn' | 'timezone'>;
  reminderHours: number;
  now: Date;
}

/**
 * What a newly paid (or free) order sends: the confirmation to the buyer, a receipt when money was taken, a
 * ticket email to each attendee whose address is not the buyer's, and the reminder, unless its time has passed
 * (the confirmation has just said everything a late reminder would).
 */
export function paidOrderEmails(f: PaidOrderFacts): EmailRequest[] {
  const { order, now } = f;
  const buyer = order.buyerEmail.trim().toLowerCase();
  const out: EmailRequest[] = [
    { kind: 'order_confirmation', to: buyer, idempotencyKey: emailKeys.confirmation(order.id), orderId: order.id, now },
  ];
  if (order.total > 0)
    out.push({
      kind: 'payment_receipt',
      to: buyer,
      idempotencyKey: emailKeys.receipt(order.id),
      orderId: order.id,
      now,
    });
  for (const t of f.tickets) {
    if (t.email.trim().toLowerCase() === buyer) continue;
    out.push({
      kind: 'ticket',
      to: t.email,
      idempotencyKey: emailKeys.ticket(t.id),
      orderId: order.id,
      ticketId: t.id,
      now,
    });
  }
  const sendAfter = reminderSendAfter(f.event, f.reminderHours);
  if (sendAfter > now)
    out.push({
      kind: 'reminder',
      to: buyer,
      idempotencyKey: emailKeys.reminder(order.id),
      orderId: order.id,
      sendAfter,
      now,
    });
  return out;
}

/** Inside the transaction that marks the order paid: one read, then one statement for every message. */
export async function enqueuePaidOrderEmails(
  tx: DbOrTx,
  orderId: string,
  now: Date,
  reminderHours: number,
): Promise<void> {
  const rows = await tx
    .select({
      buyerEmail: orders.buyerEmail,
      total: orders.total,
      startsOn: events.startsOn,
      timezone: events.timezone,
      ticketId: tickets.id,
      ticketEmail: tickets.email,
    })
    .from(orders)
    .innerJoin(events, eq(events.id, orders.eventId))
    .leftJoin(tickets, eq(tickets.orderId, orders.id))
    .where(eq(orders.id, orderId));
  const [first] = rows;
  if (!first) return;
  const requests = paidOrderEmails({
    order: { id: orderId, buyerEmail: first.buyerEmail, total: first.total },
    tickets: rows.flatMap((r) => (r.ticketId && r.ticketEmail ? [{ id: r.ticketId, email: r.ticketEmail }] : [])),
    event: first,
    reminderHours,
    now,
  });
  await enqueueEmails(tx, requests);
}

/** One email to the order's buyer about the order. */
export async function enqueueBuyerEmail(
  tx: DbOrTx,
  order: Pick<Order, 'id' | 'buyerEmail'>,
  kind: string,
  idempotencyKey: string,
  now: Date,
  params?: Record<string, unknown>,
): Promise<void> {
  await enqueueEmail(tx, {
    kind,
    to: order.buyerEmail,
    idempotencyKey,
    orderId: order.id,
    now,
    ...(params ? { params } : {}),
  });
}

// What the order emails need, read when they are composed (the outbox row holds ids only): the order, its
// event, each ticket with its public label (never the internal one) and workshops; and the formatting of
// those facts for the templates, in the event's timezone.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  events,
  orders,
  rooms,
  sessions,
  ticketTypes,
  tickets,
  workshopSeats,
  type Event,
  type Order,
} from '@/db/schema';
import { dateInZone, formatDay, formatTimeRange } from '../time';
import type { CalendarTicket } from './calendar';
import type { EventFacts, TicketCard } from './templates/types';

export interface EmailTicket {
  id: string;
  legalName: string;
  email: string;
  label: string;
  online: boolean;
  validOn: string | null;
  price: number;
  discount: number;
  /** Set when the ticket was passed on to its current holder. */
  transferredAt: Date | null;
  workshops: { sessionId: string; title: string; startsAt: Date; endsAt: Date; room: string | null }[];
}

export interface OrderEmailData {
  order: Order;
  event: Event;
  tickets: EmailTicket[];
}

export async function loadEvent(db: DbOrTx, eventId: string): Promise<Event | null> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  return event ?? null;
}

export async function loadOrderEmailData(db: DbOrTx, orderId: string): Promise<OrderEmailData | null> {
  return (await loadOrderEmailDataMany(db, [orderId])).get(orderId) ?? null;
}

/** The same for many orders in three statements (a batch of emails composes from one read). */
export async function loadOrderEmailDataMany(db: DbOrTx, orderIds: string[]): Promise<Map<string, OrderEmailData>> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return new Map();
  const [rows, ticketRows, seatRows] = await Promise.all([
    db
      .select({ order: orders, event: events })
      .from(orders)
      .innerJoin(events, eq(events.id, orders.eventId))
      .where(inArray(orders.id, ids)),
    db
      .select({
        orderId: tickets.orderId,
        id: tickets.id,
        legalName: tickets.legalName,
        email: tickets.email,
        price: tickets.price,
        discount: tickets.discount,
        transferredAt: tickets.transferredAt,
        label: ticketTypes.publicLabel,
        attendance: ticketTypes.attendance,
        validOn: ticketTypes.validOn,
      })
      .from(tickets)
      .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
      .where(inArray(tickets.orderId, ids))
      .orderBy(asc(tickets.position), asc(tickets.createdAt)),
    db
      .select({
        orderId: workshopSeats.orderId,
        ticketId: workshopSeats.ticketId,
        sessionId: sessions.id,
        title: sessions.title,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        room: rooms.name,
      })
      .from(workshopSeats)
      .innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId))
      .leftJoin(rooms, eq(rooms.id, sessions.roomId))
      .where(inArray(workshopSeats.orderId, ids))
      .orderBy(asc(sessions.startsAt)),
  ]);
  const out = new Map<string, OrderEmailData>();
  for (const row of rows) {
    out.set(row.order.id, {
      order: row.order,
      event: row.event,
      tickets: ticketRows
        .filter((t) => t.orderId === row.order.id)
        .map(({ attendance, orderId: _o, ...t }) => ({
          ...t,
          online: attendance === 'virtual',
          workshops: seatRows.filter((s) => s.ticketId === t.id).map(({ ticketId: _t, orderId: _so, ...s }) => s),
        })),
    });
  }
  return out;
}

export function eventFacts(event: Pick<Event, 'startsOn' | 'endsOn' | 'venueName' | 'venueAddress'>): EventFacts {
  const dates =
    event.startsOn === event.endsOn
      ? formatDay(event.startsOn)
      : `${formatDay(event.startsOn)} – ${formatDay(event.endsOn)}`;
  return { dates, venue: [event.venueName, event.venueAddress].filter(Boolean).join(', ') || null };
}

export function ticketCard(ticket: EmailTicket, event: Pick<Event, 'timezone'>, qr: TicketCard['qr']): TicketCard {
  return {
    attendeeName: ticket.legalName,
    label: ticket.label,
    day: ticket.validOn ? formatDay(ticket.validOn) : null,
    online: ticket.online,
    qr,
    workshops: ticket.workshops.map((w) => ({
      title: w.title,
      when: `${formatDay(dateInZone(w.startsAt, event.timezone))}, ${formatTimeRange(w.startsAt, w.endsAt, event.timezone)}`,
      where: w.room,
    })),
  };
}

export function calendarTicket(ticket: EmailTicket, withWorkshops: boolean): CalendarTicket {
  return { validOn: ticket.validOn, online: ticket.online, workshops: withWorkshops ? ticket.workshops : [] };
}

export const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

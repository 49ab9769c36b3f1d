// The organizers' dashboard: sales and revenue by ticket type, seats taken per pool and workshop, live holds,
// waiting lists, registrations per day (in the event's zone), payments and emails needing attention, and
// check-in progress. Two round trips: the catalogue, then every figure in parallel. Seats taken come from the
// same SQL as the order path (lib/capacity/availability.ts), so the dashboard and the sales counter agree.
import { and, asc, eq, sql } from 'drizzle-orm';
import { capacityPools, events, sessions, ticketTypes, type Event } from '@/db/schema';
import { addTaken, poolKey, takenSql, type Taken } from '../capacity/availability';
import { getCheckinCounts, type CheckinCount } from '../checkin/counts';
import type { AppContext } from '../context';
import { addDays, dateInZone } from '../time';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

// The chart shows at most this many days, ending today (or on the last day with registrations).
export const SERIES_MAX_DAYS = 60;
const RECENT = 10;

export interface TicketTypeFigures {
  id: string;
  label: string;
  capacity: number | null;
  /** Tickets of paid orders. */
  sold: number;
  /** Money kept (paid minus refunded) of paid orders, shared among an order's tickets by their price. */
  revenue: number;
  /** Tickets in unexpired unpaid holds. */
  held: number;
  /** Paid, held and offered: what the capacity check counts. */
  taken: number;
  waiting: number;
  offered: number;
}
export interface PoolFigures {
  id: string;
  name: string;
  capacity: number | null;
  taken: number;
}
export interface WorkshopFigures extends PoolFigures {
  startsAt: Date;
  waiting: number;
  offered: number;
}
export interface DayCount {
  day: string;
  tickets: number;
  orders: number;
}
export interface AttentionItem {
  id: string;
  reference: string;
  reason: string;
  updatedAt: Date;
}
export interface EmailFailure {
  id: string;
  kind: string;
  toEmail: string;
  status: string;
  lastError: string | null;
  at: Date;
  orderId: string | null;
  orderReference: string | null;
}

export interface Dashboard {
  event: Pick<Event, 'id' | 'name' | 'timezone' | 'currency' | 'capacity'>;
  ticketTypes: TicketTypeFigures[];
  totals: { sold: number; revenue: number; paidOrders: number };
  eventPool: PoolFigures;
  pools: PoolFigures[];
  workshops: WorkshopFigures[];
  holds: { orders: number; tickets: number; nextExpiry: Date | null };
  registrations: DayCount[];
  attention: { count: number; items: AttentionItem[] };
  emailFailures: { count: number; items: EmailFailure[] };
  checkins: CheckinCount[];
}

const n = (v: unknown) => Number(v ?? 0);

/** Fills the days without registrations with zeros, from the first registration to `today`, capped at `maxDays`. */
export function dailySeries(rows: DayCount[], today: string, maxDays = SERIES_MAX_DAYS): DayCount[] {
  if (!rows.length) return [];
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const last = rows.reduce((m, r) => (r.day > m ? r.day : m), today);
  let first = rows.reduce((m, r) => (r.day < m ? r.day : m), last);
  if (addDays(first, maxDays - 1) < last) first = addDays(last, -(maxDays - 1));
  const out: DayCount[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(byDay.get(d) ?? { day: d, tickets: 0, orders: 0 });
  return out;
}

/** Every figure of the dashboard for one event, or null when the event does not exist. */
export async function getDashboard(ctx: Ctx, eventId: string): Promise<Dashboard | null> {
  const now = ctx.clock.now();
  const at = sql`${now.toISOString()}::timestamptz`;
  const [[event], types, pools, workshops] = await Promise.all([
    ctx.db
      .select({
        id: events.id,
        name: events.name,
        timezone: events.timezone,
        currency: events.currency,
        capacity: events.capacity,
      })
      .from(events)
      .where(eq(events.id, eventId)),
    ctx.db
      .select({ id: ticketTypes.id, label: ticketTypes.internalLabel, capacity: ticketTypes.capacity })
      .from(ticketTypes)
      .where(eq(ticketTypes.eventId, eventId))
      .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.internalLabel)),
    ctx.db
      .select({ id: capacityPools.id, name: capacityPools.name, capacity: capacityPools.capacity })
      .from(capacityPools)
      .where(eq(capacityPools.eventId, eventId))
      .orderBy(asc(capacityPools.name)),
    ctx.db
      .select({ id: sessions.id, name: sessions.title, capacity: sessions.capacity, startsAt: sessions.startsAt })
      .from(sessions)
      .where(and(eq(sessions.eventId, eventId), eq(sessions.format, 'workshop')))
      .orderBy(asc(sessions.startsAt), asc(sessions.title)),
  ]);
  if (!event) return null;

  const takenQuery = takenSql(now, {
    eventId,
    includeEvent: true,
    ticketTypeIds: types.map((t) => t.id),
    poolIds: pools.map((p) => p.id),
    sessionIds: workshops.map((w) => w.id),
  });
  const [takenRows, sales, waitlist, holds, perDay, attention, failures, checkins] = await Promise.all([
    takenQuery ? ctx.db.execute<{ key: string; n: number }>(takenQuery) : Promise.resolve([]),
    // Revenue per ticket type: each paid order's kept money shared among its tickets by their price.
    ctx.db.execute<{ ticket_type_id: string | null; sold: number; revenue: string; orders: number; kept: string }>(sql`
      with paid as (
        select t.ticket_type_id, o.id as order_id, (o.amount_paid - o.amount_refunded)::numeric as kept,
          (t.price - t.discount)::numeric as amount,
          (sum(t.price - t.discount) over (partition by o.id))::numeric as order_amount,
          count(*) over (partition by o.id) as order_tickets,
          row_number() over (partition by o.id) as nth
        from tickets t join orders o on o.id = t.order_id
        where o.event_id = ${eventId}::uuid and o.status = 'paid'
      )
      select ticket_type_id, count(*)::int as sold,
        round(sum(case when order_amount > 0 then kept * amount / order_amount else kept / order_tickets end)) as revenue,
        count(*) filter (where nth = 1)::int as orders, sum(kept) filter (where nth = 1) as kept
      from paid group by grouping sets ((ticket_type_id), ())`),
    ctx.db.execute<{ ticket_type_id: string | null; session_id: string | null; waiting: number; offered: number }>(sql`
      select ticket_type_id, session_id, count(*) filter (where status = 'waiting' and confirmed_at is not null)::int as waiting,
        count(*) filter (where status = 'offered' and offer_expires_at > ${at})::int as offered
      from waitlist_entries where event_id = ${eventId}::uuid and status in ('waiting', 'offered')
      group by ticket_type_id, session_id`),
    ctx.db.execute<{ ticket_type_id: string | null; orders: number; tickets: number; next_expiry: string | null }>(sql`
      select t.ticket_type_id, count(distinct o.id)::int as orders, count(*)::int as tickets, min(o.expires_at) as next_expiry
      from orders o join tickets t on t.order_id = o.id
      where o.event_id = ${eventId}::uuid and o.status = 'pending_payment' and o.expires_at > ${at}
      group by grouping sets ((t.ticket_type_id), ())`),
    ctx.db.execute<{ day: string; orders: number; tickets: number }>(sql`
      select to_char(coalesce(o.paid_at, o.created_at) at time zone ${event.timezone}, 'YYYY-MM-DD') as day,
        count(distinct o.id)::int as orders, count(*)::int as tickets
      from orders o join tickets t on t.order_id = o.id
      where o.event_id = ${eventId}::uuid and o.status = 'paid'
      group by 1 order by 1`),
    ctx.db.execute<{ id: string; reference: string; reason: string; updated_at: string; total: number }>(sql`
      select id, reference, attention_reason as reason, updated_at, (count(*) over ())::int as total
      from orders where event_id = ${eventId}::uuid and attention_reason is not null
      order by updated_at desc, id limit ${RECENT}`),
    // Mail of this event's orders, and mail about no order (staff): failed, bounced or complained.
    ctx.db.execute<{
      id: string;
      kind: string;
      to_email: string;
      status: string;
      last_error: string | null;
      at: string;
      order_id: string | null;
      reference: string | null;
      total: number;
    }>(sql`
      select m.id, m.kind, m.to_email, m.status, m.last_error, m.updated_at as at, m.order_id, o.reference, (count(*) over ())::int as total
      from email_messages m left join orders o on o.id = m.order_id
      where m.status in ('failed', 'bounced', 'complained') and (o.event_id = ${eventId}::uuid or m.order_id is null)
      order by m.updated_at desc, m.id limit ${RECENT}`),
    getCheckinCounts(ctx, eventId),
  ]);

  const taken: Taken = addTaken(new Map(), takenRows);
  const salesByType = new Map([...sales].map((r) => [r.ticket_type_id, r]));
  const holdsByType = new Map([...holds].map((r) => [r.ticket_type_id, r]));
  const waitFor = (key: 'ticket_type_id' | 'session_id', id: string) =>
    [...waitlist]
      .filter((w) => w[key] === id)
      .reduce((sum, w) => ({ waiting: sum.waiting + n(w.waiting), offered: sum.offered + n(w.offered) }), {
        waiting: 0,
        offered: 0,
      });
  const total = salesByType.get(null);
  const allHolds = holdsByType.get(null);
  const [firstAttention] = [...attention];
  const [firstFailure] = [...failures];

  return {
    event,
    ticketTypes: types.map((t) => ({
      ...t,
      sold: n(salesByType.get(t.id)?.sold),
      revenue: n(salesByType.get(t.id)?.revenue),
      held: n(holdsByType.get(t.id)?.tickets),
      taken: taken.get(poolKey.ticketType(t.id)) ?? 0,
      ...waitFor('ticket_type_id', t.id),
    })),
    totals: { sold: n(total?.sold), revenue: n(total?.kept), paidOrders: n(total?.orders) },
    eventPool: {
      id: event.id,
      name: 'Whole event',
      capacity: event.capacity,
      taken: taken.get(poolKey.event(event.id)) ?? 0,
    },
    pools: pools.map((p) => ({ ...p, taken: taken.get(poolKey.pool(p.id)) ?? 0 })),
    workshops: workshops.map((w) => ({
      ...w,
      taken: taken.get(poolKey.session(w.id)) ?? 0,
      ...waitFor('session_id', w.id),
    })),
    holds: {
      orders: n(allHolds?.orders),
      tickets: n(allHolds?.tickets),
      nextExpiry: allHolds?.next_expiry ? new Date(allHolds.next_expiry) : null,
    },
    registrations: dailySeries(
      [...perDay].map((r) => ({ day: r.day, orders: n(r.orders), tickets: n(r.tickets) })),
      dateInZone(now, event.timezone),
    ),
    attention: {
      count: n(firstAttention?.total),
      items: [...attention].map((r) => ({
        id: r.id,
        reference: r.reference,
        reason: r.reason,
        updatedAt: new Date(r.updated_at),
      })),
    },
    emailFailures: {
      count: n(firstFailure?.total),
      items: [...failures].map((r) => ({
        id: r.id,
        kind: r.kind,
        toEmail: r.to_email,
        status: r.status,
        lastError: r.last_error,
        at: new Date(r.at),
        orderId: r.order_id,
        orderReference: r.reference,
      })),
    },
    checkins,
  };
}

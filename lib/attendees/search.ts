// The admin attendee search: one row per ticket, filtered by effective order status (a lapsed hold reads as
// expired), ticket type and workshop, and matched on name, email or reference through the trigram indexes.
import { escapeLike } from '../like';
import { eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { ticketTypes } from '@/db/schema';
import type { AppContext } from '../context';
import { pageNumberSchema, parseInput } from '../validation';
import { hasArrangementSql } from '../access/requests';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const ATTENDEE_STATUSES = ['all', 'paid', 'pending_payment', 'expired', 'cancelled', 'refunded'] as const;
export type AttendeeStatusFilter = (typeof ATTENDEE_STATUSES)[number];

export interface AttendeeSearchQuery {
  eventId: string;
  q?: string;
  status?: AttendeeStatusFilter;
  ticketTypeId?: string;
  sessionId?: string;
  page: number;
  pageSize: number;
}

export interface AttendeeRow {
  ticketId: string;
  orderId: string;
  reference: string;
  legalName: string;
  badgeName: string;
  email: string;
  ticketLabel: string;
  orderStatus: string;
  source: string;
  createdAt: Date;
  workshops: string[];
  /** Only that the accessibility team arranged something: never what. */
  hasAccessArrangement: boolean;
}

export interface AttendeeSearchResult {
  rows: AttendeeRow[];
  total: number;
  page: number;
  pageSize: number;
}

const uuid = (what: string) => z.uuid({ error: `Choose a valid ${what}.` });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** The filters alone, shared with the CSV export. */
export const attendeeFilterSchema = z.object({
  eventId: uuid('event'),
  q: optional(z.string().trim().max(200, { error: 'Search for at most 200 characters.' })),
  status: optional(z.enum(ATTENDEE_STATUSES, { error: 'Choose a valid status.' })),
  ticketTypeId: optional(uuid('ticket type')),
  sessionId: optional(uuid('workshop')),
});

export const attendeeSearchSchema = attendeeFilterSchema.extend({
  page: pageNumberSchema,
  pageSize: z.coerce
    .number({ error: 'Page size must be a number.' })
    .int({ error: 'Page size must be a whole number.' })
    .min(1, { error: 'Page size must be between 1 and 200.' })
    .max(200, { error: 'Page size must be between 1 and 200.' }),
});

export type AttendeeFilters = z.output<typeof attendeeFilterSchema>;

// drizzle hands postgres-js timestamps as text, so they travel as ISO strings.
const at = (d: Date): SQL => sql`${d.toISOString()}::timestamptz`;

/** The status a person sees: a pending hold past its expiry is expired, whether or not housekeeping ran. */
export function effectiveStatusSql(now: Date): SQL {
  return sql`case when o.status = 'pending_payment' and o.expires_at <= ${at(now)} then 'expired' else o.status::text end`;
}

/** The event's ticket type ids (a ticket's type always belongs to its order's event: createOrder checks it). */
export async function eventTicketTypeIds(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<string[]> {
  const rows = await ctx.db.select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.eventId, eventId));
  return rows.map((r) => r.id);
}

const ids = (values: readonly string[]): SQL =>
  sql.join(
    values.map((v) => sql`${v}::uuid`),
    sql`, `,
  );
const OTHER_THAN_PAID = sql`('pending_payment', 'expired', 'cancelled', 'refunded')`;

const TICKET_KEYS = sql`st.id, st.created_at, st.ticket_type_id, st.order_id`;

/** pg_trgm takes trigrams from runs of letters and digits only: a shorter query cannot use the index. */
const usesTrigrams = (q: string) => /[\p{L}\p{N}]{3}/u.test(q);

// The tickets of each matching order, looked up by tickets(order_id). "offset 0" keeps this a nested loop: costing
// random reads as if from disk, the planner would rather hash every ticket, 3 to 5 times slower for the usual
// few hundred matching orders. Without trigrams (see above) every order is read anyway, and the hash wins.
const ordersTickets = sql`cross join lateral (select * from tickets st where st.order_id = so.id offset 0) st`;

/**
 * A SELECT of the matching tickets' `id, created_at`, or null when nothing can match. It starts from the most
 * selective set an index gives (the trigram matches on ticket fields united with the tickets of orders whose
 * fields match, else a workshop's seats, else every ticket) and filters it with conditions the planner can
 * answer by index lookups or one hash: the event through its ticket types (a short literal list, so estimates
 * stay right), a status through orders(event_id, status, expires_at) (paid, the bulk of a real event, as "not
 * one of the few others"), a workshop through its seats. No step joins every ticket to its order.
 */
export function matchingTickets(filters: AttendeeFilters, eventTypeIds: readonly string[], now: Date): SQL | null {
  const typeIds = filters.ticketTypeId ? eventTypeIds.filter((id) => id === filters.ticketTypeId) : eventTypeIds;
  if (!typeIds.length) return null;
  let source: SQL;
  const where: SQL[] = [sql`t.ticket_type_id in (${ids(typeIds)})`];
  if (filters.q) {
    // lower() in the database, the same function that built search_text.
    const pattern = sql`'%' || lower(${escapeLike(filters.q)}) || '%'`;
    source = sql`(select ${TICKET_KEYS} from tickets st where st.search_text like ${pattern}
      union
      select ${TICKET_KEYS} from orders so ${usesTrigrams(filters.q) ? ordersTickets : sql`join tickets st on st.order_id = so.id`}
        where so.search_text like ${pattern} and so.event_id = ${filters.eventId})`;
  } else if (filters.sessionId) {
    source = sql`(select ${TICKET_KEYS} from workshop_seats ws join tickets st on st.id = ws.ticket_id where ws.session_id = ${filters.sessionId})`;
  } else {
    source = sql`tickets`;
  }
  if (filters.q && filters.sessionId) {
    where.push(
      sql`exists (select 1 from workshop_seats ws where ws.ticket_id = t.id and ws.session_id = ${filters.sessionId})`,
    );
  }
  const order = (condition: SQL) =>
    sql`exists (select 1 from orders so where so.id = t.order_id and so.event_id = ${filters.eventId} and ${condition})`;
  switch (filters.status ?? 'all') {
    case 'all':
      break;
    case 'paid':
      where.push(sql`not ${order(sql`so.status in ${OTHER_THAN_PAID}`)}`);
      break;
    case 'pending_payment':
      where.push(order(sql`so.status = 'pending_payment' and so.expires_at > ${at(now)}`));
      break;
    case 'expired':
      where.push(
        order(sql`(so.status = 'expired' or (so.status = 'pending_payment' and so.expires_at <= ${at(now)}))`),
      );
      break;
    default:
      where.push(order(sql`so.status = ${filters.status}`));
  }
  return sql`select t.id, t.created_at from ${source} t where ${sql.join(where, sql` and `)}`;
}

interface RawRow extends Record<string, unknown> {
  ticket_id: string;
  order_id: string;
  reference: string;
  legal_name: string;
  badge_name: string;
  email: string;
  ticket_label: string;
  order_status: string;
  source: string;
  created_ms: number;
  workshops: string[] | null;
  total: number;
  has_access: boolean;
}

/**
 * The one statement behind a search: the matches found (once, as a rule), counted, and their page joined
 * to the columns the list shows. With no page rows (past the end, or no match) it still answers one row, the
 * total with nulls. Null when nothing can match. Exported so the benchmark can EXPLAIN exactly this statement.
 */
export function attendeeSearchStatement(
  input: z.output<typeof attendeeSearchSchema>,
  eventTypeIds: readonly string[],
  now: Date,
): SQL | null {
  const matching = matchingTickets(input, eventTypeIds, now);
  if (!matching) return null;
  const offset = (input.page - 1) * input.pageSize;
  // Every ticket (of a type) is the one set cheaper to find twice than to keep: the count is then read from the
  // ticket-type index alone. Any other set is found once.
  const plain = !input.q && !input.sessionId && (input.status ?? 'all') === 'all';
  return sql`
    with m as ${plain ? sql`not materialized` : sql`materialized`} (${matching}),
      p as (select m.id, m.created_at from m order by m.created_at desc, m.id desc limit ${input.pageSize} offset ${offset})
    select c.total, r.* from (select count(*)::int as total from m) c
    left join lateral (
      select t.id as ticket_id, t.order_id, o.reference, t.legal_name, t.badge_name, t.email,
        tt.internal_label as ticket_label, ${effectiveStatusSql(now)} as order_status, o.source,
        extract(epoch from t.created_at)::float8 * 1000 as created_ms, p.created_at as sort_at,
        (select array_agg(s.title order by s.starts_at, s.title) from workshop_seats ws join sessions s on s.id = ws.session_id
          where ws.ticket_id = t.id) as workshops, ${hasArrangementSql} as has_access
      from p join tickets t on t.id = p.id join orders o on o.id = t.order_id join ticket_types tt on tt.id = t.ticket_type_id
    ) r on true
    order by r.sort_at desc, r.ticket_id desc`;
}

export async function searchAttendees(ctx: Ctx, query: AttendeeSearchQuery): Promise<AttendeeSearchResult> {
  const input = parseInput(attendeeSearchSchema, query, 'Please correct the search.');
  const statement = attendeeSearchStatement(input, await eventTicketTypeIds(ctx, input.eventId), ctx.clock.now());
  if (!statement) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
  // Unprepared on purpose (drizzle's execute): a generic plan cannot see how selective a LIKE pattern is.
  const result = (await ctx.db.execute<RawRow>(statement)) as unknown as RawRow[];
  const total = result[0]?.total ?? 0;
  const rows = result.filter((r) => r.ticket_id !== null);
  return {
    rows: rows.map((r) => ({
      ticketId: r.ticket_id,
      orderId: r.order_id,
      reference: r.reference,
      legalName: r.legal_name,
      badgeName: r.badge_name,
      email: r.email,
      ticketLabel: r.ticket_label,
      orderStatus: r.order_status,
      source: r.source,
      createdAt: new Date(r.created_ms),
      workshops: r.workshops ?? [],
      hasAccessArrangement: r.has_access === true,
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

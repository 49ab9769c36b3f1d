// What can be bought: ticket types with their price windows, shared pools and questions, and the workshops.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { executePrepared, type DbOrTx } from '@/db/client';
import { sessions, type Event, type Question, type TicketType } from '@/db/schema';
import { addTaken, takenSql, type PoolQuery, type Taken } from '../capacity/availability';
import { rateLimitSql } from '../rate-limit';
import type { PriceWindow } from './pricing';

export interface CatalogueQuestion extends Pick<
  Question,
  'id' | 'key' | 'label' | 'help' | 'kind' | 'options' | 'isSensitive' | 'isAccessNeed' | 'sortOrder'
> {
  isRequired: boolean;
}

export interface CatalogueTicketType extends TicketType {
  prices: (PriceWindow & { id: string })[];
  poolIds: string[];
  pools: { id: string; capacity: number }[];
  questions: CatalogueQuestion[];
}

/** Turns a row from row_to_json (snake_case keys, ISO timestamps) into the shape drizzle would return. */
function fromJsonRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const camel = key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    out[camel] = typeof value === 'string' && camel.endsWith('At') ? new Date(value) : value;
  }
  return out as T;
}

type CatalogueRow = {
  event: Record<string, unknown>;
  types: {
    type: Record<string, unknown>;
    prices: Record<string, unknown>[];
    pools: { id: string; capacity: number }[];
    questions: Record<string, unknown>[];
  }[];
  rate_limit: { count: number; window_started_at: string } | null;
  taken: { key: string; n: number }[];
};

export interface CatalogueOptions {
  /** Count a hit on this rate-limit key in the same statement. */
  rateLimit?: { key: string; windowMs: number; now: Date };
  /** Measure these pools (unlocked, a snapshot) in the same statement. */
  taken?: { now: Date; query: PoolQuery };
}

export interface OrderCatalogue {
  event: Event;
  types: CatalogueTicketType[];
  rateLimit: { count: number; window_started_at: string } | null;
  taken: Taken;
}

/**
 * The event and everything it sells, in one statement, optionally with a rate-limit hit and a snapshot of
 * seats taken: it runs on every order, where each round trip costs more than the work it carries.
 */
export async function loadOrderCatalogue(
  db: DbOrTx,
  ref: { id: string } | { slug: string },
  options: CatalogueOptions = {},
): Promise<OrderCatalogue | null> {
  if ('id' in ref && !/^[0-9a-f-]{36}$/i.test(ref.id)) return null;
  const where = 'id' in ref ? sql`e.id = ${ref.id}::uuid` : sql`e.slug = ${ref.slug}`;
  const takenQuery = options.taken ? takenSql(options.taken.now, options.taken.query) : null;
  const rows = await executePrepared<CatalogueRow>(
    db,
    sql`
    ${options.rateLimit ? sql`with rl as (${rateLimitSql(options.rateLimit.key, options.rateLimit.windowMs, options.rateLimit.now)})` : sql``}
    select row_to_json(e) as event, coalesce((
      select json_agg(json_build_object(
        'type', row_to_json(t),
        'prices', coalesce((select json_agg(row_to_json(p)) from ticket_prices p where p.ticket_type_id = t.id), '[]'),
        'pools', coalesce((select json_agg(json_build_object('id', cp.id, 'capacity', cp.capacity))
          from ticket_type_pools tp join capacity_pools cp on cp.id = tp.pool_id where tp.ticket_type_id = t.id), '[]'),
        'questions', coalesce((select json_agg(json_build_object('id', q.id, 'key', q.key, 'label', q.label, 'help', q.help,
            'kind', q.kind, 'options', q.options, 'is_sensitive', q.is_sensitive, 'is_access_need', q.is_access_need, 'sort_order', q.sort_order, 'is_required', tq.is_required)
            order by q.sort_order)
          from ticket_type_questions tq join questions q on q.id = tq.question_id where tq.ticket_type_id = t.id), '[]')
      ) order by t.sort_order, t.public_label)
      from ticket_types t where t.event_id = e.id), '[]') as types,
      ${options.rateLimit ? sql`(select row_to_json(rl) from rl)` : sql`null::json`} as rate_limit,
      ${takenQuery ? sql`(select coalesce(json_agg(x), '[]') from (${takenQuery}) x)` : sql`'[]'::json`} as taken
    from events e where ${where}`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    event: fromJsonRow<Event>(row.event),
    types: row.types.map((t) => {
      const type = fromJsonRow<TicketType>(t.type);
      return {
        ...type,
        prices: t.prices.map((p) => {
          const { id, label, amount, startsAt, endsAt } = fromJsonRow<PriceWindow & { id: string }>(p);
          return { id, label, amount, startsAt: startsAt ?? null, endsAt: endsAt ?? null };
        }),
        poolIds: t.pools.map((p) => p.id),
        pools: t.pools,
        questions: t.questions.map((q) => fromJsonRow<CatalogueQuestion>(q)),
      };
    }),
    rateLimit: row.rate_limit,
    taken: addTaken(new Map(), row.taken),
  };
}

/** Ticket types of the event (only `ids`, when given) with their prices, shared pools and questions. */
export async function loadTicketTypes(db: DbOrTx, eventId: string, ids?: string[]): Promise<CatalogueTicketType[]> {
  const catalogue = await loadOrderCatalogue(db, { id: eventId });
  const wanted = ids ? new Set(ids) : null;
  return (catalogue?.types ?? []).filter((t) => !wanted || wanted.has(t.id));
}

export interface CatalogueWorkshop {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
}

/** Workshops people book during registration: every workshop of the event, public or attendee-only. */
export async function loadWorkshops(db: DbOrTx, eventId: string, ids?: string[]): Promise<CatalogueWorkshop[]> {
  return db
    .select({
      id: sessions.id,
      slug: sessions.slug,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.eventId, eventId),
        eq(sessions.format, 'workshop'),
        ids ? inArray(sessions.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
      ),
    )
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
}

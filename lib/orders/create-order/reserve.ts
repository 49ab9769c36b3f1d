// The critical path, in one READ COMMITTED transaction: lock every pool the order shrinks (sorted, with a lock
// timeout), check room at the clock's now and the hold caps, then insert the order. Room is checked one of two
// ways (ReserveInput.seatCheck):
// - 'counters' (the default): a guarded increment of each pool's seat_counters row, O(1) under the lock;
// - 'count': the seats taken counted from the facts under the lock, O(seats sold), which the order redeeming a
//   waiting-list offer always uses (its own offer must not count against it).
import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type postgres from 'postgres';
import { toQuery } from '@/db/client';
import type { Order, OrderSource } from '@/db/schema';
import { DomainError, isDatabaseUnavailable } from '../../errors';
import { poolKey, remaining, takenSql, type PoolQuery, type Taken } from '../../capacity/availability';
import {
  isCounterKey,
  lockSeatsSql,
  markCountersUnknownSql,
  poolsFor,
  seatLockFailure,
  type PoolLocker,
  type PoolNeed,
  UNLIMITED_SEATS,
} from '../../capacity/seats';
import { enqueueEmailsSql } from '../../outbox/enqueue-batch';
import { paidOrderEmails } from '../../outbox/triggers';
import { newReference } from '../../tokens';
import { statesAccessNeed } from '../../access/requests';
import { answerColumns, pronounColumns } from '../../privacy/sealed';
import type { Vault } from '../../vault';
import type { PreparedOrder } from './prepare';

/** What prepareOrder found (event, attendees, price, catalogue, voucher, offer) and what the writer adds. */
export interface ReserveInput extends PreparedOrder {
  accessTokenHash: string;
  clientKey: string | null;
  /** 'online' for the public form and API; organizers' manual and complimentary registrations say so. */
  source: OrderSource;
  now: Date;
  limits: { perEmail: number; perClient: number; lockTimeoutMs: number };
  locker: PoolLocker;
  /** How room is checked under the locks: 'counters' (guarded increments) or 'count' (from the facts). */
  seatCheck: SeatCheckMode;
  /** How long before the event the reminder email goes (a free order is paid at once and queues it). */
  emailReminderHours: number;
  /** Seals sensitive answers and pronouns before they are sent to the database. */
  vault: Pick<Vault, 'seal'>;
}

export type SeatCheckMode = 'counters' | 'count';

/** The way this order checks room: counters unless it redeems an offer or the locker takes no locks (tests). */
export function seatCheckOf(input: Pick<ReserveInput, 'seatCheck' | 'offer' | 'locker'>): SeatCheckMode {
  return input.seatCheck === 'counters' && !input.offer && input.locker.locks ? 'counters' : 'count';
}

function tally<T>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

function soldOut(message: string, field: string, details: Record<string, unknown>): DomainError {
  return new DomainError('SOLD_OUT', message, { [field]: [message] }, details);
}

type PoolInput = Pick<
  ReserveInput,
  | 'event'
  | 'registration'
  | 'attendees'
  | 'price'
  | 'types'
  | 'workshops'
  | 'voucher'
  | 'offer'
  | 'clientKey'
  | 'limits'
>;

/** The pools an order shrinks: their lock keys and the query that measures them. */
export function planPools(input: PoolInput) {
  const { event, attendees, price, types, voucher } = input;
  const free = price.total === 0;
  const perType = tally(attendees.map((a) => a.ticketTypeId));
  const perPool = tally(attendees.flatMap((a) => types.get(a.ticketTypeId)!.poolIds));
  const perWorkshop = tally(attendees.flatMap((a) => a.workshopIds));
  const buyerEmail = input.registration.buyer.email;
  const keys = poolsFor({
    eventId: event.id,
    // The event pool is only a pool when the event has a total capacity; otherwise orders for different
    // ticket types need not wait for each other.
    includeEvent: event.capacity !== null,
    ticketTypeIds: [...perType.keys()],
    poolIds: [...perPool.keys()],
    sessionIds: [...perWorkshop.keys()],
    voucherIds: voucher ? [voucher.id] : [],
    holds: free ? undefined : { email: buyerEmail, clientKey: input.clientKey },
  });
  const query: PoolQuery = {
    eventId: event.id,
    includeEvent: event.capacity !== null,
    ticketTypeIds: [...perType.keys()],
    poolIds: [...perPool.keys()],
    sessionIds: [...perWorkshop.keys()],
    voucherIds: voucher?.maxUses != null ? [voucher.id] : [],
    excludeOfferId: input.offer?.id,
    holds: free ? undefined : { email: buyerEmail, clientKey: input.clientKey },
  };
  return { keys, query, free, perType, perPool, perWorkshop };
}

/** Throws SOLD_OUT, VOUCHER_EXHAUSTED or HOLD_LIMIT unless every pool has room for the order. */
export function assertAvailable(taken: Taken, input: PoolInput, plan: ReturnType<typeof planPools>): void {
  const { event, attendees, price, types, workshops, voucher } = input;
  const { free, perType, perPool, perWorkshop } = plan;
  if (!free) {
    if ((taken.get('holds:email') ?? 0) >= input.limits.perEmail) {
      throw new DomainError(
        'HOLD_LIMIT',
        'This email already has unpaid registrations waiting. Complete or cancel them first.',
        { 'buyer.email': ['Too many unpaid registrations for this email'] },
      );
    }
    if (input.clientKey && (taken.get('holds:client') ?? 0) >= input.limits.perClient) {
      throw new DomainError(
        'HOLD_LIMIT',
        'Too many unpaid registrations from this connection. Complete or cancel them first.',
      );
    }
  }
  const left = (key: string, capacity: number | null) => remaining(capacity, taken.get(key) ?? 0);

  const eventLeft = left(poolKey.event(event.id), event.capacity);
  if (eventLeft !== null && eventLeft < attendees.length) {
    throw soldOut('The conference is sold out.', 'attendees', { pool: 'event', remaining: eventLeft });
  }
  for (const [id, n] of perType) {
    const type = types.get(id)!;
    const l = left(poolKey.ticketType(id), type.capacity);
    if (l !== null && l < n) {
      throw soldOut(l === 0 ? `${type.publicLabel} is sold out.` : `Only ${l} ${type.publicLabel} left.`, 'attendees', {
        pool: 'ticket_type',
        ticketTypeId: id,
        remaining: l,
      });
    }
  }
  const poolCapacity = new Map(
    attendees.flatMap((a) => types.get(a.ticketTypeId)!.pools).map((p) => [p.id, p.capacity]),
  );
  for (const [id, n] of perPool) {
    const l = left(poolKey.pool(id), poolCapacity.get(id) ?? null);
    if (l !== null && l < n) {
      throw soldOut('These tickets are sold out.', 'attendees', { pool: 'shared', poolId: id, remaining: l });
    }
  }
  for (const [id, n] of perWorkshop) {
    const w = workshops.get(id)!;
    const l = left(poolKey.session(id), w.capacity);
    if (l !== null && l < n) {
      throw soldOut(
        l === 0 ? `The workshop "${w.title}" is full.` : `Only ${l} seats left in "${w.title}".`,
        'workshops',
        { pool: 'workshop', sessionId: id, remaining: l },
      );
    }
  }
  if (voucher && voucher.maxUses !== null) {
    const l = voucher.maxUses - (taken.get(poolKey.voucher(voucher.id)) ?? 0);
    const voucherUses = price.lines.filter((line) => line.voucherApplied).length;
    if (l < voucherUses) {
      const message =
        l <= 0
          ? 'This voucher has been used up.'
          : `This voucher can be used for ${l} more ticket${l === 1 ? '' : 's'} only.`;
      throw new DomainError('VOUCHER_EXHAUSTED', message, { voucherCode: [message] });
    }
  }
}

/** A pool the order shrinks: its limit read by the locked statement itself, and the places the order needs. */
type LimitRow = PoolNeed;

const UNLIMITED = UNLIMITED_SEATS;

/**
 * Every pool the order shrinks, with its capacity read by the locked statement itself (an organizer who lowers
 * a capacity takes the same pool lock, so the order sees the new figure; a pool made unlimited since reads as
 * no limit), and how many places this order needs from it. `all`: also the pools without a limit (the counters
 * of those are still kept, so a limit set later finds them counted).
 */
function limitRows(input: PoolInput, plan: ReturnType<typeof planPools>, all = false): LimitRow[] {
  const { event, types, workshops, voucher, price } = input;
  const rows: LimitRow[] = [];
  const current = (table: string, column: string, id: string) =>
    sql`coalesce((select ${sql.raw(column)} from ${sql.raw(table)} where id = ${id}::uuid), ${UNLIMITED})`;
  if (event.capacity !== null)
    rows.push({
      key: poolKey.event(event.id),
      cap: current('events', 'capacity', event.id),
      need: input.attendees.length,
    });
  for (const [id, n] of plan.perType) {
    if (all || types.get(id)!.capacity !== null)
      rows.push({ key: poolKey.ticketType(id), cap: current('ticket_types', 'capacity', id), need: n });
  }
  for (const [id, n] of plan.perPool)
    rows.push({ key: poolKey.pool(id), cap: current('capacity_pools', 'capacity', id), need: n });
  for (const [id, n] of plan.perWorkshop) {
    if (all || workshops.get(id)!.capacity !== null)
      rows.push({ key: poolKey.session(id), cap: current('sessions', 'capacity', id), need: n });
  }
  if (voucher && voucher.maxUses !== null) {
    rows.push({
      key: poolKey.voucher(voucher.id),
      cap: current('vouchers', 'max_uses', voucher.id),
      need: price.lines.filter((l) => l.voucherApplied).length,
    });
  }
  if (!plan.free) {
    rows.push({ key: 'holds:email', cap: sql`${input.limits.perEmail}`, need: 1 });
    if (input.clientKey) rows.push({ key: 'holds:client', cap: sql`${input.limits.perClient}`, need: 1 });
  }
  return rows;
}

/** The pools of seats (with counters) the order shrinks, with or without a limit: what reconcileSeats recounts. */
export function poolNeeds(input: PoolInput): PoolNeed[] {
  return limitRows(input, planPools(input), true).filter((r) => isCounterKey(r.key));
}

const valuesOf = (rows: LimitRow[]) =>
  sql.join(
    rows.map((r) => sql`(${r.key}::text, (${r.cap})::int, ${r.need}::int)`),
    sql`, `,
  );

/** True when no pool of `rows` would go past its limit, by the seats `taken` (a query of key and n) counts. */
function roomByCount(rows: LimitRow[], taken: SQL | null): SQL {
  if (!rows.length || !taken) return sql`true`;
  return sql`not exists (select 1 from (values ${valuesOf(rows)}) as l(key, cap, need)
    left join (select key, sum(n) as n from (${taken}) u group by key) t on t.key = l.key
    where coalesce(t.n, 0) + l.need > l.cap)`;
}

/** True when every counter of `rows` is known and has room for what the order needs. */
function roomByCounters(rows: LimitRow[]): SQL {
  if (!rows.length) return sql`true`;
  return sql`not exists (select 1 from (values ${valuesOf(rows)}) as l(key, cap, need)
    left join seat_counters c on c.key = l.key
    where l.cap < ${UNLIMITED} and (c.taken is null or c.taken + l.need > l.cap))`;
}

/**
 * The critical path, in one round trip. On a connection of its own it pipelines: BEGIN; take every pool's
 * lock (sorted, under a lock timeout); insert the order only if every pool still has room (the check and
 * the insert are one statement, whose snapshot is taken after the locks are held); insert its tickets,
 * answers and seats only if the order went in; COMMIT. The locks are held for the server's work alone,
 * never across a wait for this process, so a hot pool serves orders as fast as Postgres commits them.
 * Resolves to the order, or to null when a pool was full (the caller finds out which).
 */
export async function reserve(client: postgres.Sql, input: ReserveInput): Promise<Order | null> {
  const { event, registration, attendees, price, voucher, now } = input;
  const plan = planPools(input);
  const mode = seatCheckOf(input);
  const expiresAt = plan.free ? null : new Date(now.getTime() + event.holdMinutes * 60_000);
  const order: Order = {
    id: randomUUID(),
    eventId: event.id,
    reference: newReference(
      event.slug
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 6) || 'REG',
    ),
    accessTokenHash: input.accessTokenHash,
    anonymizedAt: null,
    status: plan.free ? 'paid' : 'pending_payment',
    buyerName: registration.buyer.name,
    buyerEmail: registration.buyer.email,
    currency: event.currency,
    subtotal: price.subtotal,
    discount: price.discount,
    total: price.total,
    voucherId: voucher?.id ?? null,
    clientKey: input.clientKey,
    expiresAt,
    paidAt: plan.free ? now : null,
    paymentState: 'none',
    amountPaid: 0,
    amountRefunded: 0,
    paymentReference: null,
    checkoutSessionId: null,
    checkoutUrl: null,
    attentionReason: null,
    source: input.source,
    searchText: null,
    createdAt: now,
    updatedAt: now,
  };
  const ticketIds = attendees.map(() => randomUUID());
  const ts = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`null::timestamptz`);
  const orderExists = sql`exists (select 1 from orders where id = ${order.id}::uuid)`;
  const statements: SQL[] = [];
  // The seat locks, pipelined with the insert: the same statements lockSeats runs.
  statements.push(...lockSeatsSql(plan.keys, { timeoutMs: input.limits.lockTimeoutMs, locker: input.locker }));
  let roomLeft: SQL;
  let prefix = sql``;
  if (mode === 'counters') {
    // Pools of seats by their counters; the per-buyer and voucher caps (no counter) by counting. The counters go
    // up by what the order takes only if everything has room, in the statement that inserts the order.
    const rows = limitRows(input, plan, true);
    const pools = rows.filter((r) => isCounterKey(r.key));
    const caps = rows.filter((r) => !isCounterKey(r.key));
    const capsTaken = takenSql(now, { eventId: event.id, voucherIds: plan.query.voucherIds, holds: plan.query.holds });
    const bump = pools.length
      ? sql`, bumped as (update seat_counters c set taken = c.taken + l.need
          from (values ${sql.join(
            pools.map((r) => sql`(${r.key}::text, ${r.need}::int)`),
            sql`, `,
          )}) as l(key, need) where c.key = l.key and (select ok from room) returning c.key)`
      : sql``;
    prefix = sql`with room as materialized (select (${roomByCounters(pools)}) and (${roomByCount(caps, capsTaken)}) as ok)${bump} `;
    roomLeft = sql`(select ok from room)`;
  } else {
    // Counted from the facts under the locks; the counters are marked unknown, as every counting writer does.
    roomLeft = roomByCount(limitRows(input, plan), takenSql(now, plan.query));
    const unknown = markCountersUnknownSql(plan.keys, input.locker);
    if (unknown) statements.push(unknown);
  }
  const orderStatement = statements.length;
  statements.push(sql`${prefix}insert into orders (id, event_id, reference, access_token_hash, status, buyer_name, buyer_email, currency,
      subtotal, discount, total, voucher_id, client_key, expires_at, paid_at, source, created_at, updated_at)
    select ${order.id}::uuid, ${order.eventId}::uuid, ${order.reference}, ${order.accessTokenHash}, ${order.status}::order_status,
      ${order.buyerName}, ${order.buyerEmail}, ${order.currency}, ${order.subtotal}::int, ${order.discount}::int, ${order.total}::int,
      ${order.voucherId}::uuid, ${order.clientKey}::text, ${ts(expiresAt)}, ${ts(order.paidAt)}, ${order.source}, ${ts(now)}, ${ts(now)}
    where ${roomLeft}
    returning id`);
  statements.push(sql`insert into tickets (id, order_id, position, ticket_type_id, price, discount, voucher_id, legal_name, badge_name, email,
      pronouns, pronouns_cipher, pronouns_key_id, directory_opt_in, photo_preference, created_at)
    select v.id::uuid, ${order.id}::uuid, v.position::int, v.type::uuid, v.price::int, v.discount::int, v.voucher::uuid, v.legal, v.badge, v.email,
      '', v.pronouns_cipher, v.pronouns_key_id, v.directory::boolean, v.photo::photo_preference, ${ts(now)}
    from (values ${sql.join(
      attendees.map((a, i) => {
        const r = registration.attendees[i]!;
        const line = price.lines[i]!;
        const pronouns = pronounColumns(input.vault, r.pronouns);
        return sql`(${ticketIds[i]!}, ${i}, ${a.ticketTypeId}, ${line.price}, ${line.discount}, ${line.voucherApplied ? voucher!.id : null}::text,
        ${r.legalName}, ${a.badgeName}, ${r.email}, ${pronouns.pronounsCipher}::text, ${pronouns.pronounsKeyId}::text, ${r.directoryOptIn}, ${r.photoPreference})`;
      }),
      sql`, `,
    )}) as v(id, position, type, price, discount, voucher, legal, badge, email, pronouns_cipher, pronouns_key_id, directory, photo)
    where ${orderExists}`);
  // Sensitive answers are sealed here, in this process: only ciphertext reaches the database.
  const answerRows = attendees.flatMap((a, i) =>
    a.answers.map((ans) => {
      const stored = answerColumns(input.vault, ans, ans.value);
      return sql`(${ticketIds[i]!}, ${ans.questionId}, ${stored.value}::text, ${stored.valueCipher}::text, ${stored.keyId}::text)`;
    }),
  );
  if (answerRows.length) {
    statements.push(sql`insert into answers (ticket_id, question_id, value, value_cipher, key_id) select v.t::uuid, v.q::uuid, v.value, v.cipher, v.key_id
      from (values ${sql.join(answerRows, sql`, `)}) as v(t, q, value, cipher, key_id) where ${orderExists}`);
  }
  const needRows = attendees.flatMap((a, i) => (statesAccessNeed(a.answers) ? [sql`(${ticketIds[i]!})`] : []));
  if (needRows.length) {
    statements.push(sql`insert into access_requests (event_id, ticket_id, status_changed_at, created_at, updated_at)
      select ${event.id}::uuid, v.t::uuid, ${ts(now)}, ${ts(now)}, ${ts(now)} from (values ${sql.join(needRows, sql`, `)}) as v(t) where ${orderExists}`);
  }
  const seatRows = attendees.flatMap((a, i) => a.workshopIds.map((sessionId) => sql`(${ticketIds[i]!}, ${sessionId})`));
  if (seatRows.length) {
    statements.push(sql`insert into workshop_seats (ticket_id, session_id, order_id) select v.t::uuid, v.s::uuid, ${order.id}::uuid
      from (values ${sql.join(seatRows, sql`, `)}) as v(t, s) where ${orderExists}`);
  }
  if (input.offer) {
    statements.push(
      sql`update waitlist_entries set status = 'accepted' where id = ${input.offer.id}::uuid and ${orderExists}`,
    );
  }
  if (plan.free) {
    // A free order is paid as it is inserted: its confirmation (and ticket emails, reminder) go into the outbox in
    // this same transaction, guarded like the tickets so a full pool queues nothing. Appended last, so the
    // positions of the statements above (the order insert's result) are unchanged.
    const emails = paidOrderEmails({
      order,
      event,
      now,
      reminderHours: input.emailReminderHours,
      tickets: ticketIds.map((id, i) => ({ id, email: registration.attendees[i]!.email })),
    });
    statements.push(enqueueEmailsSql(emails, orderExists));
  }

  const connection = await client.reserve();
  let connectionLost = false;
  try {
    // Created in order without awaiting, so they go out in order on this connection and run in order.
    const pending = [
      connection`begin`,
      ...statements.map((s) => {
        const q = toQuery(s);
        // Prepared: each connection plans a statement shape once, not once per order inside the lock.
        return connection.unsafe(q.sql, q.params, { prepare: true });
      }),
      connection`commit`,
    ];
    // When the connection dies, the statements still waiting in postgres.js's queue for this reserved connection
    // never settle: the first one refused for a lost connection ends the wait.
    const lost = new Promise<PromiseRejectedResult>((resolve) => {
      for (const p of pending)
        p.catch((reason: unknown) => isDatabaseUnavailable(reason) && resolve({ status: 'rejected', reason }));
    });
    const results: PromiseSettledResult<unknown>[] = await Promise.race([
      Promise.allSettled(pending),
      lost.then((r) => [r]),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      // A lost connection took its transaction with it. Nothing more may be written on it: postgres.js 3.4.9 would
      // leave that write hanging for ever (porsager/postgres#1208), and releasing it would put the dead
      // connection back among the open ones; the pool has already taken the slot back.
      connectionLost = isDatabaseUnavailable(failed.reason);
      if (!connectionLost) await connection`rollback`.catch(() => undefined);
      throw seatLockFailure(failed.reason) ?? failed.reason;
    }
    // Results: begin, then the statements in order, then commit.
    const inserted = results[orderStatement + 1] as PromiseFulfilledResult<unknown[]>;
    return inserted.value.length ? order : null;
  } finally {
    if (!connectionLost) connection.release();
  }
}

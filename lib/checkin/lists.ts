// Check-in lists of an event: the entrance, and one per session that takes attendance (the base for CE
// credits). ensureDefaultLists is idempotent (safe to run on every visit and from two places at once): the
// entrance and every workshop or capacity-limited session get a list; organizers add lists for other sessions.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { checkinLists, events, sessions } from '@/db/schema';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { isUuid } from '../validation';
import { formatTime, dateInZone, formatDay } from '../time';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const ENTRANCE_NAME = 'Entrance';

export interface CheckinListView {
  id: string;
  eventId: string;
  name: string;
  timezone: string;
  session: { id: string; title: string; format: string; startsAt: Date; endsAt: Date } | null;
}

type SessionRow = { id: string; title: string; startsAt: Date };

/** A list name for a session, unique within the event: the title, with its day and time when another list has it. */
function sessionListName(session: SessionRow, timezone: string, taken: Set<string>): string {
  if (!taken.has(session.title)) return session.title;
  const day = formatDay(dateInZone(session.startsAt, timezone), 'en-GB', 'short');
  return `${session.title} (${day} ${formatTime(session.startsAt, timezone)})`;
}

async function insertSessionLists(
  db: DbOrTx,
  eventId: string,
  timezone: string,
  wanted: SessionRow[],
): Promise<{ id: string; name: string }[]> {
  if (!wanted.length) return [];
  const taken = new Set(
    (await db.select({ name: checkinLists.name }).from(checkinLists).where(eq(checkinLists.eventId, eventId))).map(
      (r) => r.name,
    ),
  );
  const values = wanted.map((s) => {
    const name = sessionListName(s, timezone, taken);
    taken.add(name);
    return { eventId, name, sessionId: s.id, sortOrder: 1 };
  });
  return db
    .insert(checkinLists)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: checkinLists.id, name: checkinLists.name });
}

/**
 * Creates the entrance list and a list per workshop (or capacity-limited session) that has none yet; returns
 * the lists it created. One audit entry records them, in the same transaction.
 */
export async function ensureDefaultLists(
  ctx: Ctx,
  eventId: string,
  actor: AuditActor = { type: 'system' },
): Promise<{ id: string; name: string }[]> {
  if (!isUuid(eventId)) throw new DomainError('NOT_FOUND', 'There is no such event.');
  return ctx.db.transaction(async (tx) => {
    const [event] = await tx
      .select({ id: events.id, timezone: events.timezone })
      .from(events)
      .where(eq(events.id, eventId));
    if (!event) throw new DomainError('NOT_FOUND', 'There is no such event.');
    const created: { id: string; name: string }[] = [];
    // The name's unique constraint settles a race between two first visits.
    const entrance = await tx.execute<{ id: string; name: string }>(sql`
      insert into checkin_lists (event_id, name, session_id, sort_order)
      select ${eventId}::uuid, ${ENTRANCE_NAME}, null, 0
      where not exists (select 1 from checkin_lists where event_id = ${eventId}::uuid and session_id is null)
      on conflict do nothing returning id, name`);
    created.push(...entrance);
    const missing = await tx
      .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt })
      .from(sessions)
      .leftJoin(checkinLists, eq(checkinLists.sessionId, sessions.id))
      .where(
        and(
          eq(sessions.eventId, eventId),
          isNull(checkinLists.id),
          sql`(${sessions.format} = 'workshop' or ${sessions.capacity} is not null)`,
        ),
      )
      .orderBy(asc(sessions.startsAt), asc(sessions.title));
    created.push(...(await insertSessionLists(tx, eventId, event.timezone, missing)));
    if (created.length) {
      await recordAudit(tx, {
        actor,
        action: 'checkin_list.create',
        eventId,
        targetType: 'event',
        targetId: eventId,
        at: ctx.clock.now(),
        summary: `Created check-in lists: ${created.map((l) => l.name).join(', ')}`,
        details: { listIds: created.map((l) => l.id) },
      });
    }
    return created;
  });
}

/** An organizer adds a list for a session (any format). Refuses a session of another event or one that has a list. */
export async function addSessionList(
  ctx: Ctx,
  input: { eventId: string; sessionId: string; actor: AuditActor },
): Promise<{ id: string; name: string }> {
  const notFound = () =>
    new DomainError('VALIDATION', 'Choose a session of this event.', {
      sessionId: ['Choose a session of this event.'],
    });
  if (!isUuid(input.eventId) || !isUuid(input.sessionId)) throw notFound();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: sessions.id,
        title: sessions.title,
        startsAt: sessions.startsAt,
        timezone: events.timezone,
        listId: checkinLists.id,
      })
      .from(sessions)
      .innerJoin(events, eq(events.id, sessions.eventId))
      .leftJoin(checkinLists, eq(checkinLists.sessionId, sessions.id))
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.eventId, input.eventId)));
    if (!row) throw notFound();
    const exists = new DomainError('CONFLICT', 'That session already has a check-in list.', {
      sessionId: ['That session already has a check-in list.'],
    });
    if (row.listId) throw exists;
    const [list] = await insertSessionLists(tx, input.eventId, row.timezone, [row]);
    if (!list) throw exists;
    await recordAudit(tx, {
      actor: input.actor,
      action: 'checkin_list.create',
      eventId: input.eventId,
      targetType: 'checkin_list',
      targetId: list.id,
      at: ctx.clock.now(),
      summary: `Created check-in list "${list.name}"`,
    });
    return list;
  });
}

const listColumns = {
  id: checkinLists.id,
  eventId: checkinLists.eventId,
  name: checkinLists.name,
  timezone: events.timezone,
  sessionId: sessions.id,
  title: sessions.title,
  format: sessions.format,
  startsAt: sessions.startsAt,
  endsAt: sessions.endsAt,
};

type ListRow = {
  id: string;
  eventId: string;
  name: string;
  timezone: string;
  sessionId: string | null;
  title: string | null;
  format: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
};

function toView(r: ListRow): CheckinListView {
  return {
    id: r.id,
    eventId: r.eventId,
    name: r.name,
    timezone: r.timezone,
    session: r.sessionId
      ? { id: r.sessionId, title: r.title!, format: r.format!, startsAt: r.startsAt!, endsAt: r.endsAt! }
      : null,
  };
}

/** The lists of an event: the entrance first, then sessions in time order. */
export async function listCheckinLists(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<CheckinListView[]> {
  if (!isUuid(eventId)) return [];
  const rows = await ctx.db
    .select(listColumns)
    .from(checkinLists)
    .innerJoin(events, eq(events.id, checkinLists.eventId))
    .leftJoin(sessions, eq(sessions.id, checkinLists.sessionId))
    .where(eq(checkinLists.eventId, eventId))
    .orderBy(asc(checkinLists.sortOrder), sql`${sessions.startsAt} nulls first`, asc(checkinLists.name));
  return rows.map(toView);
}

/** One list, or null for an unknown id (or, when `eventId` is given, a list of another event). */
export async function getCheckinList(
  ctx: Pick<AppContext, 'db'>,
  listId: string,
  eventId?: string,
): Promise<CheckinListView | null> {
  if (!isUuid(listId) || (eventId !== undefined && !isUuid(eventId))) return null;
  const [row] = await ctx.db
    .select(listColumns)
    .from(checkinLists)
    .innerJoin(events, eq(events.id, checkinLists.eventId))
    .leftJoin(sessions, eq(sessions.id, checkinLists.sessionId))
    .where(and(eq(checkinLists.id, listId), eventId ? eq(checkinLists.eventId, eventId) : undefined));
  return row ? toView(row) : null;
}

/** Sessions of the event that have no list yet, for the organizer's "add a list" choice. */
export async function listSessionsWithoutList(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
): Promise<{ id: string; title: string; startsAt: Date }[]> {
  if (!isUuid(eventId)) return [];
  return ctx.db
    .select({ id: sessions.id, title: sessions.title, startsAt: sessions.startsAt })
    .from(sessions)
    .leftJoin(checkinLists, eq(checkinLists.sessionId, sessions.id))
    .where(and(eq(sessions.eventId, eventId), isNull(checkinLists.id)))
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
}

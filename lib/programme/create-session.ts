// Creates a session: inside the event's dates (in its timezone), in a room nobody else holds at that time,
// with speakers of the same event. The room check and the insert share one transaction and one room lock.
import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rooms, sessionSpeakers, sessions, speakers, tracks, type Event, type Session } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { slugify } from '../slug';
import { dateInZone } from '../time';
import { parseInput } from '../validation';
import { getEventOrThrow } from './build';
import { sessionSchema, type SessionInput } from './schemas';

type Ctx = Pick<AppContext, 'db'>;

/** Refuses a session whose first or last minute falls outside the event's dates, read in the event's zone. */
export function assertWithinEventDates(
  event: Pick<Event, 'startsOn' | 'endsOn' | 'timezone'>,
  startsAt: Date,
  endsAt: Date,
): void {
  const firstDay = dateInZone(startsAt, event.timezone);
  const lastDay = dateInZone(new Date(endsAt.getTime() - 1), event.timezone);
  if (firstDay < event.startsOn || lastDay > event.endsOn) {
    throw new DomainError('OUTSIDE_EVENT_DATES', 'The session must take place within the event dates', {
      startsAt: [`Choose a time between ${event.startsOn} and ${event.endsOn} (${event.timezone})`],
    });
  }
}

/**
 * Locks the room row (so two writers booking one room queue up) and refuses a time that overlaps another
 * session in it. Call inside the transaction that then writes the session, so the check still holds at commit.
 */
export async function assertRoomFree(
  tx: Tx,
  q: { eventId: string; roomId: string; startsAt: Date; endsAt: Date; exceptSessionId?: string },
): Promise<void> {
  const [room] = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(and(eq(rooms.id, q.roomId), eq(rooms.eventId, q.eventId)))
    .for('update');
  if (!room) throw new DomainError('VALIDATION', 'Unknown room', { roomId: ['Choose a room of this event'] });
  const [clash] = await tx
    .select({ title: sessions.title })
    .from(sessions)
    .where(
      and(
        eq(sessions.roomId, q.roomId),
        lt(sessions.startsAt, q.endsAt),
        gt(sessions.endsAt, q.startsAt),
        q.exceptSessionId ? ne(sessions.id, q.exceptSessionId) : undefined,
      ),
    )
    .limit(1);
  if (clash) {
    throw new DomainError('ROOM_DOUBLE_BOOKED', `The room is already booked for "${clash.title}" at that time`, {
      roomId: [`Already booked for "${clash.title}" at that time`],
    });
  }
}

export async function createSession(ctx: Ctx, eventId: string, input: SessionInput): Promise<Session> {
  const data = parseInput(sessionSchema, input);
  const event = await getEventOrThrow(ctx, eventId);
  assertWithinEventDates(event, data.startsAt, data.endsAt);

  return ctx.db.transaction(async (tx) => {
    if (data.trackId) {
      const [track] = await tx
        .select({ id: tracks.id })
        .from(tracks)
        .where(and(eq(tracks.id, data.trackId), eq(tracks.eventId, eventId)));
      if (!track) throw new DomainError('VALIDATION', 'Unknown track', { trackId: ['Choose a track of this event'] });
    }
    if (data.roomId)
      await assertRoomFree(tx, { eventId, roomId: data.roomId, startsAt: data.startsAt, endsAt: data.endsAt });
    const speakerIds = [...new Set(data.speakerIds)];
    if (speakerIds.length) {
      const found = await tx
        .select({ id: speakers.id })
        .from(speakers)
        .where(and(inArray(speakers.id, speakerIds), eq(speakers.eventId, eventId)));
      if (found.length !== speakerIds.length) {
        throw new DomainError('VALIDATION', 'Unknown speaker', { speakerIds: ['Choose speakers of this event'] });
      }
    }
    const baseSlug = data.slug ?? slugify(data.title);
    const [{ taken }] = (await tx
      .select({ taken: sql<number>`count(*)::int` })
      .from(sessions)
      .where(and(eq(sessions.eventId, eventId), sql`${sessions.slug} ~ ${`^${baseSlug}(-[0-9]+)?$`}`))) as [
      { taken: number },
    ];
    const { speakerIds: _ids, ...values } = data;
    const [row] = await tx
      .insert(sessions)
      .values({ ...values, eventId, slug: taken ? `${baseSlug}-${taken + 1}` : baseSlug })
      .returning();
    if (speakerIds.length) {
      await tx
        .insert(sessionSpeakers)
        .values(speakerIds.map((speakerId, i) => ({ sessionId: row!.id, speakerId, sortOrder: i })));
    }
    return row!;
  });
}

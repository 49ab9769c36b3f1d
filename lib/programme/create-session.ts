// Creates a session: inside the event's dates (in its timezone), in a room nobody else holds at that time,
// with speakers of the same event. The room check and the insert share one transaction and one room lock.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { rooms, sessionSpeakers, sessions, speakers, tracks, type Session } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { slugify } from '../slug';
import { dateInZone } from '../time';
import { parseInput } from '../validation';
import { getEventOrThrow } from './build';
import { sessionSchema, type SessionInput } from './schemas';

type Ctx = Pick<AppContext, 'db'>;

export async function createSession(ctx: Ctx, eventId: string, input: SessionInput): Promise<Session> {
  const data = parseInput(sessionSchema, input);
  const event = await getEventOrThrow(ctx, eventId);
  const firstDay = dateInZone(data.startsAt, event.timezone);
  const lastDay = dateInZone(new Date(data.endsAt.getTime() - 1), event.timezone);
  if (firstDay < event.startsOn || lastDay > event.endsOn) {
    throw new DomainError('OUTSIDE_EVENT_DATES', 'The session must take place within the event dates', {
      startsAt: [`Choose a time between ${event.startsOn} and ${event.endsOn} (${event.timezone})`],
    });
  }

  return ctx.db.transaction(async (tx) => {
    if (data.trackId) {
      const [track] = await tx.select({ id: tracks.id }).from(tracks)
        .where(and(eq(tracks.id, data.trackId), eq(tracks.eventId, eventId)));
      if (!track) throw new DomainError('VALIDATION', 'Unknown track', { trackId: ['Choose a track of this event'] });
    }
    if (data.roomId) {
      const [room] = await tx.select({ id: rooms.id }).from(rooms)
        .where(and(eq(rooms.id, data.roomId), eq(rooms.eventId, eventId))).for('update');
      if (!room) throw new DomainError('VALIDATION', 'Unknown room', { roomId: ['Choose a room of this event'] });
      const [clash] = await tx.select({ title: sessions.title }).from(sessions).where(and(
        eq(sessions.roomId, data.roomId), lt(sessions.startsAt, data.endsAt), gt(sessions.endsAt, data.startsAt),
      )).limit(1);
      if (clash) {
        throw new DomainError('ROOM_DOUBLE_BOOKED', `The room is already booked for "${clash.title}" at that time`, {
          roomId: [`Already booked for "${clash.title}" at that time`],
        });
      }
    }
    const speakerIds = [...new Set(data.speakerIds)];
    if (speakerIds.length) {
      const found = await tx.select({ id: speakers.id }).from(speakers)
        .where(and(inArray(speakers.id, speakerIds), eq(speakers.eventId, eventId)));
      if (found.length !== speakerIds.length) {
        throw new DomainError('VALIDATION', 'Unknown speaker', { speakerIds: ['Choose speakers of this event'] });
      }
    }
    const baseSlug = data.slug ?? slugify(data.title);
    const [{ taken }] = (await tx.select({ taken: sql<number>`count(*)::int` }).from(sessions)
      .where(and(eq(sessions.eventId, eventId), sql`${sessions.slug} ~ ${`^${baseSlug}(-[0-9]+)?$`}`))) as [{ taken: number }];
    const { speakerIds: _ids, ...values } = data;
    const [row] = await tx.insert(sessions)
      .values({ ...values, eventId, slug: taken ? `${baseSlug}-${taken + 1}` : baseSlug })
      .returning();
    if (speakerIds.length) {
      await tx.insert(sessionSpeakers).values(speakerIds.map((speakerId, i) => ({ sessionId: row!.id, speakerId, sortOrder: i })));
    }
    return row!;
  });
}

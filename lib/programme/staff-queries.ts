// Read models of the programme admin: every session (attendee-only ones too) with its seats taken, tracks and
// rooms in their order with how many sessions use them, speakers with their sessions, and the values an edit
// form starts from (times as wall-clock values in the event's zone).
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import {
  rooms,
  sessionSpeakers,
  sessions,
  speakers,
  tracks,
  type Event,
  type Room,
  type Session,
  type Speaker,
  type Track,
} from '@/db/schema';
import { measureTaken, poolKey } from '../capacity/availability';
import type { AppContext } from '../context';
import { dateInZone, formatTime } from '../time';
import { assertId } from './staff-common';
import type { SpeakerRole } from './staff-schemas';
import { isUuid } from '../validation';
import { sessionColumns } from './session-columns';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** The value a datetime-local input shows for an instant, read in the event's zone ("2030-03-29T09:00"). */
export function toLocalInput(instant: Date, timeZone: string): string {
  return `${dateInZone(instant, timeZone)}T${formatTime(instant, timeZone)}`;
}

export interface AdminSessionRow {
  id: string;
  slug: string;
  title: string;
  format: Session['format'];
  visibility: Session['visibility'];
  startsAt: Date;
  endsAt: Date;
  day: string;
  capacity: number | null;
  taken: number;
  track: string | null;
  room: string | null;
  speakers: string[];
}

export async function listSessionsForAdmin(ctx: Ctx, event: Event): Promise<AdminSessionRow[]> {
  const rows = await ctx.db
    .select({
      ...sessionColumns,
      capacity: sessions.capacity,
      track: tracks.name,
      room: rooms.name,
    })
    .from(sessions)
    .leftJoin(tracks, eq(tracks.id, sessions.trackId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(sessions.eventId, event.id))
    .orderBy(asc(sessions.startsAt), asc(rooms.sortOrder), asc(sessions.title));
  const ids = rows.map((r) => r.id);
  const [taken, names] = await Promise.all([
    measureTaken(ctx.db, ctx.clock.now(), {
      eventId: event.id,
      sessionIds: rows.filter((r) => r.format === 'workshop').map((r) => r.id),
    }),
    ids.length
      ? ctx.db
          .select({ sessionId: sessionSpeakers.sessionId, name: speakers.name })
          .from(sessionSpeakers)
          .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
          .where(inArray(sessionSpeakers.sessionId, ids))
          .orderBy(asc(sessionSpeakers.sortOrder), asc(speakers.name))
      : Promise.resolve([]),
  ]);
  const bySession = new Map<string, string[]>();
  for (const n of names) bySession.set(n.sessionId, [...(bySession.get(n.sessionId) ?? []), n.name]);
  return rows.map((r) => ({
    ...r,
    day: dateInZone(r.startsAt, event.timezone),
    taken: taken.get(poolKey.session(r.id)) ?? 0,
    speakers: bySession.get(r.id) ?? [],
  }));
}

export interface SessionForEdit {
  session: Session;
  speakers: { speakerId: string; role: SpeakerRole }[];
  taken: number;
}

export async function getSessionForEdit(ctx: Ctx, eventId: string, sessionId: string): Promise<SessionForEdit | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await ctx.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, eventId)));
  if (!session) return null;
  const [list, taken] = await Promise.all([
    ctx.db
      .select({ speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role })
      .from(sessionSpeakers)
      .where(eq(sessionSpeakers.sessionId, session.id))
      .orderBy(asc(sessionSpeakers.sortOrder)),
    measureTaken(ctx.db, ctx.clock.now(), { eventId, sessionIds: [session.id] }),
  ]);
  return {
    session,
    speakers: list.map((s) => ({ speakerId: s.speakerId, role: s.role as SpeakerRole })),
    taken: taken.get(poolKey.session(session.id)) ?? 0,
  };
}

export type TrackRow = Track & { sessionCount: number };
export type RoomRow = Room & { sessionCount: number };
export type SpeakerRow = Speaker & { sessionCount: number };

export async function listTracksForAdmin(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<TrackRow[]> {
  const used = ctx.db
    .select({ trackId: sessions.trackId, n: count().as('n') })
    .from(sessions)
    .where(eq(sessions.eventId, eventId))
    .groupBy(sessions.trackId)
    .as('used');
  const rows = await ctx.db
    .select({ track: tracks, n: used.n })
    .from(tracks)
    .leftJoin(used, eq(used.trackId, tracks.id))
    .where(eq(tracks.eventId, eventId))
    .orderBy(asc(tracks.sortOrder), asc(tracks.name), asc(tracks.id));
  return rows.map((r) => ({ ...r.track, sessionCount: Number(r.n ?? 0) }));
}

export async function listRoomsForAdmin(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<RoomRow[]> {
  const used = ctx.db
    .select({ roomId: sessions.roomId, n: count().as('n') })
    .from(sessions)
    .where(eq(sessions.eventId, eventId))
    .groupBy(sessions.roomId)
    .as('used');
  const rows = await ctx.db
    .select({ room: rooms, n: used.n })
    .from(rooms)
    .leftJoin(used, eq(used.roomId, rooms.id))
    .where(eq(rooms.eventId, eventId))
    .orderBy(asc(rooms.sortOrder), asc(rooms.name), asc(rooms.id));
  return rows.map((r) => ({ ...r.room, sessionCount: Number(r.n ?? 0) }));
}

export async function listSpeakersForAdmin(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<SpeakerRow[]> {
  const rows = await ctx.db
    .select({
      speaker: speakers,
      n: sql<number>`(select count(*)::int from ${sessionSpeakers} where ${sessionSpeakers.speakerId} = ${speakers.id})`,
    })
    .from(speakers)
    .where(eq(speakers.eventId, eventId))
    .orderBy(asc(speakers.name), asc(speakers.id));
  return rows.map((r) => ({ ...r.speaker, sessionCount: Number(r.n) }));
}

export async function getTrackForAdmin(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
  id: string,
): Promise<TrackRow | null> {
  if (!isUuid(id)) return null;
  return (await listTracksForAdmin(ctx, eventId)).find((t) => t.id === assertId(id, 'Track')) ?? null;
}

export async function getRoomForAdmin(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
  id: string,
): Promise<RoomRow | null> {
  if (!isUuid(id)) return null;
  return (await listRoomsForAdmin(ctx, eventId)).find((r) => r.id === assertId(id, 'Room')) ?? null;
}

export async function getSpeakerForAdmin(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
  id: string,
): Promise<(Speaker & { sessions: { id: string; title: string }[] }) | null> {
  if (!isUuid(id)) return null;
  const [speaker] = await ctx.db
    .select()
    .from(speakers)
    .where(and(eq(speakers.id, id), eq(speakers.eventId, eventId)));
  if (!speaker) return null;
  const list = await ctx.db
    .select({ id: sessions.id, title: sessions.title })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessions.id, sessionSpeakers.sessionId))
    .where(eq(sessionSpeakers.speakerId, speaker.id))
    .orderBy(asc(sessions.startsAt));
  return { ...speaker, sessions: list };
}

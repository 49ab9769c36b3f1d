// Read models of the public programme. Attendee-only sessions are excluded here, in SQL, for every caller.
import { and, asc, count, countDistinct, eq, inArray } from 'drizzle-orm';
import {
  events,
  rooms,
  sessionSpeakers,
  sessions,
  speakers,
  tracks,
  type Event,
  type SessionFormat,
} from '@/db/schema';
import type { AppContext } from '../context';
import { dateInZone, datesBetween } from '../time';

type Ctx = Pick<AppContext, 'db'>;

export interface ProgrammeSpeaker {
  slug: string;
  name: string;
  affiliation: string;
  role: string;
}

export interface ProgrammeSession {
  id: string;
  slug: string;
  title: string;
  abstract: string;
  format: SessionFormat;
  startsAt: Date;
  endsAt: Date;
  /** Calendar date in the event's timezone. */
  day: string;
  capacity: number | null;
  contentNote: string | null;
  track: { slug: string; name: string } | null;
  room: { name: string; location: string } | null;
  speakers: ProgrammeSpeaker[];
}

export async function getEventBySlug(ctx: Ctx, slug: string): Promise<Event | null> {
  const [event] = await ctx.db.select().from(events).where(eq(events.slug, slug));
  return event ?? null;
}

export async function listTracks(ctx: Ctx, eventId: string) {
  return ctx.db
    .select({ slug: tracks.slug, name: tracks.name, description: tracks.description })
    .from(tracks)
    .where(eq(tracks.eventId, eventId))
    .orderBy(asc(tracks.sortOrder), asc(tracks.name));
}

export function eventDays(event: Pick<Event, 'startsOn' | 'endsOn'>): string[] {
  return datesBetween(event.startsOn, event.endsOn);
}

async function speakersBySession(ctx: Ctx, sessionIds: string[]): Promise<Map<string, ProgrammeSpeaker[]>> {
  const map = new Map<string, ProgrammeSpeaker[]>();
  if (!sessionIds.length) return map;
  const rows = await ctx.db
    .select({
      sessionId: sessionSpeakers.sessionId,
      role: sessionSpeakers.role,
      slug: speakers.slug,
      name: speakers.name,
      affiliation: speakers.affiliation,
    })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(inArray(sessionSpeakers.sessionId, sessionIds))
    .orderBy(asc(sessionSpeakers.sortOrder), asc(speakers.name));
  for (const { sessionId, ...speaker } of rows) {
    const list = map.get(sessionId) ?? [];
    list.push(speaker);
    map.set(sessionId, list);
  }
  return map;
}

async function selectPublicSessions(
  ctx: Ctx,
  event: Event,
  extra?: ReturnType<typeof eq>,
): Promise<ProgrammeSession[]> {
  const rows = await ctx.db
    .select({
      id: sessions.id,
      slug: sessions.slug,
      title: sessions.title,
      abstract: sessions.abstract,
      format: sessions.format,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sessions.capacity,
      contentNote: sessions.contentNote,
      trackSlug: tracks.slug,
      trackName: tracks.name,
      roomName: rooms.name,
      roomLocation: rooms.location,
    })
    .from(sessions)
    .leftJoin(tracks, eq(tracks.id, sessions.trackId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(and(eq(sessions.eventId, event.id), eq(sessions.visibility, 'public'), extra))
    .orderBy(asc(sessions.startsAt), asc(tracks.sortOrder), asc(sessions.title));
  const bySession = await speakersBySession(
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map(({ trackSlug, trackName, roomName, roomLocation, ...s }) => ({
    ...s,
    day: dateInZone(s.startsAt, event.timezone),
    track: trackSlug && trackName ? { slug: trackSlug, name: trackName } : null,
    room: roomName ? { name: roomName, location: roomLocation ?? '' } : null,
    speakers: bySession.get(s.id) ?? [],
  }));
}

/** The whole public programme of an event, in time order. Filter it with filterSessions. */
export function listPublicSessions(ctx: Ctx, event: Event): Promise<ProgrammeSession[]> {
  return selectPublicSessions(ctx, event);
}

export async function getPublicSession(ctx: Ctx, event: Event, slug: string): Promise<ProgrammeSession | null> {
  const [session] = await selectPublicSessions(ctx, event, eq(sessions.slug, slug));
  return session ?? null;
}

export interface PublicSpeaker {
  slug: string;
  name: string;
  affiliation: string;
  bio: string;
}

/** Speakers with at least one public session; someone who only hosts attendee-only sessions stays unlisted. */
export async function listPublicSpeakers(ctx: Ctx, eventId: string): Promise<PublicSpeaker[]> {
  return ctx.db
    .selectDistinct({ slug: speakers.slug, name: speakers.name, affiliation: speakers.affiliation, bio: speakers.bio })
    .from(speakers)
    .innerJoin(sessionSpeakers, eq(sessionSpeakers.speakerId, speakers.id))
    .innerJoin(sessions, and(eq(sessions.id, sessionSpeakers.sessionId), eq(sessions.visibility, 'public')))
    .where(eq(speakers.eventId, eventId))
    .orderBy(asc(speakers.name));
}

export async function getPublicSpeaker(
  ctx: Ctx,
  event: Event,
  slug: string,
): Promise<(PublicSpeaker & { sessions: ProgrammeSession[] }) | null> {
  const [speaker] = await ctx.db
    .select({
      id: speakers.id,
      slug: speakers.slug,
      name: speakers.name,
      affiliation: speakers.affiliation,
      bio: speakers.bio,
    })
    .from(speakers)
    .where(and(eq(speakers.eventId, event.id), eq(speakers.slug, slug)));
  if (!speaker) return null;
  const all = await selectPublicSessions(ctx, event);
  const own = all.filter((s) => s.speakers.some((sp) => sp.slug === speaker.slug));
  if (!own.length) return null;
  const { id: _id, ...rest } = speaker;
  return { ...rest, sessions: own };
}

export interface EventStats {
  sessions: number;
  publicSessions: number;
  speakers: number;
  tracks: number;
  rooms: number;
}

export async function getEventStats(ctx: Ctx, eventId: string): Promise<EventStats> {
  const [s] = await ctx.db.select({ total: count() }).from(sessions).where(eq(sessions.eventId, eventId));
  const [p] = await ctx.db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.eventId, eventId), eq(sessions.visibility, 'public')));
  const [sp] = await ctx.db
    .select({ n: countDistinct(speakers.id) })
    .from(speakers)
    .where(eq(speakers.eventId, eventId));
  const [t] = await ctx.db.select({ n: count() }).from(tracks).where(eq(tracks.eventId, eventId));
  const [r] = await ctx.db.select({ n: count() }).from(rooms).where(eq(rooms.eventId, eventId));
  return {
    sessions: s?.total ?? 0,
    publicSessions: p?.n ?? 0,
    speakers: sp?.n ?? 0,
    tracks: t?.n ?? 0,
    rooms: r?.n ?? 0,
  };
}

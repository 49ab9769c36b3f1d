// The public programme as JSON, filtered by the same query the programme page reads (day, track, format, q).
import { connection, type NextRequest } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { DomainError, toHttpError } from '@/lib/errors';
import { filterSessions, parseProgrammeFilter } from '@/lib/programme/filter';
import { getEventBySlug, listPublicSessions, type ProgrammeSession } from '@/lib/programme/queries';

function toJson(s: ProgrammeSession, appUrl: string) {
  return {
    slug: s.slug,
    title: s.title,
    abstract: s.abstract,
    format: s.format,
    day: s.day,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    track: s.track,
    room: s.room,
    speakers: s.speakers.map(({ slug, name, affiliation, role }) => ({ slug, name, affiliation, role })),
    capacity: s.capacity,
    contentNote: s.contentNote,
    url: `${appUrl}/sessions/${s.slug}`,
  };
}

export async function GET(request: NextRequest) {
  await connection();
  try {
    const ctx = getContext();
    const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
    if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
    const query: Record<string, string[]> = {};
    for (const key of new Set(request.nextUrl.searchParams.keys()))
      query[key] = request.nextUrl.searchParams.getAll(key);
    const filter = parseProgrammeFilter(query);
    const sessions = filterSessions(await listPublicSessions(ctx, event), filter);
    const appUrl = ctx.config.APP_URL.replace(/\/$/, '');
    return Response.json(
      {
        event: {
          slug: event.slug,
          name: event.name,
          timezone: event.timezone,
          startsOn: event.startsOn,
          endsOn: event.endsOn,
        },
        sessions: sessions.map((s) => toJson(s, appUrl)),
      },
      { headers: { 'Cache-Control': 'public, max-age=60' } },
    );
  } catch (error) {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error('GET /api/v1/sessions failed', error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}

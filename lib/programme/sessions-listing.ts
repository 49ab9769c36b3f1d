// The body of GET /api/v1/sessions: the public programme as JSON, filtered by the programme page's query (day,
// track, format, q). Served per request with a query, and from the cache without one (lib/http/public-cache.ts).
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { filterSessions, parseProgrammeFilter } from './filter';
import { getEventBySlug, listPublicSessions, type ProgrammeSession } from './queries';

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

export async function publicSessionsListing(ctx: Pick<AppContext, 'db' | 'config'>, query: Record<string, string[]>) {
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  const sessions = filterSessions(await listPublicSessions(ctx, event), parseProgrammeFilter(query));
  const appUrl = ctx.config.APP_URL.replace(/\/$/, '');
  return {
    event: {
      slug: event.slug,
      name: event.name,
      timezone: event.timezone,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
    },
    sessions: sessions.map((s) => toJson(s, appUrl)),
  };
}

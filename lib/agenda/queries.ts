// The personal agenda page's read model: the whole programme of the order's event (attendee-only sessions
// included: this is a registered attendee), each session marked starred or not for the chosen ticket, and the
// ticket's calendar feed address.
import { and, asc, eq } from 'drizzle-orm';
import { agendaItems, events, rooms, sessions, tracks, type Event, type SessionFormat } from '@/db/schema';
import type { AppContext } from '../context';
import { dateInZone } from '../time';
import { resolveAgendaTicket, type AgendaTicket } from './access';
import { feedSecret, feedSignature, feedUrls, type FeedUrls } from './feed';
import { speakerNames } from './speakers';
import { sessionColumns } from '../programme/session-columns';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface AgendaSession {
  id: string;
  slug: string;
  title: string;
  format: SessionFormat;
  attendeesOnly: boolean;
  startsAt: Date;
  endsAt: Date;
  /** Calendar date in the event's timezone. */
  day: string;
  room: string | null;
  track: string | null;
  speakers: string[];
  starred: boolean;
}

export interface AgendaView {
  event: Pick<Event, 'id' | 'name' | 'timezone' | 'startsOn' | 'endsOn'>;
  reference: string;
  tickets: AgendaTicket[];
  ticket: AgendaTicket;
  sessions: AgendaSession[];
  feed: FeedUrls;
  /** The attendee chose real titles for attendee-only and content-noted sessions in the feed (default: discreet). */
  feedShowsTitles: boolean;
}

export type AgendaResult =
  { state: 'ok'; view: AgendaView } | { state: 'not_paid'; reference: string } | { state: 'unknown' };

export async function listAgendaSessions(
  ctx: Pick<AppContext, 'db'>,
  event: Pick<Event, 'id' | 'timezone'>,
  ticketId: string,
): Promise<AgendaSession[]> {
  const rows = await ctx.db
    .select({
      ...sessionColumns,
      room: rooms.name,
      track: tracks.name,
      starredAt: agendaItems.createdAt,
    })
    .from(sessions)
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .leftJoin(tracks, eq(tracks.id, sessions.trackId))
    .leftJoin(agendaItems, and(eq(agendaItems.sessionId, sessions.id), eq(agendaItems.ticketId, ticketId)))
    .where(eq(sessions.eventId, event.id))
    .orderBy(asc(sessions.startsAt), asc(tracks.sortOrder), asc(sessions.title));
  const names = await speakerNames(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map(({ visibility, starredAt, ...s }) => ({
    ...s,
    attendeesOnly: visibility === 'attendees',
    day: dateInZone(s.startsAt, event.timezone),
    speakers: names.get(s.id) ?? [],
    starred: starredAt !== null,
  }));
}

/** @param ticketId one of the order's tickets, or null for its first; any other id reads as unknown. */
export async function getAgenda(ctx: Ctx, token: string, ticketId: string | null): Promise<AgendaResult> {
  const resolved = await resolveAgendaTicket(ctx, token, ticketId);
  if (resolved.state === 'unknown') return resolved;
  if (resolved.state === 'not_paid') return { state: 'not_paid', reference: resolved.order.reference };
  const { order, tickets, ticket } = resolved.access;
  const [event] = await ctx.db
    .select({
      id: events.id,
      name: events.name,
      timezone: events.timezone,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
    })
    .from(events)
    .where(eq(events.id, order.eventId));
  if (!event) return { state: 'unknown' };
  const list = await listAgendaSessions(ctx, event, ticket.id);
  const feed = feedUrls(
    ctx.config.APP_URL,
    ticket.id,
    feedSignature(feedSecret(ctx.config), ticket.id, ticket.feedVersion),
  );
  return {
    state: 'ok',
    view: {
      event,
      reference: order.reference,
      tickets,
      ticket: { id: ticket.id, badgeName: ticket.badgeName, label: ticket.label },
      sessions: list,
      feed,
      feedShowsTitles: ticket.feedShowsTitles,
    },
  };
}

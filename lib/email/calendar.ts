// The .ics attached to confirmation and ticket emails: one entry per day the tickets admit (from the first
// session's start to the last one's end that day, or 09:00-18:00 when the day has none), and one per workshop.
// Discreet unless the event opted in to being named: "Conference" and "Conference workshop", no session
// titles, no private links, because calendars are often shared with colleagues.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessions, type Event } from '@/db/schema';
import { buildCalendar, type CalendarEntry } from '../calendar/ics';
import { datesBetween, zonedTimeToUtc } from '../time';

export interface CalendarTicket {
  /** A day pass's date (YYYY-MM-DD); null admits every day. */
  validOn: string | null;
  online: boolean;
  workshops: { sessionId: string; title: string; startsAt: Date; endsAt: Date; room: string | null }[];
}

type CalendarEvent = Pick<
  Event,
  'id' | 'name' | 'timezone' | 'startsOn' | 'endsOn' | 'venueName' | 'venueAddress' | 'nameInEmailSubjects'
>;

/** Each event day's first start and last end over its public sessions, by date in the event's timezone. */
export async function loadDayWindows(
  db: DbOrTx,
  event: Pick<Event, 'id' | 'timezone'>,
): Promise<Map<string, { start: Date; end: Date }>> {
  const rows = await db
    .select({
      day: sql<string>`to_char(${sessions.startsAt} at time zone ${event.timezone}, 'YYYY-MM-DD')`,
      start: sql<number>`extract(epoch from min(${sessions.startsAt}))::float8`,
      end: sql<number>`extract(epoch from max(${sessions.endsAt}))::float8`,
    })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), eq(sessions.visibility, 'public')))
    .groupBy(sql`1`);
  return new Map(
    rows.map((r) => [r.day, { start: new Date(Number(r.start) * 1000), end: new Date(Number(r.end) * 1000) }]),
  );
}

export function ticketsCalendar(
  event: CalendarEvent,
  tickets: CalendarTicket[],
  options: { appUrl: string; now: Date; days: Map<string, { start: Date; end: Date }> },
): string {
  const host = new URL(options.appUrl).hostname || 'localhost';
  const named = event.nameInEmailSubjects;
  const online = tickets.length > 0 && tickets.every((t) => t.online);
  const venue = online ? 'Online' : [event.venueName, event.venueAddress].filter(Boolean).join(', ');
  const allDays = datesBetween(event.startsOn, event.endsOn);
  const wanted = new Set(
    tickets.length === 0 || tickets.some((t) => t.validOn === null) ? allDays : tickets.map((t) => t.validOn!),
  );
  const entries: CalendarEntry[] = allDays
    .filter((d) => wanted.has(d))
    .map((day) => {
      const window = options.days.get(day);
      return {
        uid: `day-${event.id}-${day}@${host}`,
        title: named ? event.name : 'Conference',
        start: window?.start ?? zonedTimeToUtc(day, '09:00', event.timezone),
        end: window?.end ?? zonedTimeToUtc(day, '18:00', event.timezone),
        location: venue || undefined,
      };
    });
  const seen = new Set<string>();
  for (const w of tickets.flatMap((t) => t.workshops)) {
    if (seen.has(w.sessionId)) continue;
    seen.add(w.sessionId);
    entries.push({
      uid: `workshop-${w.sessionId}@${host}`,
      title: named ? w.title : 'Conference workshop',
      start: w.startsAt,
      end: w.endsAt,
      location: [w.room, online ? '' : event.venueName].filter(Boolean).join(', ') || undefined,
    });
  }
  entries.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar(entries, { now: options.now, name: named ? event.name : 'Conference' });
}

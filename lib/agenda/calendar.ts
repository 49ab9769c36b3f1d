// The personal agenda as iCalendar text: one entry per starred session, with a UID that stays the same for that
// session (so a calendar app updates its copy when the programme changes) and times in UTC, which are exact
// whatever the daylight-saving rules of the event's zone or the viewer's. The calendar's own name is neutral:
// it shows in shared calendar lists. Attendee-only sessions link nowhere (their public page does not exist).
import { buildCalendar, type CalendarEntry } from '../calendar/ics';

export const AGENDA_CALENDAR_NAME = 'Conference agenda';

export interface AgendaFeedSession {
  id: string;
  slug: string;
  title: string;
  visibility: 'public' | 'attendees';
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  room: string | null;
  speakers: string[];
}

export function agendaEntryUid(sessionId: string, appUrl: string): string {
  return `agenda-${sessionId}@${new URL(appUrl).hostname}`;
}

export function agendaCalendar(list: AgendaFeedSession[], options: { appUrl: string; venueName: string; now: Date }): string {
  const base = options.appUrl.replace(/\/+$/, '');
  const entries: CalendarEntry[] = list.map((s) => {
    const url = s.visibility === 'public' ? `${base}/sessions/${s.slug}` : undefined;
    return {
      uid: agendaEntryUid(s.id, options.appUrl),
      title: s.title,
      start: s.startsAt,
      end: s.endsAt,
      location: [s.room, options.venueName].filter(Boolean).join(', ') || undefined,
      description: [s.speakers.length ? `With ${s.speakers.join(', ')}` : '', url ?? ''].filter(Boolean).join('\n\n') || undefined,
      url,
      updatedAt: s.updatedAt,
    };
  });
  return buildCalendar(entries, { name: AGENDA_CALENDAR_NAME, now: options.now });
}

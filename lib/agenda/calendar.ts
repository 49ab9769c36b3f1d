// The personal agenda as iCalendar text: one entry per starred session, with a UID that stays the same for that
// session (so a calendar app updates its copy when the programme changes) and times in UTC, which are exact
// whatever the daylight-saving rules of the event's zone or the viewer's. The calendar's own name is neutral:
// it shows in shared calendar lists. Attendee-only sessions link nowhere (their public page does not exist).
// Discreet by default: an attendee-only session or one with a content note appears as "Conference session", with
// no speakers and no link, unless the attendee chose to see real titles in the feed (tickets.feed_shows_titles),
// because a calendar is often shared with family, a workplace or a phone's lock screen.
import { buildCalendar, type CalendarEntry } from '../calendar/ics';

export const AGENDA_CALENDAR_NAME = 'Conference agenda';
export const DISCREET_SESSION_TITLE = 'Conference session';

export interface AgendaFeedSession {
  id: string;
  slug: string;
  title: string;
  visibility: 'public' | 'attendees';
  contentNote: string | null;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
  room: string | null;
  speakers: string[];
}

export function agendaEntryUid(sessionId: string, appUrl: string): string {
  return `agenda-${sessionId}@${new URL(appUrl).hostname}`;
}

/** Whether a session's real title stays out of a feed whose attendee has not chosen to see real titles. */
export function isDiscreetInFeed(s: Pick<AgendaFeedSession, 'visibility' | 'contentNote'>): boolean {
  return s.visibility === 'attendees' || Boolean(s.contentNote?.trim());
}

export function agendaCalendar(
  list: AgendaFeedSession[],
  options: { appUrl: string; venueName: string; now: Date; showTitles?: boolean },
): string {
  const base = options.appUrl.replace(/\/+$/, '');
  const entries: CalendarEntry[] = list.map((s) => {
    const hidden = !options.showTitles && isDiscreetInFeed(s);
    const url = s.visibility === 'public' && !hidden ? `${base}/sessions/${s.slug}` : undefined;
    const speakers = !hidden && s.speakers.length ? `With ${s.speakers.join(', ')}` : '';
    return {
      uid: agendaEntryUid(s.id, options.appUrl),
      title: hidden ? DISCREET_SESSION_TITLE : s.title,
      start: s.startsAt,
      end: s.endsAt,
      location: [s.room, options.venueName].filter(Boolean).join(', ') || undefined,
      description: [speakers, url ?? ''].filter(Boolean).join('\n\n') || undefined,
      url,
      updatedAt: s.updatedAt,
    };
  });
  return buildCalendar(entries, { name: AGENDA_CALENDAR_NAME, now: options.now });
}

// The calendar entry for one public session. The discreet variant names nothing but "Conference session",
// for people who do not want a session's topic in a shared or work calendar.
import type { Event } from '@/db/schema';
import { buildCalendar } from '../calendar/ics';
import type { ProgrammeSession } from './queries';

export function sessionCalendar(
  event: Event,
  session: ProgrammeSession,
  options: { appUrl: string; discreet: boolean; now: Date },
): string {
  const base = options.appUrl.replace(/\/$/, '');
  // The slug repeats the title, so the discreet entry links to the programme instead.
  const url = options.discreet ? `${base}/programme` : `${base}/sessions/${session.slug}`;
  const where = [session.room?.name, event.venueName].filter(Boolean).join(', ');
  const speakers = session.speakers.map((s) => s.name).join(', ');
  return buildCalendar(
    [
      {
        uid: `session-${session.id}@${new URL(options.appUrl).hostname}`,
        title: options.discreet ? 'Conference session' : session.title,
        start: session.startsAt,
        end: session.endsAt,
        location: where,
        description: options.discreet
          ? url
          : [speakers && `With ${speakers}`, session.abstract, url].filter(Boolean).join('\n\n'),
        url,
      },
    ],
    { now: options.now, name: options.discreet ? 'Conference' : event.name },
  );
}

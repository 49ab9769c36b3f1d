// Wording for instants on the registration pages, in the event's time zone.
import { dateInZone, formatTime, zoneAbbreviation } from '@/lib/time';

/** "18 December 2026" */
export function formatDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "14:35 CET", with the date in front when it is not the same calendar day as `now`. */
export function formatClock(instant: Date, timeZone: string, now: Date): string {
  const time = `${formatTime(instant, timeZone)} ${zoneAbbreviation(instant, timeZone)}`;
  return dateInZone(instant, timeZone) === dateInZone(now, timeZone)
    ? time
    : `${formatDate(instant, timeZone)}, ${time}`;
}

/** The calendar date (YYYY-MM-DD) of a workshop in the event's zone, for grouping by day. */
export function dayOf(instant: Date, timeZone: string): string {
  return dateInZone(instant, timeZone);
}

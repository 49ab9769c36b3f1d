// Date wording shared by the public pages. Dates are calendar dates (YYYY-MM-DD) already in the event's zone.
import { formatDay } from '@/lib/time';

const noon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "11–13 March 2026", "30 March – 1 April 2026". */
export function formatDateRange(start: string, end: string): string {
  const f = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return start === end ? f.format(noon(start)) : f.formatRange(noon(start), noon(end));
}

/** "Wed 11 Mar" */
export function shortDay(date: string): string {
  return formatDay(date, 'en-GB', 'short');
}

/** "Wednesday 11 March 2026" */
export function longDay(date: string): string {
  return formatDay(date, 'en-GB', 'long');
}

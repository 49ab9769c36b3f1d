// An instant in the event's timezone ("10 Jan 2030, 11:00 CET"), machine-readable, with the viewer's time beside it.
import { LocalInstant } from '@/app/_components/local-time';
import { zoneAbbreviation } from '@/lib/time';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInEventZone(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  return `${f.format(at)} ${zoneAbbreviation(at, timeZone)}`;
}

export function EventInstant({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <>
      <time dateTime={at.toISOString()} className="whitespace-nowrap">{formatInEventZone(at, timeZone)}</time>
      <LocalInstant at={at.toISOString()} timeZone={timeZone} />
    </>
  );
}

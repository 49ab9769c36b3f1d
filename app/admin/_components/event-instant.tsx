// An instant in the event's zone ("1 Mar 2030, 18:00 CET"), machine-readable, with the viewer's own time beside it;
// and a window of two such instants. Shared by every admin page.
import { LocalInstant } from '@/app/_components/local-time';
import { zoneAbbreviation } from '@/lib/time';

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatInEventZone(at: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return `${f.format(at)} ${zoneAbbreviation(at, timeZone)}`;
}

export function EventInstant({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <>
      <time dateTime={at.toISOString()} className="whitespace-nowrap">
        {formatInEventZone(at, timeZone)}
      </time>
      <LocalInstant at={at.toISOString()} timeZone={timeZone} />
    </>
  );
}

/** "from 1 Mar 2030, 18:00 CET until ..." for a window whose ends may be open. */
export function EventWindow({
  startsAt,
  endsAt,
  timeZone,
  open = 'Always',
}: {
  startsAt: Date | null;
  endsAt: Date | null;
  timeZone: string;
  open?: string;
}) {
  if (!startsAt && !endsAt) return <>{open}</>;
  return (
    <span className="flex flex-col">
      {startsAt ? (
        <span>
          From <EventInstant at={startsAt} timeZone={timeZone} />
        </span>
      ) : null}
      {endsAt ? (
        <span>
          Until <EventInstant at={endsAt} timeZone={timeZone} />
        </span>
      ) : null}
    </span>
  );
}

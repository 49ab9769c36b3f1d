// A session's time range in the event's zone ("09:00–10:00 CET"), machine-readable, with the viewer's time beside it.
import { dateInZone, formatTime, zoneAbbreviation } from '@/lib/time';
import { shortDay } from './dates';
import { LocalTime } from './local-time';

export function SessionTime({
  startsAt,
  endsAt,
  timeZone,
  day = dateInZone(startsAt, timeZone),
  showDay = false,
}: {
  startsAt: Date;
  endsAt: Date;
  /** The event day it is on; by default the day it starts in the zone. */
  day?: string;
  timeZone: string;
  showDay?: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-2">
      <span className="font-semibold tabular-nums">
        {showDay && (
          <>
            <time dateTime={day}>{shortDay(day)}</time>,{' '}
          </>
        )}
        <time dateTime={startsAt.toISOString()}>{formatTime(startsAt, timeZone)}</time>–
        <time dateTime={endsAt.toISOString()}>{formatTime(endsAt, timeZone)}</time>{' '}
        <abbr title={timeZone.replace(/_/g, ' ')} className="no-underline">
          {zoneAbbreviation(startsAt, timeZone)}
        </abbr>
      </span>
      <LocalTime start={startsAt.toISOString()} end={endsAt.toISOString()} timeZone={timeZone} />
    </span>
  );
}

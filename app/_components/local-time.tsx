// The viewer's own clock beside an event time ("(15:35 your time, UTC−5)"), shown after hydration where it differs
// from the event's. The event zone's offset is worked out here (on the server for server pages), so the browser
// needs no time zone data (app/_components/local-clock.tsx).
import { zoneOffsetMinutes } from '@/lib/time';
import { LocalClock, LocalTimeRange } from './local-clock';

export function LocalTime({ start, end, timeZone }: { start: string; end: string; timeZone: string }) {
  return <LocalTimeRange start={start} end={end} eventOffset={zoneOffsetMinutes(new Date(start), timeZone)} />;
}

/** The same for a single instant ("15:35 your time, UTC+1"). */
export function LocalInstant({ at, timeZone }: { at: string; timeZone: string }) {
  return <LocalClock at={at} eventOffset={zoneOffsetMinutes(new Date(at), timeZone)} />;
}

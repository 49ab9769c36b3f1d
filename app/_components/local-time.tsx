'use client';
// The viewer's own clock beside an event time. Nothing on the server (it cannot know the viewer's zone),
// so the server HTML and the first client render agree; the zone is read after hydration.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = (): string | null => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZone = (): string | null => null;

function clock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    instant,
  );
}

function calendarDay(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

export function LocalTime({ start, end, timeZone }: { start: string; end: string; timeZone: string }) {
  const zone = useSyncExternalStore(subscribe, browserZone, noZone);
  if (!zone || zone === timeZone) return null;
  const from = new Date(start);
  const to = new Date(end);
  const local = `${clock(from, zone)}–${clock(to, zone)}`;
  const otherDay = calendarDay(from, zone) !== calendarDay(from, timeZone);
  // Another zone name with the same wall clock (Paris and Amsterdam) adds nothing.
  if (!otherDay && local === `${clock(from, timeZone)}–${clock(to, timeZone)}`) return null;
  const day = otherDay
    ? `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' }).format(from)} `
    : '';
  return (
    <span className="inline-block text-muted">
      ({day}
      {local} your time, {zone})
    </span>
  );
}

/** The same for a single instant ("15:35 your time, Europe/London"). */
export function LocalInstant({ at, timeZone }: { at: string; timeZone: string }) {
  const zone = useSyncExternalStore(subscribe, browserZone, noZone);
  if (!zone || zone === timeZone) return null;
  const instant = new Date(at);
  const local = clock(instant, zone);
  if (local === clock(instant, timeZone)) return null;
  return (
    <span className="text-muted">
      {' '}
      ({local} your time, {zone})
    </span>
  );
}

'use client';
// The viewer's own clock beside an event time (app/_components/local-time.tsx hands it the event zone's offset).
// Nothing on the server (it cannot know the viewer's zone), so the server HTML and the first client render agree;
// the viewer's time is worked out once hydration is done.
//
// Only Date's own local-time getters here, never Intl: the first Intl.DateTimeFormat a page builds costs the
// browser 20-50 ms of loading time zone and locale data on a fast computer, several times that on a phone, in the
// middle of hydration; reading a Date's local time is free.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const hydrated = () => true;
const onServer = () => false;

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** The viewer's offset from UTC at that instant, in minutes (+60 for CET), as zoneOffsetMinutes in lib/time.ts. */
const viewerOffset = (instant: Date) => -instant.getTimezoneOffset();
const viewerClock = (instant: Date) => `${two(instant.getHours())}:${two(instant.getMinutes())}`;
const viewerDay = (instant: Date) =>
  `${instant.getFullYear()}-${two(instant.getMonth() + 1)}-${two(instant.getDate())}`;
/** The calendar day at that instant in a zone `offset` minutes from UTC. */
function dayAtOffset(instant: Date, offset: number): string {
  const shifted = new Date(instant.getTime() + offset * 60_000);
  return `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())}`;
}
/** "UTC−5", "UTC+5:30", "UTC". */
function offsetLabel(offset: number): string {
  if (offset === 0) return 'UTC';
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '−' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${two(abs % 60)}` : ''}`;
}

export function LocalTimeRange({ start, end, eventOffset }: { start: string; end: string; eventOffset: number }) {
  const client = useSyncExternalStore(subscribe, hydrated, onServer);
  if (!client) return null;
  const from = new Date(start);
  const to = new Date(end);
  const offset = viewerOffset(from);
  // The same offset is the same wall clock and day: nothing to add.
  if (offset === eventOffset) return null;
  const otherDay = viewerDay(from) !== dayAtOffset(from, eventOffset);
  const day = otherDay ? `${WEEKDAYS[from.getDay()]} ${from.getDate()} ${MONTHS[from.getMonth()]} ` : '';
  return (
    <span className="inline-block text-muted">
      ({day}
      {viewerClock(from)}–{viewerClock(to)} your time, {offsetLabel(offset)})
    </span>
  );
}

export function LocalClock({ at, eventOffset }: { at: string; eventOffset: number }) {
  const client = useSyncExternalStore(subscribe, hydrated, onServer);
  if (!client) return null;
  const instant = new Date(at);
  const offset = viewerOffset(instant);
  if (offset === eventOffset) return null;
  return (
    <span className="text-muted">
      {' '}
      ({viewerClock(instant)} your time, {offsetLabel(offset)})
    </span>
  );
}

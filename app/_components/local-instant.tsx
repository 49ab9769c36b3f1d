'use client';
// The viewer's own clock beside one event time ("15:35 your time, Europe/London"). Renders nothing on the server
// or when the viewer's zone shows the same wall clock, like LocalTime does for ranges.
import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const browserZone = (): string | null => Intl.DateTimeFormat().resolvedOptions().timeZone || null;
const noZone = (): string | null => null;

function clock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

export function LocalInstant({ at, timeZone }: { at: string; timeZone: string }) {
  const zone = useSyncExternalStore(subscribe, browserZone, noZone);
  if (!zone || zone === timeZone) return null;
  const instant = new Date(at);
  const local = clock(instant, zone);
  if (local === clock(instant, timeZone)) return null;
  return <span className="text-muted"> ({local} your time, {zone})</span>;
}

// A clock running at real speed but shifted by a fixed offset: how end-to-end tests "wait" 15 minutes.
import type { Clock } from './clock';

export const TEST_CLOCK_COOKIE = 'test-clock-offset-ms';

export function createOffsetClock(base: Clock, offsetMs: number): Clock {
  return { now: () => new Date(base.now().getTime() + offsetMs) };
}

/** Parses the test clock cookie; anything but a whole number of milliseconds within a year is ignored. */
export function parseClockOffset(value: string | undefined): number | null {
  if (!value || !/^-?\d{1,12}$/.test(value)) return null;
  const n = Number(value);
  return Math.abs(n) <= 366 * 86_400_000 ? n : null;
}

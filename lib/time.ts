// Time-zone arithmetic on the platform's Intl data only: events live in an IANA zone, storage is UTC.
const dtfCache = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dtfCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dtfCache.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 0,
    day: out.day ?? 0,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Offset of the zone from UTC at that instant, in minutes (e.g. +120 for CEST). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` (YYYY-MM-DD) `time` (HH:MM).
 * A wall time that occurs twice (clocks going back) resolves to the earlier instant; one skipped by clocks
 * going forward resolves to the instant just after the jump (02:30 becomes 03:30 summer time).
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const tm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dm || !tm) throw new RangeError(`Expected YYYY-MM-DD and HH:MM, got "${date}" "${time}"`);
  const naive = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), Number(tm[1]), Number(tm[2]));
  const halfDay = 12 * 3_600_000;
  // No zone changes its offset twice within a day, so the offsets 12 hours either side cover every case.
  const before = zoneOffsetMinutes(new Date(naive - halfDay), timeZone);
  const after = zoneOffsetMinutes(new Date(naive + halfDay), timeZone);
  const matches = [...new Set([before, after])]
    .map((offset) => naive - offset * 60_000)
    .filter((instant) => {
      const w = wallClock(new Date(instant), timeZone);
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === naive;
    });
  if (matches.length) return new Date(Math.min(...matches));
  return new Date(naive - before * 60_000);
}

/** Calendar date (YYYY-MM-DD) of the instant in the zone. */
export function dateInZone(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Every date from start to end inclusive. */
export function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  for (let d = start; d <= end && out.length < 366; d = addDays(d, 1)) out.push(d);
  return out;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep them by their options.
const formatCache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatCache.get(key);
  if (!f) formatCache.set(key, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}

export function formatTime(instant: Date, timeZone: string, locale = 'en-GB'): string {
  return formatter(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

export function formatDay(date: string, locale = 'en-GB', style: 'long' | 'short' = 'long'): string {
  return formatter(locale, {
    timeZone: 'UTC',
    weekday: style,
    day: 'numeric',
    month: style,
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(new Date(`${date}T12:00:00Z`));
}

/** Short zone name as the viewer would read it, e.g. "CET" or "GMT+2". */
export function zoneAbbreviation(instant: Date, timeZone: string, locale = 'en-GB'): string {
  const part = formatter(locale, { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/**
 * A moment in an event's zone, for messages: "Thursday 28 March 2030, 09:00 CET", or "28 March 2030, 09:00 CET"
 * with `weekday: false`.
 */
export function formatInstant(instant: Date, timeZone: string, options: { weekday?: boolean } = {}): string {
  const day =
    options.weekday === false
      ? formatter('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant)
      : formatDay(dateInZone(instant, timeZone));
  return `${day}, ${formatTime(instant, timeZone)} ${zoneAbbreviation(instant, timeZone)}`;
}

export function formatTimeRange(start: Date, end: Date, timeZone: string, locale = 'en-GB'): string {
  return `${formatTime(start, timeZone, locale)}–${formatTime(end, timeZone, locale)} ${zoneAbbreviation(start, timeZone, locale)}`;
}

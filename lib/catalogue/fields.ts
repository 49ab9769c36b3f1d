// Organizer forms send strings; these zod pieces turn them into values, each with a message an organizer can act
// on. Times are entered as wall-clock time in the event's zone and become instants only once the zone is known.
import { z } from 'zod';
import { FORBIDDEN_CHARS } from '../validation';
import { dateInZone, formatTime, isValidTimeZone, zonedTimeToUtc } from '../time';

/**
 * For a cross-field refinement: run it even when other fields failed (so every error shows at once), but only
 * when the fields it compares parsed.
 */
export function whenParsed(...keys: string[]) {
  return (payload: { issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    !payload.issues.some((i) => keys.includes(String(i.path?.[0])));
}

const raw = () => z.string({ message: 'Must be text' }).default('');

export function requiredText(label: string, max: number) {
  return raw().pipe(
    z
      .string()
      .trim()
      .min(1, `${label} is required`)
      .max(max, `${label} must be at most ${max} characters`)
      .refine((v) => !FORBIDDEN_CHARS.test(v), `${label} contains characters that are not allowed`),
  );
}

export function optionalText(label: string, max: number) {
  return raw().pipe(
    z
      .string()
      .trim()
      .max(max, `${label} must be at most ${max} characters`)
      // Multi-line text may keep its line breaks and tabs.
      .refine(
        (v) => !FORBIDDEN_CHARS.test(v.replace(/[\n\r\t]/g, ' ')),
        `${label} contains characters that are not allowed`,
      ),
  );
}

interface IntBounds {
  min: number;
  max: number;
}

function wholeNumber(label: string, { min, max }: IntBounds) {
  return z
    .string()
    .regex(/^-?\d{1,10}$/, `${label} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`));
}

export function intField(label: string, bounds: IntBounds) {
  return z
    .union([z.number(), raw()])
    .transform((v) => String(v).trim())
    .pipe(z.string().min(1, `${label} is required`))
    .pipe(wholeNumber(label, bounds));
}

/** Empty means "no limit" (null). */
export function optionalIntField(label: string, bounds: IntBounds) {
  return z
    .union([z.number(), z.null(), raw()])
    .transform((v) => (v === null ? '' : String(v).trim()))
    .pipe(z.union([z.literal('').transform(() => null), wholeNumber(label, bounds)]));
}

/** A ticked HTML checkbox sends "on"; an unticked one sends nothing. */
export const checkbox = z
  .union([z.boolean(), z.string()])
  .default(false)
  .transform((v) => v === true || v === 'on' || v === 'true' || v === 'yes');

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function realCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 2000 && y <= 2200 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  );
}

/** "2026-03-11T09:30" (what datetime-local inputs send) to "2026-03-11" and "09:30", or null when it is not one. */
export function splitLocalDateTime(value: string): { date: string; time: string } | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m;
  if (!realCalendarDate(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59) return null;
  return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}` };
}

/** An optional wall-clock date and time; empty is null. Still a string: it needs the zone to become an instant. */
export function localDateTimeField(label: string) {
  return raw()
    .pipe(
      z
        .string()
        .trim()
        .refine(
          (v) => v === '' || splitLocalDateTime(v) !== null,
          `${label}: enter a date and time such as 2026-03-11 09:30`,
        ),
    )
    .transform((v) => v || null);
}

export function dateField(label: string) {
  return raw().pipe(
    z
      .string()
      .trim()
      .refine((v) => {
        const m = DATE.exec(v);
        return m !== null && realCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
      }, `${label}: enter a date such as 2026-03-11`),
  );
}

/** The instant a wall-clock value in the zone stands for; null stays null. */
export function toInstant(local: string | null, timeZone: string): Date | null {
  if (local === null) return null;
  const parts = splitLocalDateTime(local);
  if (!parts) throw new RangeError(`Not a local date and time: ${local}`);
  return zonedTimeToUtc(parts.date, parts.time, timeZone);
}

/** The value a datetime-local input shows for an instant in the event's zone ('' for none). */
export function toLocalInput(instant: Date | null, timeZone: string): string {
  if (!instant) return '';
  return `${dateInZone(instant, timeZone)}T${formatTime(instant, timeZone)}`;
}

/** An IANA zone name such as Europe/Amsterdam, in its canonical spelling; offsets like +01:00 are refused. */
export const timeZoneField = raw().pipe(
  z
    .string()
    .trim()
    .refine(
      (v) => /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(v) && isValidTimeZone(v),
      'Enter an IANA time zone such as Europe/Amsterdam or America/New_York',
    )
    .transform((v) => new Intl.DateTimeFormat('en-US', { timeZone: v }).resolvedOptions().timeZone),
);

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export const currencyField = raw().pipe(
  z
    .string()
    .trim()
    .toUpperCase()
    .refine(
      (v) => /^[A-Z]{3}$/.test(v) && CURRENCIES.has(v),
      'Enter an ISO 4217 currency code such as EUR, USD or GBP',
    ),
);

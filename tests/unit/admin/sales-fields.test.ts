// The pure pieces behind the sales set-up forms: amounts typed in major units, wall-clock times in the event's
// zone, half-open price windows, and the zone and currency fields.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  checkbox,
  currencyField,
  intField,
  optionalIntField,
  splitLocalDateTime,
  timeZoneField,
  toInstant,
  toLocalInput,
} from '@/lib/catalogue/fields';
import { formatMoneyInput, parseMoneyInput } from '@/lib/catalogue/money-input';
import { findOverlap, windowsOverlap } from '@/lib/catalogue/windows';

const d = (iso: string) => new Date(iso);

describe('parseMoneyInput', () => {
  it('turns major units into exact minor units', () => {
    expect(parseMoneyInput('120.00', 'EUR')).toEqual({ ok: true, amount: 12000 });
    expect(parseMoneyInput(' 120 ', 'EUR')).toEqual({ ok: true, amount: 12000 });
    expect(parseMoneyInput('0.29', 'EUR')).toEqual({ ok: true, amount: 29 });
    expect(parseMoneyInput('19.9', 'USD')).toEqual({ ok: true, amount: 1990 });
    expect(parseMoneyInput('0', 'GBP')).toEqual({ ok: true, amount: 0 });
    expect(parseMoneyInput('15000', 'JPY')).toEqual({ ok: true, amount: 15000 });
    expect(parseMoneyInput('1.234', 'KWD')).toEqual({ ok: true, amount: 1234 });
  });

  it('refuses what is not an amount, with a message saying what to type', () => {
    expect(parseMoneyInput('', 'EUR')).toEqual({ ok: false, message: 'Enter an amount' });
    expect(parseMoneyInput('-1', 'EUR')).toEqual({ ok: false, message: 'The amount cannot be negative' });
    expect(parseMoneyInput('1.999', 'EUR')).toEqual({ ok: false, message: 'Use at most 2 decimals, such as 120.00' });
    expect(parseMoneyInput('10.5', 'JPY')).toEqual({ ok: false, message: 'JPY amounts have no decimals' });
    for (const bad of ['12,50', '1e3', '€10', '10.', '.5', 'NaN', '1 000']) {
      expect(parseMoneyInput(bad, 'EUR').ok, bad).toBe(false);
    }
    expect(parseMoneyInput('99999999.99', 'EUR')).toEqual({ ok: false, message: 'The amount is too large' });
  });

  it('formats minor units back for an input, round-tripping', () => {
    expect(formatMoneyInput(12000, 'EUR')).toBe('120.00');
    expect(formatMoneyInput(5, 'EUR')).toBe('0.05');
    expect(formatMoneyInput(15000, 'JPY')).toBe('15000');
    for (const amount of [0, 1, 99, 12345, 4755])
      expect(parseMoneyInput(formatMoneyInput(amount, 'EUR'), 'EUR')).toEqual({ ok: true, amount });
  });
});

describe('wall-clock times in the event zone', () => {
  it('reads what datetime-local inputs send, and only real dates and times', () => {
    expect(splitLocalDateTime('2030-03-01T09:30')).toEqual({ date: '2030-03-01', time: '09:30' });
    expect(splitLocalDateTime('2030-03-01 09:30:00')).toEqual({ date: '2030-03-01', time: '09:30' });
    for (const bad of [
      '2030-02-30T10:00',
      '2030-03-01T24:00',
      '2030-03-01T10:60',
      '2030-03-01',
      '01/03/2030 10:00',
      '',
    ]) {
      expect(splitLocalDateTime(bad), bad).toBeNull();
    }
  });

  it('turns wall-clock time into the instant in that zone and back, across a clock change', () => {
    expect(toInstant('2030-03-01T18:00', 'Europe/Amsterdam')).toEqual(d('2030-03-01T17:00:00Z'));
    expect(toInstant('2030-07-01T18:00', 'Europe/Amsterdam')).toEqual(d('2030-07-01T16:00:00Z'));
    expect(toInstant('2030-03-01T18:00', 'America/New_York')).toEqual(d('2030-03-01T23:00:00Z'));
    expect(toInstant(null, 'Europe/Amsterdam')).toBeNull();
    expect(toLocalInput(d('2030-07-01T16:00:00Z'), 'Europe/Amsterdam')).toBe('2030-07-01T18:00');
    expect(toLocalInput(d('2030-01-01T00:30:00Z'), 'Asia/Kolkata')).toBe('2030-01-01T06:00');
    expect(toLocalInput(null, 'UTC')).toBe('');
  });
});

describe('price windows', () => {
  const early = { startsAt: null, endsAt: d('2030-02-01T00:00:00Z') };
  const regular = { startsAt: d('2030-02-01T00:00:00Z'), endsAt: d('2030-03-01T00:00:00Z') };
  const late = { startsAt: d('2030-03-01T00:00:00Z'), endsAt: null };

  it('treats windows as half-open, so one may start where another ends', () => {
    expect(windowsOverlap(early, regular)).toBe(false);
    expect(windowsOverlap(regular, late)).toBe(false);
    expect(findOverlap(late, [early, regular])).toBeNull();
  });

  it('finds overlaps, including with open ends', () => {
    const always = { startsAt: null, endsAt: null };
    expect(windowsOverlap(always, late)).toBe(true);
    expect(windowsOverlap(early, { startsAt: d('2030-01-31T23:59:00Z'), endsAt: null })).toBe(true);
    expect(windowsOverlap({ startsAt: d('2030-02-10T00:00:00Z'), endsAt: d('2030-02-11T00:00:00Z') }, regular)).toBe(
      true,
    );
    expect(
      findOverlap({ startsAt: d('2030-02-28T00:00:00Z'), endsAt: d('2030-03-02T00:00:00Z') }, [early, regular, late]),
    ).toBe(regular);
  });
});

describe('form fields', () => {
  it('accepts IANA zones in their canonical spelling and refuses offsets and unknown names', () => {
    expect(timeZoneField.parse('europe/amsterdam')).toBe('Europe/Amsterdam');
    expect(timeZoneField.parse('UTC')).toBe('UTC');
    for (const bad of ['+01:00', 'GMT+1 ', 'Mars/Olympus', '', 'Europe/Amsterdam; drop table'])
      expect(timeZoneField.safeParse(bad).success, bad).toBe(false);
  });

  it('accepts ISO 4217 currency codes only, in upper case', () => {
    expect(currencyField.parse(' usd ')).toBe('USD');
    for (const bad of ['EURO', 'XYZ', 'E1R', '']) expect(currencyField.safeParse(bad).success, bad).toBe(false);
  });

  it('reads whole numbers, empty as "no limit" where allowed, and checkboxes', () => {
    const schema = z.object({
      n: intField('Seats', { min: 0, max: 10 }),
      m: optionalIntField('Limit', { min: 0, max: 10 }),
      c: checkbox,
    });
    expect(schema.parse({ n: '3', m: '', c: 'on' })).toEqual({ n: 3, m: null, c: true });
    expect(schema.parse({ n: 4, m: null })).toEqual({ n: 4, m: null, c: false });
    const issues = schema.safeParse({ n: '2.5', m: '11' }).error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual([
      ['n', 'Seats must be a whole number'],
      ['m', 'Limit must be at most 10'],
    ]);
    expect(schema.safeParse({ n: '' }).error!.issues[0]!.message).toBe('Seats is required');
  });
});

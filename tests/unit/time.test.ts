import { describe, expect, it } from 'vitest';
import { dateInZone, datesBetween, formatDay, formatInstant, formatTimeRange, zonedTimeToUtc } from '@/lib/time';

const iso = (date: string, time: string, zone: string) => zonedTimeToUtc(date, time, zone).toISOString();

describe('zonedTimeToUtc', () => {
  it('converts Amsterdam wall-clock time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(iso('2030-01-15', '09:00', 'Europe/Amsterdam')).toBe('2030-01-15T08:00:00.000Z');
    expect(iso('2030-07-15', '09:00', 'Europe/Amsterdam')).toBe('2030-07-15T07:00:00.000Z');
  });

  it('uses the right offset on either side of the Amsterdam spring-forward on 31 March 2030', () => {
    expect(iso('2030-03-31', '01:30', 'Europe/Amsterdam')).toBe('2030-03-31T00:30:00.000Z');
    expect(iso('2030-03-31', '03:00', 'Europe/Amsterdam')).toBe('2030-03-31T01:00:00.000Z');
    expect(iso('2030-03-31', '12:00', 'Europe/Amsterdam')).toBe('2030-03-31T10:00:00.000Z');
  });

  it('resolves an Amsterdam wall time skipped by spring-forward to a time after the jump', () => {
    const instant = zonedTimeToUtc('2030-03-31', '02:30', 'Europe/Amsterdam');
    expect(instant.getTime()).toBeGreaterThanOrEqual(Date.parse('2030-03-31T01:00:00Z'));
    expect(instant.toISOString()).toBe('2030-03-31T01:30:00.000Z');
  });

  it('uses the right offset on either side of the Amsterdam fall-back on 27 October 2030', () => {
    expect(iso('2030-10-27', '00:30', 'Europe/Amsterdam')).toBe('2030-10-26T22:30:00.000Z');
    expect(iso('2030-10-27', '12:00', 'Europe/Amsterdam')).toBe('2030-10-27T11:00:00.000Z');
    // A 00:30-04:00 wall-clock slot on the fall-back night lasts four and a half real hours.
    const span =
      zonedTimeToUtc('2030-10-27', '04:00', 'Europe/Amsterdam').getTime() -
      zonedTimeToUtc('2030-10-27', '00:30', 'Europe/Amsterdam').getTime();
    expect(span).toBe(4.5 * 3_600_000);
  });

  it('uses the right offset on either side of the New York spring-forward on 10 March 2030', () => {
    expect(iso('2030-03-10', '01:30', 'America/New_York')).toBe('2030-03-10T06:30:00.000Z');
    expect(iso('2030-03-10', '03:00', 'America/New_York')).toBe('2030-03-10T07:00:00.000Z');
    expect(iso('2030-03-10', '12:00', 'America/New_York')).toBe('2030-03-10T16:00:00.000Z');
  });

  it('uses the right offset on either side of the New York fall-back on 3 November 2030', () => {
    expect(iso('2030-11-03', '00:30', 'America/New_York')).toBe('2030-11-03T04:30:00.000Z');
    expect(iso('2030-11-03', '12:00', 'America/New_York')).toBe('2030-11-03T17:00:00.000Z');
  });

  it('rejects dates and times that are not YYYY-MM-DD and HH:MM', () => {
    expect(() => zonedTimeToUtc('2030-3-1', '09:00', 'Europe/Amsterdam')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2030-03-01', '9:00', 'Europe/Amsterdam')).toThrow(RangeError);
  });
});

describe('dateInZone', () => {
  it('gives the next day in Amsterdam for an instant late in the UTC evening', () => {
    const instant = new Date('2030-06-30T22:30:00Z');
    expect(dateInZone(instant, 'UTC')).toBe('2030-06-30');
    expect(dateInZone(instant, 'Europe/Amsterdam')).toBe('2030-07-01');
  });

  it('gives the previous day in New York for an instant early in the UTC morning', () => {
    const instant = new Date('2030-07-01T02:30:00Z');
    expect(dateInZone(instant, 'UTC')).toBe('2030-07-01');
    expect(dateInZone(instant, 'America/New_York')).toBe('2030-06-30');
  });

  it('places the last minute before local midnight on the earlier day', () => {
    const beforeMidnight = zonedTimeToUtc('2030-12-31', '23:59', 'Europe/Amsterdam');
    expect(dateInZone(beforeMidnight, 'Europe/Amsterdam')).toBe('2030-12-31');
    expect(dateInZone(new Date(beforeMidnight.getTime() + 60_000), 'Europe/Amsterdam')).toBe('2031-01-01');
  });
});

describe('formatTimeRange', () => {
  it('shows start and end in the event timezone with the summer abbreviation', () => {
    expect(
      formatTimeRange(new Date('2030-06-30T07:00:00Z'), new Date('2030-06-30T08:30:00Z'), 'Europe/Amsterdam'),
    ).toBe('09:00–10:30 CEST');
  });

  it('shows the winter abbreviation in winter', () => {
    expect(
      formatTimeRange(new Date('2030-01-30T07:00:00Z'), new Date('2030-01-30T08:30:00Z'), 'Europe/Amsterdam'),
    ).toBe('08:00–09:30 CET');
  });

  it('uses 24-hour times in another zone and locale', () => {
    expect(
      formatTimeRange(new Date('2030-01-30T17:00:00Z'), new Date('2030-01-30T18:30:00Z'), 'America/New_York', 'en-US'),
    ).toBe('12:00–13:30 EST');
  });
});

describe('datesBetween', () => {
  it('lists every date from start to end inclusive, across a month end', () => {
    expect(datesBetween('2030-02-27', '2030-03-02')).toEqual(['2030-02-27', '2030-02-28', '2030-03-01', '2030-03-02']);
  });

  it('includes 29 February in a leap year', () => {
    expect(datesBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
  });

  it('gives a single date when start equals end and nothing when end is before start', () => {
    expect(datesBetween('2030-05-05', '2030-05-05')).toEqual(['2030-05-05']);
    expect(datesBetween('2030-05-05', '2030-05-04')).toEqual([]);
  });

  it('stays on calendar dates across a DST change', () => {
    expect(datesBetween('2030-10-26', '2030-10-28')).toEqual(['2030-10-26', '2030-10-27', '2030-10-28']);
  });
});

describe('zonedTimeToUtc across daylight-saving jumps', () => {
  it('moves a wall time skipped by clocks going forward to just after the jump, west and east of UTC', () => {
    expect(zonedTimeToUtc('2030-03-10', '02:30', 'America/New_York').toISOString()).toBe('2030-03-10T07:30:00.000Z');
    expect(zonedTimeToUtc('2030-03-31', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2030-03-31T01:30:00.000Z');
  });

  it('resolves a wall time that occurs twice to the earlier instant in both hemispheres of the offset', () => {
    expect(zonedTimeToUtc('2030-11-03', '01:30', 'America/New_York').toISOString()).toBe('2030-11-03T05:30:00.000Z');
    expect(zonedTimeToUtc('2030-10-27', '02:30', 'Europe/Amsterdam').toISOString()).toBe('2030-10-27T00:30:00.000Z');
  });
});

describe('formatInstant', () => {
  const at = new Date('2030-03-28T08:00:00Z');

  it('names the day with its weekday (as formatDay writes it), the time and the zone in the event zone', () => {
    expect(formatInstant(at, 'Europe/Amsterdam')).toBe(`${formatDay('2030-03-28')}, 09:00 CET`);
    expect(formatDay('2030-03-28')).toMatch(/^Thursday,? 28 March 2030$/);
  });

  it('leaves the weekday out when asked, and takes the date in the event zone, not UTC', () => {
    expect(formatInstant(at, 'Europe/Amsterdam', { weekday: false })).toBe('28 March 2030, 09:00 CET');
    expect(formatInstant(new Date('2030-03-27T23:30:00Z'), 'Europe/Amsterdam', { weekday: false })).toBe(
      '28 March 2030, 00:30 CET',
    );
  });
});

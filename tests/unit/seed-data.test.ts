import { describe, expect, it } from 'vitest';
import { seedStartDate } from '@/scripts/seed/seed';
import { conference, type SeedSession } from '@/scripts/seed/data';
import { sessionSchema } from '@/lib/programme/schemas';
import { addDays } from '@/lib/time';

const { event, tracks, rooms, speakers, sessions } = conference;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Start and end in minutes from the first day's midnight, local time. */
function span(s: SeedSession): [number, number] {
  const start = s.day * 1440 + minutesOf(s.start);
  return [start, start + s.minutes];
}

function overlaps(a: SeedSession, b: SeedSession): boolean {
  const [as, ae] = span(a);
  const [bs, be] = span(b);
  return as < be && bs < ae;
}

function clashes(keyOf: (s: SeedSession) => string[]): string[] {
  const found: string[] = [];
  sessions.forEach((a, i) => {
    for (const b of sessions.slice(i + 1)) {
      const shared = keyOf(a).filter((k) => keyOf(b).includes(k));
      if (shared.length && overlaps(a, b)) found.push(`${shared.join(',')}: ${a.slug} / ${b.slug}`);
    }
  });
  return found;
}

describe('demo conference data', () => {
  it('describes a three-day event in Amsterdam priced in euros', () => {
    expect(event).toMatchObject({ slug: 'iac', timezone: 'Europe/Amsterdam', currency: 'EUR', days: 3 });
    expect(event.venueName).not.toBe('');
    expect(event.venueAddress).toContain('Amsterdam');
  });

  it('has at least 40 sessions and at least 3 tracks, including the three core tracks', () => {
    expect(sessions.length).toBeGreaterThanOrEqual(40);
    expect(sessions.length).toBeLessThanOrEqual(60);
    expect(tracks.length).toBeGreaterThanOrEqual(3);
    expect(tracks.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Neuroscience', 'Clinical practice', 'Lived experience']),
    );
  });

  it('has sessions on every day and only on event days', () => {
    const days = new Set(sessions.map((s) => s.day));
    expect([...days].sort()).toEqual(Array.from({ length: event.days }, (_, i) => i));
  });

  it('limits two or three sessions to attendees, all of them peer-support meetings', () => {
    const hidden = sessions.filter((s) => s.visibility === 'attendees');
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.length).toBeLessThanOrEqual(3);
    expect(hidden.every((s) => s.format === 'support_meeting')).toBe(true);
    expect(sessions.filter((s) => s.format === 'support_meeting').every((s) => s.visibility === 'attendees')).toBe(
      true,
    );
  });

  it('gives every workshop a limited number of seats that fits its room, one small enough to sell out', () => {
    const workshops = sessions.filter((s) => s.format === 'workshop');
    expect(workshops.length).toBeGreaterThanOrEqual(3);
    for (const w of workshops) {
      expect(w.capacity, w.slug).toBeGreaterThan(0);
      const room = rooms.find((r) => r.name === w.room);
      expect(w.capacity, w.slug).toBeLessThanOrEqual(room?.capacity ?? 0);
    }
    expect(Math.min(...workshops.map((w) => w.capacity ?? Infinity))).toBeLessThanOrEqual(8);
  });

  it('has an alcohol-free evening social', () => {
    const socials = sessions.filter((s) => s.format === 'social');
    expect(socials.length).toBeGreaterThanOrEqual(1);
    for (const s of socials) {
      expect(minutesOf(s.start), s.slug).toBeGreaterThanOrEqual(17 * 60);
      expect(`${s.title} ${s.abstract}`).toMatch(/alcohol-free/i);
    }
  });

  it('refers only to tracks, rooms and speakers that exist', () => {
    const trackSlugs = new Set(tracks.map((t) => t.slug));
    const roomNames = new Set(rooms.map((r) => r.name));
    const speakerSlugs = new Set(speakers.map((s) => s.slug));
    for (const s of sessions) {
      if (s.track !== null) expect(trackSlugs.has(s.track), `${s.slug} track ${s.track}`).toBe(true);
      expect(roomNames.has(s.room), `${s.slug} room ${s.room}`).toBe(true);
      for (const sp of s.speakers) expect(speakerSlugs.has(sp), `${s.slug} speaker ${sp}`).toBe(true);
    }
  });

  it('uses unique slugs and names where the database requires them', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(sessions.map((s) => s.slug))).toBe(true);
    expect(unique(tracks.map((t) => t.slug))).toBe(true);
    expect(unique(rooms.map((r) => r.name))).toBe(true);
    expect(unique(speakers.map((s) => s.slug))).toBe(true);
  });

  it('gives every speaker at least one session, and has a facilitator who only hosts attendee-only sessions', () => {
    for (const sp of speakers)
      expect(
        sessions.some((s) => s.speakers.includes(sp.slug)),
        sp.slug,
      ).toBe(true);
    const onlyHidden = speakers.filter((sp) =>
      sessions.filter((s) => s.speakers.includes(sp.slug)).every((s) => s.visibility === 'attendees'),
    );
    expect(onlyHidden.length).toBeGreaterThanOrEqual(1);
  });

  it('never books a room for two sessions at once', () => {
    expect(clashes((s) => [s.room])).toEqual([]);
  });

  it('never puts a speaker in two sessions at once', () => {
    expect(clashes((s) => s.speakers)).toEqual([]);
  });

  it('keeps every session within its day, with valid local times', () => {
    for (const s of sessions) {
      expect(s.start, s.slug).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(s.minutes, s.slug).toBeGreaterThan(0);
      expect(minutesOf(s.start) + s.minutes, s.slug).toBeLessThanOrEqual(24 * 60);
    }
  });

  it('passes the session input schema the use case applies', () => {
    for (const s of sessions) {
      const result = sessionSchema.safeParse({
        title: s.title,
        slug: s.slug,
        abstract: s.abstract,
        format: s.format,
        capacity: s.capacity ?? null,
        contentNote: s.contentNote ?? null,
        visibility: s.visibility ?? 'public',
        startsAt: new Date(0),
        endsAt: new Date(s.minutes * 60_000),
      });
      expect(result.success, s.slug).toBe(true);
    }
  });

  it('writes abstracts of two to four sentences', () => {
    for (const s of sessions) {
      const sentences = s.abstract.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, s.slug).toBeGreaterThanOrEqual(2);
      expect(sentences.length, s.slug).toBeLessThanOrEqual(4);
    }
  });

  it('makes no claim that a treatment works', () => {
    const claim = /\b(cure|cures|cured|curing|proven to|guaranteed?|miracle)\b/i;
    for (const s of sessions) expect(`${s.title} ${s.abstract}`, s.slug).not.toMatch(claim);
    for (const sp of speakers) expect(sp.bio, sp.slug).not.toMatch(claim);
    expect(event.description).not.toMatch(claim);
  });
});

describe('seedStartDate', () => {
  const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
  const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

  it('picks the first Thursday at least 60 days after today', () => {
    // 2031-01-15 is a Wednesday; 60 days later is Sunday 2031-03-16.
    expect(seedStartDate(new Date('2031-01-15T10:00:00Z'), 'Europe/Amsterdam')).toBe('2031-03-20');
  });

  it('takes the day 60 days ahead itself when it is a Thursday', () => {
    // 2031-01-19 + 60 days is Thursday 2031-03-20.
    expect(seedStartDate(new Date('2031-01-19T10:00:00Z'), 'Europe/Amsterdam')).toBe('2031-03-20');
  });

  it('counts from today in the event timezone, not in UTC', () => {
    // 23:30 UTC on 19 January is already 20 January in Amsterdam, and 20 January + 60 days is a Friday.
    const now = new Date('2031-01-19T23:30:00Z');
    expect(seedStartDate(now, 'UTC')).toBe('2031-03-20');
    expect(seedStartDate(now, 'Europe/Amsterdam')).toBe('2031-03-27');
  });

  it('always gives a Thursday between 60 and 66 days ahead', () => {
    for (let i = 0; i < 14; i++) {
      const today = addDays('2031-06-01', i);
      const start = seedStartDate(new Date(`${today}T12:00:00Z`), 'Europe/Amsterdam');
      expect(weekday(start)).toBe(4);
      expect(daysBetween(today, start)).toBeGreaterThanOrEqual(60);
      expect(daysBetween(today, start)).toBeLessThanOrEqual(66);
    }
  });
});

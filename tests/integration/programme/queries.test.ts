import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '@/db/schema';
import { seedConference } from '@/scripts/seed/seed';
import { conference } from '@/scripts/seed/data';
import { filterSessions } from '@/lib/programme/filter';
import {
  getEventBySlug,
  getEventStats,
  getPublicSpeaker,
  listPublicSessions,
  listPublicSpeakers,
} from '@/lib/programme/queries';
import { addDays } from '@/lib/time';
import { createTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
let event: Event;
const ctx = () => ({ db: t.db });

const attendeeOnly = conference.sessions.filter((s) => s.visibility === 'attendees');
const sessionsOf = (speaker: string) => conference.sessions.filter((s) => s.speakers.includes(speaker));
// Speakers whose every session is attendee-only (the peer-support facilitator) and one who has both kinds.
const hiddenSpeakers = conference.speakers.filter((sp) =>
  sessionsOf(sp.slug).every((s) => s.visibility === 'attendees'),
);
const mixedSpeaker = conference.speakers.find((sp) => {
  const own = sessionsOf(sp.slug);
  return own.some((s) => s.visibility === 'attendees') && own.some((s) => s.visibility !== 'attendees');
});

beforeAll(async () => {
  t = await createTestDb();
  await seedConference(ctx(), { now: new Date('2031-01-15T10:00:00Z') });
  const found = await getEventBySlug(ctx(), 'iac');
  if (!found) throw new Error('The demo event was not seeded');
  event = found;
});
afterAll(async () => {
  await t.drop();
});

describe('listPublicSpeakers', () => {
  it('lists every speaker with a public session and leaves out a facilitator of attendee-only sessions only', async () => {
    expect(hiddenSpeakers.length).toBeGreaterThanOrEqual(1);
    const listed = (await listPublicSpeakers(ctx(), event.id)).map((s) => s.slug);
    for (const hidden of hiddenSpeakers) expect(listed).not.toContain(hidden.slug);
    expect(listed.sort()).toEqual(
      conference.speakers
        .filter((sp) => !hiddenSpeakers.includes(sp))
        .map((sp) => sp.slug)
        .sort(),
    );
  });

  it('lists each speaker once even when they have several public sessions', async () => {
    const listed = (await listPublicSpeakers(ctx(), event.id)).map((s) => s.slug);
    expect(new Set(listed).size).toBe(listed.length);
  });
});

describe('getPublicSpeaker', () => {
  it('shows a speaker with only their public sessions, never an attendee-only one they also host', async () => {
    if (!mixedSpeaker) throw new Error('The demo data needs a speaker with public and attendee-only sessions');
    const found = await getPublicSpeaker(ctx(), event, mixedSpeaker.slug);
    expect(found?.name).toBe(mixedSpeaker.name);
    const expected = sessionsOf(mixedSpeaker.slug)
      .filter((s) => s.visibility !== 'attendees')
      .map((s) => s.slug);
    expect(found?.sessions.map((s) => s.slug).sort()).toEqual(expected.sort());
    for (const hidden of attendeeOnly) expect(found?.sessions.map((s) => s.slug)).not.toContain(hidden.slug);
  });

  it('finds no public page for a speaker who only hosts attendee-only sessions', async () => {
    for (const hidden of hiddenSpeakers) expect(await getPublicSpeaker(ctx(), event, hidden.slug)).toBeNull();
  });
});

describe('getEventStats', () => {
  it('counts all sessions, public sessions, speakers, tracks and rooms of the event', async () => {
    expect(await getEventStats(ctx(), event.id)).toEqual({
      sessions: conference.sessions.length,
      publicSessions: conference.sessions.length - attendeeOnly.length,
      speakers: conference.speakers.length,
      tracks: conference.tracks.length,
      rooms: conference.rooms.length,
    });
  });
});

describe('filterSessions on the seeded programme', () => {
  it('returns exactly the neuroscience sessions of the first day', async () => {
    const all = await listPublicSessions(ctx(), event);
    const found = filterSessions(all, { track: 'neuroscience', day: event.startsOn, q: undefined });
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(all.length);
    expect(found.every((s) => s.track?.slug === 'neuroscience' && s.day === event.startsOn)).toBe(true);
    const expected = conference.sessions.filter(
      (s) => s.track === 'neuroscience' && s.day === 0 && s.visibility !== 'attendees',
    );
    expect(found.map((s) => s.slug).sort()).toEqual(expected.map((s) => s.slug).sort());
  });

  it('returns the lived-experience sessions of the last day without the attendee-only meeting', async () => {
    const lastDay = addDays(event.startsOn, conference.event.days - 1);
    const found = filterSessions(await listPublicSessions(ctx(), event), {
      track: 'lived-experience',
      day: lastDay,
      q: undefined,
    });
    const expected = conference.sessions.filter(
      (s) => s.track === 'lived-experience' && s.day === 2 && s.visibility !== 'attendees',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((s) => s.slug).sort()).toEqual(expected.map((s) => s.slug).sort());
  });

  it('finds the sessions of a speaker by an unaccented search for their name', async () => {
    const found = filterSessions(await listPublicSessions(ctx(), event), { q: 'novakova' });
    expect(found.map((s) => s.slug).sort()).toEqual(
      sessionsOf('eva-novakova')
        .map((s) => s.slug)
        .sort(),
    );
  });
});

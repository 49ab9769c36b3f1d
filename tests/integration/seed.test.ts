import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, rooms, sessions, speakers, tracks } from '@/db/schema';
import { seedConference } from '@/scripts/seed/seed';
import { conference, type SeedConference } from '@/scripts/seed/data';
import { getEventBySlug, getEventStats, listPublicSessions } from '@/lib/programme/queries';
import { dateInZone, formatTime } from '@/lib/time';
import { createTestDb, type TestDb } from '../support/test-db';

let t: TestDb;
const now = new Date('2031-01-15T10:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.drop();
});

async function rowCounts() {
  const n = async (table: typeof events | typeof tracks | typeof rooms | typeof speakers | typeof sessions) =>
    (await t.db.select({ n: count() }).from(table))[0]?.n;
  return {
    events: await n(events),
    tracks: await n(tracks),
    rooms: await n(rooms),
    speakers: await n(speakers),
    sessions: await n(sessions),
  };
}

async function seededEvent() {
  const event = await getEventBySlug({ db: t.db }, 'iac');
  if (!event) throw new Error('The demo event was not seeded');
  return event;
}

describe('seedConference', () => {
  it('creates the demo event with its whole programme on an empty database', async () => {
    expect(await rowCounts()).toEqual({ events: 0, tracks: 0, rooms: 0, speakers: 0, sessions: 0 });
    const result = await seedConference({ db: t.db }, { now });
    expect(result.created).toBe(true);
    const event = await seededEvent();
    expect(result.eventId).toBe(event.id);
    expect(event).toMatchObject({
      name: 'Integrative Addiction Conference',
      timezone: 'Europe/Amsterdam',
      currency: 'EUR',
    });
    const stats = await getEventStats({ db: t.db }, event.id);
    expect(stats.sessions).toBeGreaterThanOrEqual(40);
    expect(stats.sessions).toBe(conference.sessions.length);
    expect(stats.tracks).toBeGreaterThanOrEqual(3);
  });

  it('changes nothing when run a second time', async () => {
    const before = await rowCounts();
    const event = await seededEvent();
    const again = await seedConference({ db: t.db }, { now: new Date('2031-06-01T10:00:00Z') });
    expect(again).toEqual({ created: false, eventId: event.id });
    expect(await rowCounts()).toEqual(before);
    expect((await seededEvent()).startsOn).toBe(event.startsOn);
  });

  it('starts the event on a Thursday in the future relative to now and runs three days', async () => {
    const event = await seededEvent();
    expect(event.startsOn > dateInZone(now, event.timezone)).toBe(true);
    expect(new Date(`${event.startsOn}T12:00:00Z`).getUTCDay()).toBe(4);
    expect(event.startsOn).toBe('2031-03-20');
    expect(event.endsOn).toBe('2031-03-22');
  });

  it('keeps attendee-only sessions in the table but out of the public programme', async () => {
    const event = await seededEvent();
    const hidden = await t.db
      .select({ slug: sessions.slug, format: sessions.format })
      .from(sessions)
      .where(eq(sessions.visibility, 'attendees'));
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.every((s) => s.format === 'support_meeting')).toBe(true);
    const publicSlugs = (await listPublicSessions({ db: t.db }, event)).map((s) => s.slug);
    expect(publicSlugs.length).toBe(conference.sessions.length - hidden.length);
    for (const h of hidden) expect(publicSlugs).not.toContain(h.slug);
  });

  it('places every session within the event dates, at its local time in Amsterdam', async () => {
    const event = await seededEvent();
    const rows = await t.db.select().from(sessions).where(eq(sessions.eventId, event.id));
    for (const row of rows) {
      expect(dateInZone(row.startsAt, event.timezone) >= event.startsOn, row.slug).toBe(true);
      expect(dateInZone(new Date(row.endsAt.getTime() - 1), event.timezone) <= event.endsOn, row.slug).toBe(true);
      const data = conference.sessions.find((s) => s.slug === row.slug);
      expect(data, row.slug).toBeDefined();
      expect(formatTime(row.startsAt, event.timezone), row.slug).toBe(data?.start);
      expect(row.endsAt.getTime() - row.startsAt.getTime(), row.slug).toBe((data?.minutes ?? 0) * 60_000);
    }
  });

  it('leaves nothing behind when seeding fails halfway', async () => {
    const before = await rowCounts();
    const [first] = conference.sessions;
    if (!first) throw new Error('No sessions in the demo data');
    // The last session double-books the room of the first one, so the failure comes after everything else was written.
    const broken: SeedConference = {
      ...conference,
      event: { ...conference.event, slug: 'broken' },
      sessions: [...conference.sessions, { ...first, slug: 'double-booked', title: 'Double-booked' }],
    };
    await expect(seedConference({ db: t.db }, { now, data: broken })).rejects.toMatchObject({
      code: 'ROOM_DOUBLE_BOOKED',
    });
    expect(await getEventBySlug({ db: t.db }, 'broken')).toBeNull();
    expect(await rowCounts()).toEqual(before);
  });
});

// Seeds the demo conference through the programme use cases, so the seed obeys the same rules as the admin
// (event dates, no double-booked rooms). All-or-nothing in one transaction; does nothing if the event exists.
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { events } from '../../db/schema';
import { conference, type SeedConference } from './data';
import { seedRegistration } from './registration';
import { isDomainError } from '@/lib/errors';
import { createEvent, createRoom, createSpeaker, createTrack } from '@/lib/programme/build';
import { createSession } from '@/lib/programme/create-session';
import { getEventBySlug } from '@/lib/programme/queries';
import { addDays, dateInZone, zonedTimeToUtc } from '@/lib/time';

const THURSDAY = 4;
const MIN_DAYS_AHEAD = 60;

/** The first Thursday at least 60 days after `now` (in the event's timezone), so the demo always lies ahead. */
export function seedStartDate(now: Date, timeZone: string): string {
  let date = addDays(dateInZone(now, timeZone), MIN_DAYS_AHEAD);
  while (new Date(`${date}T12:00:00Z`).getUTCDay() !== THURSDAY) date = addDays(date, 1);
  return date;
}

function sessionInstants(startsOn: string, timeZone: string, s: SeedConference['sessions'][number]) {
  const startsAt = zonedTimeToUtc(addDays(startsOn, s.day), s.start, timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + s.minutes * 60_000) };
}

function lookup(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`Seed data refers to an unknown ${what}: "${key}"`);
  return id;
}

async function build(db: DbOrTx, data: SeedConference, now: Date): Promise<string> {
  const ctx = { db };
  const { days, ...eventInput } = data.event;
  const startsOn = seedStartDate(now, data.event.timezone);
  const event = await createEvent(ctx, { ...eventInput, startsOn, endsOn: addDays(startsOn, days - 1) });
  // The demo's refund policy: attendees cancel online for a full refund until two weeks before the first day.
  await db
    .update(events)
    .set({
      refundUntil: zonedTimeToUtc(addDays(startsOn, -14), '23:59', event.timezone),
      refundPolicy:
        'You can cancel online for a full refund until two weeks before the conference. After that, write to the organizers and we will help where we can.',
    })
    .where(eq(events.id, event.id));

  const trackIds = new Map<string, string>();
  for (const [i, t] of data.tracks.entries()) {
    trackIds.set(t.slug, (await createTrack(ctx, event.id, { ...t, sortOrder: i })).id);
  }
  const roomIds = new Map<string, string>();
  for (const [i, r] of data.rooms.entries()) {
    roomIds.set(r.name, (await createRoom(ctx, event.id, { ...r, sortOrder: i })).id);
  }
  const speakerIds = new Map<string, string>();
  for (const s of data.speakers) speakerIds.set(s.slug, (await createSpeaker(ctx, event.id, s)).id);

  for (const s of data.sessions) {
    await createSession(ctx, event.id, {
      slug: s.slug,
      title: s.title,
      abstract: s.abstract,
      format: s.format,
      trackId: s.track ? lookup(trackIds, s.track, 'track') : null,
      roomId: lookup(roomIds, s.room, 'room'),
      ...sessionInstants(startsOn, event.timezone, s),
      capacity: s.capacity ?? null,
      contentNote: s.contentNote ?? null,
      visibility: s.visibility ?? 'public',
      speakerIds: s.speakers.map((slug) => lookup(speakerIds, slug, 'speaker')),
    });
  }
  await seedRegistration(ctx, event, { now });
  return event.id;
}

export async function seedConference(
  ctx: { db: DbOrTx },
  options: { now: Date; data?: SeedConference },
): Promise<{ created: boolean; eventId: string }> {
  const data = options.data ?? conference;
  const existing = await getEventBySlug(ctx, data.event.slug);
  if (existing) return { created: false, eventId: existing.id };
  try {
    // The use cases' own transactions nest inside this one as savepoints, so a failure anywhere rolls the
    // whole seed back.
    const eventId = await ctx.db.transaction((tx) => build(tx, data, options.now));
    return { created: true, eventId };
  } catch (error) {
    // Another seed run created the event between our check and our insert: that run did the work.
    if (isDomainError(error) && error.code === 'CONFLICT') {
      const raced = await getEventBySlug(ctx, data.event.slug);
      if (raced) return { created: false, eventId: raced.id };
    }
    throw error;
  }
}

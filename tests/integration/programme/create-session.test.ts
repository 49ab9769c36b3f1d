import { describe, expect, it } from 'vitest';
import { createEvent, createRoom, createSpeaker, createTrack } from '@/lib/programme/build';
import { createSession } from '@/lib/programme/create-session';
import { getPublicSession, listPublicSessions } from '@/lib/programme/queries';
import { zonedTimeToUtc } from '@/lib/time';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

async function setUpEvent(slug: string) {
  const ctx = { db: t.db };
  const event = await createEvent(ctx, {
    slug,
    name: 'Test conference',
    timezone: 'Europe/Amsterdam',
    startsOn: '2030-03-29',
    endsOn: '2030-03-31',
    currency: 'EUR',
  });
  const track = await createTrack(ctx, event.id, { name: 'Neuroscience' });
  const room = await createRoom(ctx, event.id, { name: 'Main hall', capacity: 300 });
  const speaker = await createSpeaker(ctx, event.id, { name: 'Dr. Ana Souza', affiliation: 'University' });
  return { ctx, event, track, room, speaker };
}

describe('createSession', () => {
  it('stores a session with its speakers and lists it in the public programme', async () => {
    const { ctx, event, track, room, speaker } = await setUpEvent('one');
    const created = await createSession(ctx, event.id, {
      title: 'Glutamate and relapse',
      format: 'keynote',
      trackId: track.id,
      roomId: room.id,
      speakerIds: [speaker.id],
      startsAt: zonedTimeToUtc('2030-03-29', '09:00', event.timezone),
      endsAt: zonedTimeToUtc('2030-03-29', '10:00', event.timezone),
    });
    expect(created.slug).toBe('glutamate-and-relapse');
    const found = await getPublicSession(ctx, event, created.slug);
    expect(found?.speakers.map((s) => s.name)).toEqual(['Dr. Ana Souza']);
    expect(found?.track?.name).toBe('Neuroscience');
    expect(found?.day).toBe('2030-03-29');
  });

  it('refuses a room that is already booked at an overlapping time, and writes nothing', async () => {
    const { ctx, event, room } = await setUpEvent('two');
    const at = (h: string) => zonedTimeToUtc('2030-03-30', h, event.timezone);
    await createSession(ctx, event.id, {
      title: 'First',
      format: 'talk',
      roomId: room.id,
      startsAt: at('10:00'),
      endsAt: at('11:00'),
    });
    await expect(
      createSession(ctx, event.id, {
        title: 'Second',
        format: 'talk',
        roomId: room.id,
        startsAt: at('10:30'),
        endsAt: at('11:30'),
      }),
    ).rejects.toMatchObject({ code: 'ROOM_DOUBLE_BOOKED' });
    expect((await listPublicSessions(ctx, event)).map((s) => s.title)).toEqual(['First']);
  });

  it('refuses a session outside the event dates in the event timezone', async () => {
    const { ctx, event } = await setUpEvent('three');
    await expect(
      createSession(ctx, event.id, {
        title: 'Too late',
        format: 'talk',
        startsAt: zonedTimeToUtc('2030-04-01', '00:30', event.timezone),
        endsAt: zonedTimeToUtc('2030-04-01', '01:30', event.timezone),
      }),
    ).rejects.toMatchObject({ code: 'OUTSIDE_EVENT_DATES' });
  });

  it('keeps attendee-only sessions out of the public programme', async () => {
    const { ctx, event } = await setUpEvent('four');
    const at = (h: string) => zonedTimeToUtc('2030-03-31', h, event.timezone);
    await createSession(ctx, event.id, {
      title: 'Open talk',
      format: 'talk',
      startsAt: at('09:00'),
      endsAt: at('10:00'),
    });
    const hidden = await createSession(ctx, event.id, {
      title: 'Peer meeting',
      format: 'support_meeting',
      visibility: 'attendees',
      startsAt: at('12:00'),
      endsAt: at('13:00'),
    });
    expect((await listPublicSessions(ctx, event)).map((s) => s.title)).toEqual(['Open talk']);
    expect(await getPublicSession(ctx, event, hidden.slug)).toBeNull();
  });
});

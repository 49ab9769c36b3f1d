// Programme admin, tracks, rooms and speakers: add, edit, reorder and remove, with the refusals that keep
// sessions whole and an audit entry committed with every change (and none for a refused one).
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, rooms, speakers, tracks } from '@/db/schema';
import { moveRoom, moveTrack } from '@/lib/programme/reorder';
import { listRoomsForAdmin, listSpeakersForAdmin, listTracksForAdmin } from '@/lib/programme/staff-queries';
import { addRoom, deleteRoom, updateRoom } from '@/lib/programme/rooms';
import { saveSession } from '@/lib/programme/save-session';
import { addSpeaker, deleteSpeaker, updateSpeaker } from '@/lib/programme/speakers';
import { addTrack, deleteTrack, updateTrack } from '@/lib/programme/tracks';
import { staffActor } from '@/lib/audit/record';
import { createUser } from '@/lib/auth/users';
import { DomainError } from '@/lib/errors';
import { createEvent } from '@/lib/programme/build';
import { listTracks } from '@/lib/programme/queries';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

let n = 0;
async function setUp() {
  n++;
  // A clock that ticks a second per reading, so audit rows sort in the order they were written.
  let tick = 0;
  const ctx = { db: t.db, clock: { now: () => new Date(Date.UTC(2030, 0, 10, 10) + 1000 * tick++) } };
  const event = await createEvent(ctx, {
    slug: `adm-p${n}`,
    name: 'Conference',
    timezone: 'Europe/Lisbon',
    startsOn: '2030-05-06',
    endsOn: '2030-05-07',
    currency: 'EUR',
  });
  const user = await createUser(ctx, {
    email: `org${n}@example.org`,
    name: 'Org',
    password: 'a long enough password 1',
    role: 'organizer',
  });
  return { ctx, event, cmd: { eventId: event.id, actor: staffActor(user) } };
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(e)}`);
  return e;
}

const audit = (eventId: string) =>
  t.db
    .select({ action: auditLog.action, summary: auditLog.summary, targetId: auditLog.targetId })
    .from(auditLog)
    .where(eq(auditLog.eventId, eventId))
    .orderBy(asc(auditLog.createdAt));

const talk = (extra: Record<string, unknown>) => ({
  title: 'A talk',
  format: 'talk' as const,
  startsAt: '2030-05-06T10:00',
  endsAt: '2030-05-06T11:00',
  ...extra,
});

describe('tracks', () => {
  it('adds tracks at the end of the order with derived addresses, and refuses a second of the same name', async () => {
    const { ctx, event, cmd } = await setUp();
    const a = await addTrack(ctx, { ...cmd, values: { name: 'Neuroscience' } });
    const b = await addTrack(ctx, {
      ...cmd,
      values: { name: 'Lived experience', description: 'People speak for themselves.' },
    });
    expect([a, b].map((x) => [x.slug, x.sortOrder])).toEqual([
      ['neuroscience', 0],
      ['lived-experience', 1],
    ]);
    const dup = await failure(addTrack(ctx, { ...cmd, values: { name: '  neuroscience ' } }));
    expect(dup).toMatchObject({ code: 'CONFLICT', fieldErrors: { name: ['A track with this name already exists'] } });
    const slug = await failure(addTrack(ctx, { ...cmd, values: { name: 'Neuro', slug: 'neuroscience' } }));
    expect(slug.fieldErrors.slug).toEqual(['Another track already uses this address']);
    expect((await audit(event.id)).map((r) => r.summary)).toEqual([
      'Added track "Neuroscience"',
      'Added track "Lived experience"',
    ]);
  });

  it('edits a track and records which fields changed', async () => {
    const { ctx, event, cmd } = await setUp();
    const a = await addTrack(ctx, { ...cmd, values: { name: 'Clinical' } });
    const edited = await updateTrack(ctx, {
      ...cmd,
      trackId: a.id,
      values: { name: 'Clinical practice', slug: 'clinical-practice' },
    });
    expect(edited).toMatchObject({ name: 'Clinical practice', slug: 'clinical-practice', sortOrder: 0 });
    expect((await audit(event.id)).at(-1)!.summary).toBe('Edited track "Clinical practice" (name, slug)');
    const blank = await failure(updateTrack(ctx, { ...cmd, trackId: a.id, values: { name: '' } }));
    expect(blank.fieldErrors.name).toEqual(['Name is required']);
  });

  it('moves a track up and down, renumbering the order the public programme reads, and refuses moving past an end', async () => {
    const { ctx, event, cmd } = await setUp();
    const [a, b, c] = [
      await addTrack(ctx, { ...cmd, values: { name: 'A' } }),
      await addTrack(ctx, { ...cmd, values: { name: 'B' } }),
      await addTrack(ctx, { ...cmd, values: { name: 'C' } }),
    ];
    // A tie left by an older import is settled by the first move.
    await t.db.update(tracks).set({ sortOrder: 5 }).where(eq(tracks.eventId, event.id));
    expect(await moveTrack(ctx, { ...cmd, id: c!.id, direction: 'up' })).toEqual({
      moved: true,
      name: 'C',
      position: 2,
      of: 3,
    });
    expect((await listTracks(ctx, event.id)).map((x) => x.name)).toEqual(['A', 'C', 'B']);
    await moveTrack(ctx, { ...cmd, id: a!.id, direction: 'down' });
    expect((await listTracksForAdmin(ctx, event.id)).map((x) => [x.name, x.sortOrder])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    const edge = await failure(moveTrack(ctx, { ...cmd, id: b!.id, direction: 'down' }));
    expect(edge.message).toBe('"B" is already last.');
    expect((await audit(event.id)).filter((r) => r.action === 'track.move').map((r) => r.summary)).toEqual([
      'Moved track "C" up to position 2 of 3',
      'Moved track "A" down to position 2 of 3',
    ]);
    expect((await failure(moveTrack(ctx, { ...cmd, id: b!.id, direction: 'sideways' as 'up' }))).code).toBe(
      'VALIDATION',
    );
  });

  it('refuses to delete a track sessions use, and deletes it once they have moved', async () => {
    const { ctx, event, cmd } = await setUp();
    const track = await addTrack(ctx, { ...cmd, values: { name: 'Neuroscience' } });
    const { session } = await saveSession(ctx, { ...cmd, values: talk({ trackId: track.id }) });
    const used = await failure(deleteTrack(ctx, { ...cmd, trackId: track.id }));
    expect(used.message).toBe(
      '"Neuroscience" is used by 1 session. Move it to another track (or to no track) first; nothing was deleted.',
    );
    expect(await t.db.select().from(tracks).where(eq(tracks.id, track.id))).toHaveLength(1);
    await saveSession(ctx, { ...cmd, sessionId: session.id, values: talk({ trackId: '' }) });
    expect(await deleteTrack(ctx, { ...cmd, trackId: track.id })).toEqual({ name: 'Neuroscience' });
    expect(await t.db.select().from(tracks).where(eq(tracks.id, track.id))).toEqual([]);
    expect((await audit(event.id)).map((r) => r.action)).toEqual([
      'track.create',
      'session.create',
      'session.update',
      'track.delete',
    ]);
  });
});

describe('rooms', () => {
  it('adds, edits and reorders rooms, with capacity checked', async () => {
    const { ctx, event, cmd } = await setUp();
    const hall = await addRoom(ctx, { ...cmd, values: { name: 'Main hall', capacity: '300' } });
    const studio = await addRoom(ctx, { ...cmd, values: { name: 'Studio', location: 'Floor 2', capacity: '' } });
    expect([hall.capacity, studio.capacity, studio.sortOrder]).toEqual([300, null, 1]);
    const bad = await failure(addRoom(ctx, { ...cmd, values: { name: 'Annex', capacity: '-4' } }));
    expect(bad.fieldErrors.capacity).toEqual(['Capacity must be a whole number, or blank for no limit']);
    expect((await failure(addRoom(ctx, { ...cmd, values: { name: 'MAIN HALL' } }))).fieldErrors.name).toEqual([
      'A room with this name already exists',
    ]);
    await updateRoom(ctx, {
      ...cmd,
      roomId: studio.id,
      values: { name: 'Studio', location: 'Floor 3', capacity: '40' },
    });
    await moveRoom(ctx, { ...cmd, id: studio.id, direction: 'up' });
    expect((await listRoomsForAdmin(ctx, event.id)).map((r) => [r.name, r.capacity, r.location])).toEqual([
      ['Studio', 40, 'Floor 3'],
      ['Main hall', 300, ''],
    ]);
    expect((await audit(event.id)).map((r) => r.summary)).toEqual([
      'Added room "Main hall"',
      'Added room "Studio"',
      'Edited room "Studio" (location, capacity)',
      'Moved room "Studio" up to position 1 of 2',
    ]);
  });

  it('refuses to delete a room that holds a session, and counts its sessions', async () => {
    const { ctx, event, cmd } = await setUp();
    const room = await addRoom(ctx, { ...cmd, values: { name: 'Main hall' } });
    await saveSession(ctx, { ...cmd, values: talk({ roomId: room.id }) });
    await saveSession(ctx, {
      ...cmd,
      values: talk({ roomId: room.id, startsAt: '2030-05-06T11:00', endsAt: '2030-05-06T12:00' }),
    });
    expect((await listRoomsForAdmin(ctx, event.id))[0]!.sessionCount).toBe(2);
    const e = await failure(deleteRoom(ctx, { ...cmd, roomId: room.id }));
    expect(e.message).toBe(
      '"Main hall" holds 2 sessions. Move them to another room (or to no room) first; nothing was deleted.',
    );
    expect(await t.db.select().from(rooms).where(eq(rooms.id, room.id))).toHaveLength(1);
    const empty = await addRoom(ctx, { ...cmd, values: { name: 'Spare' } });
    await deleteRoom(ctx, { ...cmd, roomId: empty.id });
    expect((await audit(event.id)).filter((r) => r.action === 'room.delete').map((r) => r.targetId)).toEqual([
      empty.id,
    ]);
  });
});

describe('speakers', () => {
  it('adds speakers (two of one name get distinct addresses), edits them and refuses a typed address in use', async () => {
    const { ctx, event, cmd } = await setUp();
    const one = await addSpeaker(ctx, {
      ...cmd,
      values: { name: 'Maria Silva', affiliation: 'Clinic', bio: 'Line one.\nLine two.' },
    });
    const two = await addSpeaker(ctx, { ...cmd, values: { name: 'Maria Silva' } });
    expect([one.slug, two.slug, one.bio]).toEqual(['maria-silva', 'maria-silva-2', 'Line one.\nLine two.']);
    const taken = await failure(
      updateSpeaker(ctx, { ...cmd, speakerId: two.id, values: { name: 'Maria Silva', slug: 'maria-silva' } }),
    );
    expect(taken.fieldErrors.slug).toEqual(['Another speaker already uses this address']);
    await updateSpeaker(ctx, { ...cmd, speakerId: two.id, values: { name: 'Maria J. Silva', slug: 'maria-j-silva' } });
    expect((await listSpeakersForAdmin(ctx, event.id)).map((s) => s.slug)).toEqual(['maria-j-silva', 'maria-silva']);
    const bidi = await failure(addSpeaker(ctx, { ...cmd, values: { name: 'Evil\u202Eeman' } }));
    expect(bidi.fieldErrors.name).toEqual(['Name contains characters that are not allowed']);
  });

  it('refuses to delete a speaker listed on a session, and deletes them once taken off', async () => {
    const { ctx, event, cmd } = await setUp();
    const sp = await addSpeaker(ctx, { ...cmd, values: { name: 'Ana Souza' } });
    const { session } = await saveSession(ctx, { ...cmd, values: talk({ speakers: [{ speakerId: sp.id }] }) });
    const e = await failure(deleteSpeaker(ctx, { ...cmd, speakerId: sp.id }));
    expect(e.message).toBe('Ana Souza is listed on 1 session. Take them off that session first; nothing was deleted.');
    await saveSession(ctx, { ...cmd, sessionId: session.id, values: talk({ speakers: [] }) });
    await deleteSpeaker(ctx, { ...cmd, speakerId: sp.id });
    expect(
      await t.db
        .select()
        .from(speakers)
        .where(and(eq(speakers.eventId, event.id))),
    ).toEqual([]);
    expect((await audit(event.id)).map((r) => r.action)).toEqual([
      'speaker.create',
      'session.create',
      'session.update',
      'speaker.delete',
    ]);
  });
});

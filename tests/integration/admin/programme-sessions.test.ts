// Programme admin, sessions: the rules an organizer's session edits must keep (event dates in the event's zone,
// one session per room at a time, capacity not below seats taken, unique addresses), deletion rules, and the
// audit entry that commits with every change and never without it.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agendaItems, auditLog, orders, sessionSpeakers, sessions, tickets, waitlistEntries } from '@/db/schema';
import { deleteSession } from '@/lib/programme/delete-session';
import { getSessionForEdit, listSessionsForAdmin, toLocalInput } from '@/lib/programme/staff-queries';
import { saveSession } from '@/lib/programme/save-session';
import type { SessionFormInput } from '@/lib/programme/staff-schemas';
import { staffActor } from '@/lib/audit/record';
import { createUser } from '@/lib/auth/users';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { createRoom, createSpeaker, createTrack } from '@/lib/programme/build';
import { getPublicSession, listPublicSessions } from '@/lib/programme/queries';
import { zonedTimeToUtc } from '@/lib/time';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

let n = 0;
// The fixture event runs 2030-03-28 to 2030-03-30 in Europe/Amsterdam; its workshops 1 and 2 share 09:00-10:30
// on the first day, in two rooms.
async function setUp(options: Parameters<typeof buildRegistrationFixture>[1] = {}) {
  n++;
  const fx = await buildRegistrationFixture(t.db, { slug: `adm-s${n}`, ...options });
  const user = await createUser(fx.ctx, {
    email: `organizer${n}@example.org`,
    name: 'Org',
    password: 'a long enough password 1',
    role: 'organizer',
  });
  const cmd = { eventId: fx.event.id, actor: staffActor(user) };
  const room = await createRoom(fx.ctx, fx.event.id, { name: 'Main hall', capacity: 300 });
  const track = await createTrack(fx.ctx, fx.event.id, { name: 'Neuroscience' });
  const ana = await createSpeaker(fx.ctx, fx.event.id, { name: 'Ana Souza' });
  const ben = await createSpeaker(fx.ctx, fx.event.id, { name: 'Ben Okafor' });
  return { fx, ctx: fx.ctx, cmd, user, room, track, ana, ben };
}

function form(values: Partial<SessionFormInput> = {}): SessionFormInput {
  return {
    title: 'Stress and relapse',
    format: 'talk',
    startsAt: '2030-03-29T09:00',
    endsAt: '2030-03-29T10:00',
    ...values,
  };
}

async function failure(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof DomainError)) throw new Error(`Expected a DomainError, got ${String(e)}`);
  return e;
}

async function auditRows(eventId: string, action?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), action ? eq(auditLog.action, action) : undefined));
}

async function buyWorkshop(fx: Awaited<ReturnType<typeof setUp>>['fx'], workshopId: string, email: string) {
  return createOrder(
    fx.ctx,
    fx.event.id,
    registration([attendee(fx.fullPass.id, { workshopIds: [workshopId] })], { buyer: { name: 'Buyer', email } }),
    { clientKey: null },
  );
}

describe('adding and editing sessions', () => {
  it('adds a session at local times in the event zone, with speakers in order, and audits it', async () => {
    const { fx, ctx, cmd, user, room, track, ana, ben } = await setUp();
    const { session, created } = await saveSession(ctx, {
      ...cmd,
      values: form({
        title: 'Glutamate and relapse',
        trackId: track.id,
        roomId: room.id,
        abstract: 'What is studied.\nAnd what is not.',
        contentNote: 'Mentions of drug use',
        speakers: [{ speakerId: ben.id, role: 'chair' }, { speakerId: ana.id }],
      }),
    });
    expect(created).toBe(true);
    expect(session.startsAt.toISOString()).toBe(
      zonedTimeToUtc('2030-03-29', '09:00', 'Europe/Amsterdam').toISOString(),
    );
    expect(session.startsAt.toISOString()).toBe('2030-03-29T08:00:00.000Z');
    expect(toLocalInput(session.endsAt, fx.event.timezone)).toBe('2030-03-29T10:00');
    const shown = await getPublicSession(ctx, fx.event, 'glutamate-and-relapse');
    expect(shown?.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Ben Okafor', 'chair'],
      ['Ana Souza', 'speaker'],
    ]);
    expect(shown?.room?.name).toBe('Main hall');
    expect(shown?.contentNote).toBe('Mentions of drug use');
    const [entry] = await auditRows(fx.event.id, 'session.create');
    expect(entry).toMatchObject({
      actorType: 'user',
      actorUserId: user.id,
      actorLabel: user.email,
      targetId: session.id,
      targetType: 'session',
    });
    expect(entry!.summary).toContain('Glutamate and relapse');
  });

  it('edits a session: keeps its address, reorders speakers, records what changed', async () => {
    const { fx, ctx, cmd, room, ana, ben } = await setUp();
    const { session } = await saveSession(ctx, {
      ...cmd,
      values: form({ roomId: room.id, speakers: [{ speakerId: ana.id }, { speakerId: ben.id }] }),
    });
    const { session: edited, changed } = await saveSession(ctx, {
      ...cmd,
      sessionId: session.id,
      values: form({
        title: 'Stress, cues and relapse',
        roomId: room.id,
        startsAt: '2030-03-29T09:30',
        endsAt: '2030-03-29T10:30',
        visibility: 'attendees',
        speakers: [{ speakerId: ben.id }, { speakerId: ana.id, role: 'moderator' }],
      }),
    });
    expect(edited.slug).toBe(session.slug);
    expect(changed).toEqual(['title', 'visibility', 'time', 'speakers']);
    const loaded = await getSessionForEdit(ctx, fx.event.id, session.id);
    expect(loaded?.speakers).toEqual([
      { speakerId: ben.id, role: 'speaker' },
      { speakerId: ana.id, role: 'moderator' },
    ]);
    // Attendee-only now: gone from the public programme at once.
    expect(await getPublicSession(ctx, fx.event, session.slug)).toBeNull();
    const [entry] = await auditRows(fx.event.id, 'session.update');
    expect(entry!.summary).toBe('Edited session "Stress, cues and relapse" (title, visibility, time, speakers)');
    expect(entry!.details).toEqual({ changed: ['title', 'visibility', 'time', 'speakers'] });
  });

  it('refuses to double-book a room, on adding and on moving a session, and changes nothing', async () => {
    const { fx, ctx, cmd, room } = await setUp();
    await saveSession(ctx, { ...cmd, values: form({ title: 'First', roomId: room.id }) });
    const clash = await failure(
      saveSession(ctx, {
        ...cmd,
        values: form({ title: 'Second', roomId: room.id, startsAt: '2030-03-29T09:45', endsAt: '2030-03-29T11:00' }),
      }),
    );
    expect(clash.code).toBe('ROOM_DOUBLE_BOOKED');
    expect(clash.fieldErrors.roomId).toEqual(['Already booked for "First" at that time']);

    const { session: later } = await saveSession(ctx, {
      ...cmd,
      values: form({ title: 'Later', roomId: room.id, startsAt: '2030-03-29T10:00', endsAt: '2030-03-29T11:00' }),
    });
    const move = await failure(
      saveSession(ctx, {
        ...cmd,
        sessionId: later.id,
        values: form({ title: 'Later', roomId: room.id, startsAt: '2030-03-29T09:59', endsAt: '2030-03-29T11:00' }),
      }),
    );
    expect(move.code).toBe('ROOM_DOUBLE_BOOKED');
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.id, later.id));
    expect(toLocalInput(stored!.startsAt, fx.event.timezone)).toBe('2030-03-29T10:00');
    // Editing a session in its own slot is not a clash with itself.
    await saveSession(ctx, {
      ...cmd,
      sessionId: later.id,
      values: form({
        title: 'Later, renamed',
        roomId: room.id,
        startsAt: '2030-03-29T10:00',
        endsAt: '2030-03-29T11:00',
      }),
    });
    expect((await auditRows(fx.event.id)).map((a) => a.action).sort()).toEqual([
      'session.create',
      'session.create',
      'session.update',
    ]);
  });

  it('books a free room for exactly one of four organizers saving at the same moment', async () => {
    const { fx, ctx, cmd, room } = await setUp();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => saveSession(ctx, { ...cmd, values: form({ title: `Race ${i}`, roomId: room.id }) })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results)
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('ROOM_DOUBLE_BOOKED');
    const [rows] = await t.db
      .select({ n: count() })
      .from(sessions)
      .where(and(eq(sessions.eventId, fx.event.id), eq(sessions.roomId, room.id)));
    expect(rows!.n).toBe(1);
  });

  it('refuses times outside the event dates as read in the event time zone', async () => {
    const { fx, ctx, cmd } = await setUp();
    // 00:30 on 31 March in Amsterdam is still 30 March in UTC: outside all the same.
    const late = await failure(
      saveSession(ctx, { ...cmd, values: form({ startsAt: '2030-03-31T00:30', endsAt: '2030-03-31T01:30' }) }),
    );
    expect(late.code).toBe('OUTSIDE_EVENT_DATES');
    expect(late.fieldErrors.startsAt?.[0]).toContain('2030-03-28 and 2030-03-30 (Europe/Amsterdam)');
    const early = await failure(
      saveSession(ctx, { ...cmd, values: form({ startsAt: '2030-03-27T23:30', endsAt: '2030-03-28T00:30' }) }),
    );
    expect(early.code).toBe('OUTSIDE_EVENT_DATES');
    // The last evening of the event, up to midnight, is inside.
    await saveSession(ctx, {
      ...cmd,
      values: form({
        title: 'Closing social',
        format: 'social',
        startsAt: '2030-03-30T22:00',
        endsAt: '2030-03-31T00:00',
      }),
    });
    expect((await auditRows(fx.event.id)).map((a) => a.summary)).toEqual([
      'Added session "Closing social" (2030-03-30 22:00 to 2030-03-31 00:00 Europe/Amsterdam)',
    ]);
  });

  it('answers bad form values with messages beside their fields', async () => {
    const { ctx, cmd, ana } = await setUp();
    const e = await failure(
      saveSession(ctx, {
        ...cmd,
        values: {
          title: ' ',
          format: 'lecture' as never,
          startsAt: '29/03/2030 9:00',
          endsAt: '',
          capacity: 'ten',
          slug: 'Not A Slug!',
          speakers: [{ speakerId: ana.id }, { speakerId: ana.id }],
        },
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fieldErrors).sort()).toEqual([
      'capacity',
      'endsAt',
      'format',
      'slug',
      'speakers',
      'startsAt',
      'title',
    ]);
    expect(e.fieldErrors.speakers).toEqual(['Each speaker can be listed only once']);
    const order = await failure(
      saveSession(ctx, { ...cmd, values: form({ startsAt: '2030-03-29T10:00', endsAt: '2030-03-29T10:00' }) }),
    );
    expect(order.fieldErrors.endsAt).toEqual(['The session must end after it starts']);
    const zero = await failure(saveSession(ctx, { ...cmd, values: form({ capacity: '0' }) }));
    expect(zero.fieldErrors.capacity).toEqual(['Capacity must be at least 1, or blank for no limit']);
  });

  it('refuses a track, room or speaker of another event', async () => {
    const { ctx, cmd } = await setUp();
    const other = await setUp();
    expect(
      (await failure(saveSession(ctx, { ...cmd, values: form({ trackId: other.track.id }) }))).fieldErrors.trackId,
    ).toBeDefined();
    expect(
      (await failure(saveSession(ctx, { ...cmd, values: form({ roomId: other.room.id }) }))).fieldErrors.roomId,
    ).toBeDefined();
    expect(
      (await failure(saveSession(ctx, { ...cmd, values: form({ speakers: [{ speakerId: other.ana.id }] }) })))
        .fieldErrors.speakers,
    ).toBeDefined();
    expect(await auditRows(cmd.eventId)).toEqual([]);
  });

  it('keeps addresses unique: a typed address in use is refused, a derived one gets a number', async () => {
    const { fx, ctx, cmd } = await setUp();
    const a = await saveSession(ctx, { ...cmd, values: form({ title: 'Family support' }) });
    const b = await saveSession(ctx, {
      ...cmd,
      values: form({ title: 'Family support', startsAt: '2030-03-29T11:00', endsAt: '2030-03-29T12:00' }),
    });
    expect([a.session.slug, b.session.slug]).toEqual(['family-support', 'family-support-2']);
    const typed = await failure(
      saveSession(ctx, {
        ...cmd,
        sessionId: b.session.id,
        values: form({ title: 'Family support', slug: 'family-support' }),
      }),
    );
    expect(typed.code).toBe('CONFLICT');
    expect(typed.fieldErrors.slug).toEqual(['Another session already uses this address']);
    const renamed = await saveSession(ctx, {
      ...cmd,
      sessionId: b.session.id,
      values: form({ title: 'Family support', slug: 'Families-Together' }),
    });
    expect(renamed.session.slug).toBe('families-together');
    expect(await getPublicSession(ctx, fx.event, 'families-together')).not.toBeNull();
  });
});

describe('capacity and seats taken', () => {
  it('refuses a capacity below the seats of paid orders and live holds, and allows it once a hold lapses', async () => {
    const s = await setUp({ workshopCapacities: [10, 10] });
    const w = s.fx.workshops[0]!;
    const paid = await buyWorkshop(s.fx, w.id, 'paid@example.org');
    await t.db.update(orders).set({ status: 'paid' }).where(eq(orders.id, paid.order.id));
    await buyWorkshop(s.fx, w.id, 'hold@example.org');
    const values = form({
      title: w.title,
      format: 'workshop',
      roomId: w.roomId,
      startsAt: toLocalInput(w.startsAt, s.fx.event.timezone),
      endsAt: toLocalInput(w.endsAt, s.fx.event.timezone),
    });

    const low = await failure(saveSession(s.ctx, { ...s.cmd, sessionId: w.id, values: { ...values, capacity: '1' } }));
    expect(low.code).toBe('CONFLICT');
    expect(low.fieldErrors.capacity).toEqual([
      '2 seats are already taken (paid or being paid for); the capacity cannot be lower than 2.',
    ]);
    const talk = await failure(
      saveSession(s.ctx, { ...s.cmd, sessionId: w.id, values: { ...values, format: 'talk', capacity: '10' } }),
    );
    expect(talk.fieldErrors.format).toEqual(['2 seats are taken in this workshop, so it must stay a workshop.']);
    expect((await getSessionForEdit(s.ctx, s.fx.event.id, w.id))?.session.capacity).toBe(10);

    await saveSession(s.ctx, { ...s.cmd, sessionId: w.id, values: { ...values, capacity: '2' } });
    s.fx.clock.advance(16 * 60_000);
    await saveSession(s.ctx, { ...s.cmd, sessionId: w.id, values: { ...values, capacity: 1 } });
    const rows = await listSessionsForAdmin(s.ctx, s.fx.event);
    expect(rows.find((r) => r.id === w.id)).toMatchObject({ capacity: 1, taken: 1 });
    expect((await auditRows(s.fx.event.id, 'session.update')).map((a) => a.summary)).toEqual([
      'Edited session "Workshop 1" (capacity)',
      'Edited session "Workshop 1" (capacity)',
    ]);
  });
});

describe('deleting sessions', () => {
  it('deletes a session nobody has a seat in, with its speakers and agenda stars, and audits it', async () => {
    const s = await setUp();
    const { session } = await saveSession(s.ctx, { ...s.cmd, values: form({ speakers: [{ speakerId: s.ana.id }] }) });
    const bought = await buyWorkshop(s.fx, s.fx.workshops[0]!.id, 'star@example.org');
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, bought.order.id));
    await t.db.insert(agendaItems).values({ ticketId: ticket!.id, sessionId: session.id, createdAt: new Date() });

    const result = await deleteSession(s.ctx, { ...s.cmd, sessionId: session.id });
    expect(result).toEqual({ title: 'Stress and relapse', agendaItemsRemoved: 1 });
    expect(await t.db.select().from(sessions).where(eq(sessions.id, session.id))).toEqual([]);
    expect(await t.db.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id))).toEqual([]);
    const [entry] = await auditRows(s.fx.event.id, 'session.delete');
    expect(entry).toMatchObject({ targetId: session.id, summary: 'Deleted session "Stress and relapse"' });
    expect(entry!.details).toMatchObject({ slug: 'stress-and-relapse', agendaItemsRemoved: 1 });
    expect(await listPublicSessions(s.ctx, s.fx.event)).not.toContainEqual(expect.objectContaining({ id: session.id }));
  });

  it('refuses a workshop with seats taken, then one with only lapsed orders in its history, changing nothing', async () => {
    const s = await setUp();
    const w = s.fx.workshops[0]!;
    await buyWorkshop(s.fx, w.id, 'hold@example.org');
    const taken = await failure(deleteSession(s.ctx, { ...s.cmd, sessionId: w.id }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.message).toBe(
      '"Workshop 1" cannot be deleted: 1 seat is taken (paid, being paid for or offered from the waiting list). Nothing was deleted. To take it off the public programme, set its visibility to "Registered attendees only".',
    );
    s.fx.clock.advance(16 * 60_000);
    const history = await failure(deleteSession(s.ctx, { ...s.cmd, sessionId: w.id }));
    expect(history.message).toContain('1 earlier order (expired, cancelled or refunded) refers to it.');
    expect(await t.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, w.id))).toHaveLength(1);
    expect(await auditRows(s.fx.event.id, 'session.delete')).toEqual([]);
  });

  it('refuses a workshop with people on its waiting list', async () => {
    const s = await setUp();
    const w = s.fx.workshops[1]!;
    await t.db
      .insert(waitlistEntries)
      .values({ eventId: s.fx.event.id, sessionId: w.id, name: 'Wait', email: 'wait@example.org' });
    const e = await failure(deleteSession(s.ctx, { ...s.cmd, sessionId: w.id }));
    expect(e.message).toContain('1 person is on its waiting list.');
  });

  it('answers an unknown or malformed id with not found', async () => {
    const s = await setUp();
    const other = await setUp();
    expect((await failure(deleteSession(s.ctx, { ...s.cmd, sessionId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await failure(deleteSession(s.ctx, { ...s.cmd, sessionId: other.fx.workshops[0]!.id }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await failure(saveSession(s.ctx, { ...s.cmd, sessionId: other.fx.workshops[0]!.id, values: form() }))).code,
    ).toBe('NOT_FOUND');
  });
});

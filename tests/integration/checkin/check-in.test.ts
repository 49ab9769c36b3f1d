// Check-in on real Postgres: every answer a scan can give, the single row two staff scanning at once record,
// undo, the audit trail, the desk search and the lists the event gets by default.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, checkIns, checkinLists, orders, ticketTokens, tickets } from '@/db/schema';
import { checkInTicket, type CheckinStaff } from '@/lib/checkin/check-in';
import {
  addSessionList,
  ensureDefaultLists,
  getCheckinList,
  listCheckinLists,
  type CheckinListView,
} from '@/lib/checkin/lists';
import { searchCheckinTickets } from '@/lib/checkin/search';
import { undoCheckIn } from '@/lib/checkin/undo';
import { DomainError } from '@/lib/errors';
import { createSession } from '@/lib/programme/create-session';
import { createTicketType } from '@/lib/catalogue/ticket-types';
import { newSecretToken } from '@/lib/tokens';
import { zonedTimeToUtc } from '@/lib/time';
import { buildRegistrationFixture } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { createStaff, register, type Fixture } from './helpers';

const t = useTestDb();
let slugs = 0;

interface Setup {
  fx: Fixture;
  staff: CheckinStaff;
  entrance: CheckinListView;
  workshop1: CheckinListView;
  workshop2: CheckinListView;
}

async function setup(): Promise<Setup> {
  const fx = await buildRegistrationFixture(t.db, { slug: `ci${++slugs}` });
  await ensureDefaultLists(fx.ctx, fx.event.id);
  const lists = await listCheckinLists(fx.ctx, fx.event.id);
  const byName = (name: string) => lists.find((l) => l.name === name)!;
  return {
    fx,
    staff: await createStaff(t.db),
    entrance: byName('Entrance'),
    workshop1: byName('Workshop 1'),
    workshop2: byName('Workshop 2'),
  };
}

const scan = (s: Setup, list: CheckinListView, token: string, staff = s.staff) =>
  checkInTicket(s.fx.ctx, { listId: list.id, ref: { token }, staff });

async function rowsFor(listId: string, ticketId?: string): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(checkIns)
    .where(ticketId ? and(eq(checkIns.listId, listId), eq(checkIns.ticketId, ticketId)) : eq(checkIns.listId, listId));
  return row!.n;
}

async function auditCount(action: string, targetId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));
  return row!.n;
}

describe('scanning a ticket', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setup();
  });

  it('admits a valid ticket once, records who checked it in and audits it in words without sensitive answers', async () => {
    const reg = await register(s.fx, [{ badgeName: 'Robin', answers: { profession: 'Clinician' } }]);
    const ticket = reg.tickets[0]!;
    const result = await scan(s, s.entrance, ticket.token);
    expect(result).toMatchObject({
      outcome: 'valid',
      badgeName: 'Robin',
      ticketType: 'Full pass',
      orderReference: reg.reference,
      checkedInBy: 'Desk Helper',
    });
    expect(result.checkedInAt?.toISOString()).toBe(s.fx.clock.now().toISOString());
    expect(JSON.stringify(result)).not.toMatch(/@|Attendee Number|30000|40000/);
    const [row] = await t.db.select().from(checkIns).where(eq(checkIns.ticketId, ticket.id));
    expect(row).toMatchObject({ listId: s.entrance.id, byUserId: s.staff.id, byLabel: 'Desk Helper' });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin.create'), eq(auditLog.targetId, ticket.id)));
    expect(entry).toMatchObject({
      actorUserId: s.staff.id,
      actorLabel: s.staff.email,
      orderId: reg.orderId,
      eventId: s.fx.event.id,
    });
    expect(entry!.summary).toBe('Checked in Robin at Entrance');
  });

  it('answers "already checked in" with when and by whom on a repeated scan, and records nothing more', async () => {
    const reg = await register(s.fx, [{ badgeName: 'Sam' }]);
    const ticket = reg.tickets[0]!;
    const first = await scan(s, s.entrance, ticket.token);
    const firstAt = first.checkedInAt!;
    s.fx.clock.advance(5 * 60_000);
    const other = await createStaff(t.db, 'Second Desk');
    const again = await scan(s, s.entrance, ticket.token, other);
    expect(again).toMatchObject({ outcome: 'already_checked_in', badgeName: 'Sam', checkedInBy: 'Desk Helper' });
    expect(again.checkedInAt?.toISOString()).toBe(firstAt.toISOString());
    expect(await rowsFor(s.entrance.id, ticket.id)).toBe(1);
    expect(await auditCount('checkin.create', ticket.id)).toBe(1);
  });

  it("says a transferred ticket's old QR code was replaced, names nobody, and admits the new code", async () => {
    const reg = await register(s.fx, [{ badgeName: 'First Holder' }]);
    const ticket = reg.tickets[0]!;
    await t.db
      .update(ticketTokens)
      .set({ revokedAt: s.fx.clock.now(), revokedReason: 'transferred' })
      .where(eq(ticketTokens.ticketId, ticket.id));
    await t.db
      .update(tickets)
      .set({ badgeName: 'New Holder', transferredAt: s.fx.clock.now() })
      .where(eq(tickets.id, ticket.id));
    const old = await scan(s, s.entrance, ticket.token);
    expect(old).toEqual({
      outcome: 'transferred',
      listId: s.entrance.id,
      listName: 'Entrance',
      timezone: 'Europe/Amsterdam',
      reason: 'This QR code was replaced: the ticket was transferred.',
    });
    expect(await rowsFor(s.entrance.id, ticket.id)).toBe(0);
    const { issueTicketTokens } = await import('@/lib/links/secret-links');
    const fresh = (await issueTicketTokens(t.db, [ticket.id], s.fx.clock.now())).get(ticket.id)!;
    expect(await scan(s, s.entrance, fresh)).toMatchObject({ outcome: 'valid', badgeName: 'New Holder' });
  });

  it('refuses tickets of cancelled, refunded, expired and unpaid orders and cancelled QR codes as cancelled', async () => {
    const cases = [
      ['cancelled', /cancelled/],
      ['refunded', /refunded/],
      ['expired', /never paid/],
      ['pending_payment', /not paid/],
    ] as const;
    for (const [status, reason] of cases) {
      const reg = await register(s.fx, [{ badgeName: `Gone ${status}` }], status);
      const result = await scan(s, s.entrance, reg.tickets[0]!.token);
      expect(result, status).toMatchObject({ outcome: 'cancelled', badgeName: `Gone ${status}` });
      expect(result.reason, status).toMatch(reason);
      expect(await rowsFor(s.entrance.id, reg.tickets[0]!.id)).toBe(0);
    }
    const reg = await register(s.fx, [{ badgeName: 'Revoked' }]);
    await t.db
      .update(ticketTokens)
      .set({ revokedAt: s.fx.clock.now(), revokedReason: 'cancelled' })
      .where(eq(ticketTokens.ticketId, reg.tickets[0]!.id));
    expect(await scan(s, s.entrance, reg.tickets[0]!.token)).toMatchObject({
      outcome: 'cancelled',
      reason: 'This registration was cancelled.',
    });
  });

  it('refuses a ticket of another event as the wrong event without naming its holder', async () => {
    const other = await setup();
    const reg = await register(other.fx, [{ badgeName: 'Elsewhere' }]);
    const result = await scan(s, s.entrance, reg.tickets[0]!.token);
    expect(result).toEqual({
      outcome: 'wrong_event',
      listId: s.entrance.id,
      listName: 'Entrance',
      timezone: 'Europe/Amsterdam',
    });
    expect(await rowsFor(s.entrance.id, reg.tickets[0]!.id)).toBe(0);
    // The manual path by ticket id is refused the same way.
    expect(
      await checkInTicket(s.fx.ctx, { listId: s.entrance.id, ref: { ticketId: reg.tickets[0]!.id }, staff: s.staff }),
    ).toMatchObject({ outcome: 'wrong_event' });
  });

  it('answers unknown for a token nobody was given, for garbage and for a non-uuid ticket id; asks for input when empty', async () => {
    for (const token of [
      newSecretToken(),
      'hello world',
      '<script>alert(1)</script>',
      "' or 1=1 --",
      'x'.repeat(5000),
    ]) {
      expect(await scan(s, s.entrance, token)).toEqual({
        outcome: 'unknown',
        listId: s.entrance.id,
        listName: 'Entrance',
        timezone: 'Europe/Amsterdam',
      });
    }
    expect(
      await checkInTicket(s.fx.ctx, { listId: s.entrance.id, ref: { ticketId: 'not-a-uuid' }, staff: s.staff }),
    ).toMatchObject({ outcome: 'unknown' });
    const empty = await scan(s, s.entrance, '   ').then(
      () => null,
      (e: unknown) => e,
    );
    expect(empty).toBeInstanceOf(DomainError);
    expect((empty as DomainError).fieldErrors.token).toEqual(['Scan a ticket or type its code.']);
    for (const listId of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      const noList = await checkInTicket(s.fx.ctx, { listId, ref: { token: newSecretToken() }, staff: s.staff }).then(
        () => null,
        (e: unknown) => e,
      );
      expect((noList as DomainError).code).toBe('NOT_FOUND');
    }
  });

  it("accepts a token with a scanner's trailing newline or inside a pasted ticket link", async () => {
    const reg = await register(s.fx, [{ badgeName: 'Wedge' }, { badgeName: 'Linked' }]);
    expect(await scan(s, s.entrance, `${reg.tickets[0]!.token}\r\n`)).toMatchObject({
      outcome: 'valid',
      badgeName: 'Wedge',
    });
    expect(await scan(s, s.entrance, `https://example.org/tickets/${reg.tickets[1]!.token}/qr.png`)).toMatchObject({
      outcome: 'valid',
      badgeName: 'Linked',
    });
  });

  it('refuses a ticket without a seat in a workshop as not valid for that list, and admits the seat holder', async () => {
    const [w1, w2] = s.fx.workshops;
    const reg = await register(s.fx, [
      { badgeName: 'In W1', workshopIds: [w1!.id] },
      { badgeName: 'In W2', workshopIds: [w2!.id] },
    ]);
    const [inW1, inW2] = reg.tickets;
    const refused = await scan(s, s.workshop1, inW2!.token);
    expect(refused).toMatchObject({
      outcome: 'not_valid_for_list',
      badgeName: 'In W2',
      reason: 'No seat booked in “Workshop 1”.',
    });
    expect(await rowsFor(s.workshop1.id, inW2!.id)).toBe(0);
    expect(await scan(s, s.workshop1, inW1!.token)).toMatchObject({ outcome: 'valid', listName: 'Workshop 1' });
    // Checking in on a workshop does not count at the entrance, and the reverse.
    expect(await scan(s, s.entrance, inW1!.token)).toMatchObject({ outcome: 'valid', listName: 'Entrance' });
  });

  it('refuses an online pass in person, and a day pass on another day at the entrance', async () => {
    const online = await register(s.fx, [{ typeId: s.fx.virtual.id, badgeName: 'Online' }]);
    expect(await scan(s, s.entrance, online.tickets[0]!.token)).toMatchObject({
      outcome: 'not_valid_for_list',
      reason: 'Online pass is for online attendance: it does not admit in person.',
    });
    const friday = await createTicketType(s.fx.ctx, s.fx.event.id, {
      code: 'friday',
      publicLabel: 'Friday pass',
      internalLabel: 'Friday',
      validOn: '2030-03-29',
      prices: [{ label: 'Day', amount: 5000 }],
    });
    const day = await register(s.fx, [{ typeId: friday.id, badgeName: 'Day Tripper' }]);
    s.fx.clock.set(zonedTimeToUtc('2030-03-28', '09:00', 'Europe/Amsterdam'));
    expect(await scan(s, s.entrance, day.tickets[0]!.token)).toMatchObject({
      outcome: 'not_valid_for_list',
      reason: 'This day pass is for Friday, 29 March 2030, not today.',
    });
    s.fx.clock.set(zonedTimeToUtc('2030-03-29', '09:00', 'Europe/Amsterdam'));
    expect(await scan(s, s.entrance, day.tickets[0]!.token)).toMatchObject({
      outcome: 'valid',
      ticketType: 'Friday pass',
    });
  });

  it('checks in by ticket id from the desk search, with the same rules', async () => {
    const reg = await register(s.fx, [{ badgeName: 'Manual Entry' }]);
    const ticketId = reg.tickets[0]!.id;
    expect(await checkInTicket(s.fx.ctx, { listId: s.entrance.id, ref: { ticketId }, staff: s.staff })).toMatchObject({
      outcome: 'valid',
      badgeName: 'Manual Entry',
    });
    expect(await checkInTicket(s.fx.ctx, { listId: s.entrance.id, ref: { ticketId }, staff: s.staff })).toMatchObject({
      outcome: 'already_checked_in',
    });
  });
});

describe('two staff scanning the same ticket at once', () => {
  it.each([2, 3, 5, 10])('records exactly one check-in and one "valid" among %i parallel scans', async (n) => {
    const s = await setup();
    const reg = await register(s.fx, [{ badgeName: `Rush ${n}` }]);
    const staff = await Promise.all(Array.from({ length: n }, (_, i) => createStaff(t.db, `Desk ${i}`)));
    const results = await Promise.all(staff.map((member) => scan(s, s.entrance, reg.tickets[0]!.token, member)));
    const outcomes = results.map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'valid')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already_checked_in')).toHaveLength(n - 1);
    const winner = results.find((r) => r.outcome === 'valid')!;
    for (const r of results) expect(r.checkedInBy).toBe(winner.checkedInBy);
    expect(await rowsFor(s.entrance.id, reg.tickets[0]!.id)).toBe(1);
    expect(await auditCount('checkin.create', reg.tickets[0]!.id)).toBe(1);
  });
});

describe('undoing a check-in', () => {
  it('removes the check-in, audits who undid it, and lets the ticket be checked in again', async () => {
    const s = await setup();
    const reg = await register(s.fx, [{ badgeName: 'Oops' }]);
    const ticketId = reg.tickets[0]!.id;
    await scan(s, s.entrance, reg.tickets[0]!.token);
    expect(await undoCheckIn(s.fx.ctx, { listId: s.entrance.id, ticketId, staff: s.staff })).toEqual({
      badgeName: 'Oops',
    });
    expect(await rowsFor(s.entrance.id, ticketId)).toBe(0);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin.undo'), eq(auditLog.targetId, ticketId)));
    expect(entry).toMatchObject({
      actorUserId: s.staff.id,
      orderId: reg.orderId,
      summary: 'Undid the check-in of Oops at Entrance',
    });
    const second = await undoCheckIn(s.fx.ctx, { listId: s.entrance.id, ticketId, staff: s.staff }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(DomainError);
    expect((second as DomainError).code).toBe('NOT_FOUND');
    expect(await auditCount('checkin.undo', ticketId)).toBe(1);
    expect(await scan(s, s.entrance, reg.tickets[0]!.token)).toMatchObject({ outcome: 'valid' });
  });
});

describe('the desk search', () => {
  it("finds tickets of the list's event by badge name, legal name or order reference, showing no email or money", async () => {
    const s = await setup();
    const other = await setup();
    const reg = await register(s.fx, [{ badgeName: 'Quinn Searchable' }, { badgeName: 'Partner' }]);
    await register(other.fx, [{ badgeName: 'Quinn Elsewhere' }]);
    await register(s.fx, [{ badgeName: 'Quinn Unpaid' }], 'pending_payment');
    await scan(s, s.entrance, reg.tickets[0]!.token);
    const byName = await searchCheckinTickets(s.fx.ctx, s.entrance, 'quinn');
    expect(byName).toEqual([
      {
        ticketId: reg.tickets[0]!.id,
        badgeName: 'Quinn Searchable',
        ticketType: 'Full pass',
        orderReference: reg.reference,
        isPaid: true,
        checkedInAt: expect.any(Date),
        hasAccessArrangement: false,
      },
    ]);
    const byReference = await searchCheckinTickets(s.fx.ctx, s.entrance, reg.reference.toLowerCase());
    expect(byReference.map((m) => m.badgeName).sort()).toEqual(['Partner', 'Quinn Searchable']);
    expect(byReference.find((m) => m.badgeName === 'Partner')!.checkedInAt).toBeNull();
    const [legal] = await t.db
      .select({ legalName: tickets.legalName })
      .from(tickets)
      .where(eq(tickets.id, reg.tickets[1]!.id));
    expect((await searchCheckinTickets(s.fx.ctx, s.entrance, legal!.legalName)).map((m) => m.badgeName)).toEqual([
      'Partner',
    ]);
    expect(await searchCheckinTickets(s.fx.ctx, s.entrance, 'q')).toEqual([]);
    expect(await searchCheckinTickets(s.fx.ctx, s.entrance, '%')).toEqual([]);
  });
});

describe('check-in lists', () => {
  it('creates the entrance and one list per workshop once, even when asked twice at the same time', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `ci${++slugs}`, workshopCapacities: [10, 10, 10] });
    await Promise.all([ensureDefaultLists(fx.ctx, fx.event.id), ensureDefaultLists(fx.ctx, fx.event.id)]);
    expect(await ensureDefaultLists(fx.ctx, fx.event.id)).toEqual([]);
    const lists = await listCheckinLists(fx.ctx, fx.event.id);
    expect(lists.map((l) => l.name)).toEqual(['Entrance', 'Workshop 1', 'Workshop 2', 'Workshop 3']);
    expect(lists[0]!.session).toBeNull();
    expect(lists[1]!.session).toMatchObject({ id: fx.workshops[0]!.id, format: 'workshop' });
    const [audits] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'checkin_list.create'), eq(auditLog.eventId, fx.event.id)));
    expect(audits!.n).toBe(1);
  });

  it("lets an organizer add a list for any session once, names clashing titles by time, and refuses other events' sessions", async () => {
    const s = await setup();
    const other = await setup();
    const at = (time: string) => zonedTimeToUtc('2030-03-29', time, 'Europe/Amsterdam');
    const talk = await createSession(s.fx.ctx, s.fx.event.id, {
      title: 'Workshop 1',
      format: 'talk',
      startsAt: at('14:00'),
      endsAt: at('15:00'),
    });
    const actor = { type: 'user' as const, userId: s.staff.id, label: s.staff.email };
    const list = await addSessionList(s.fx.ctx, { eventId: s.fx.event.id, sessionId: talk.id, actor });
    expect(list.name).toBe('Workshop 1 (Fri 29 Mar 14:00)');
    const again = await addSessionList(s.fx.ctx, { eventId: s.fx.event.id, sessionId: talk.id, actor }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((again as DomainError).code).toBe('CONFLICT');
    const foreign = await addSessionList(s.fx.ctx, {
      eventId: s.fx.event.id,
      sessionId: other.fx.workshops[0]!.id,
      actor,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((foreign as DomainError).fieldErrors.sessionId).toEqual(['Choose a session of this event.']);
    expect(await getCheckinList(s.fx.ctx, other.entrance.id, s.fx.event.id)).toBeNull();
    expect(await getCheckinList(s.fx.ctx, other.entrance.id)).toMatchObject({
      id: other.entrance.id,
      name: 'Entrance',
    });
    expect(await getCheckinList(s.fx.ctx, 'nope')).toBeNull();
    const [n] = await t.db.select({ n: count() }).from(checkinLists).where(eq(checkinLists.eventId, s.fx.event.id));
    expect(n!.n).toBe(4);
  });
});

describe('getCheckinCounts', () => {
  it('counts check-ins against the paid tickets each list admits', async () => {
    const { getCheckinCounts } = await import('@/lib/checkin/counts');
    const s = await setup();
    const [w1, w2] = s.fx.workshops;
    const at = (time: string) => zonedTimeToUtc('2030-03-29', time, 'Europe/Amsterdam');
    const plenary = await createSession(s.fx.ctx, s.fx.event.id, {
      title: 'Friday plenary',
      format: 'keynote',
      startsAt: at('09:00'),
      endsAt: at('10:00'),
    });
    const plenaryList = await addSessionList(s.fx.ctx, {
      eventId: s.fx.event.id,
      sessionId: plenary.id,
      actor: { type: 'system' },
    });
    const thursday = await createTicketType(s.fx.ctx, s.fx.event.id, {
      code: 'thursday',
      publicLabel: 'Thursday pass',
      internalLabel: 'Thu',
      validOn: '2030-03-28',
      prices: [{ label: 'Day', amount: 5000 }],
    });
    const a = await register(s.fx, [
      { badgeName: 'A', workshopIds: [w1!.id] },
      { badgeName: 'B', workshopIds: [w1!.id] },
      { badgeName: 'C', workshopIds: [w2!.id] },
    ]);
    await register(s.fx, [{ badgeName: 'D' }]);
    await register(s.fx, [{ typeId: thursday.id, badgeName: 'Thursday only' }]);
    await register(s.fx, [{ typeId: s.fx.virtual.id, badgeName: 'Online' }]);
    await register(s.fx, [{ badgeName: 'Cancelled', workshopIds: [w1!.id] }], 'cancelled');
    await register(s.fx, [{ badgeName: 'Holding', workshopIds: [w1!.id] }], 'pending_payment');
    await scan(s, s.entrance, a.tickets[0]!.token);
    await scan(s, s.entrance, a.tickets[1]!.token);
    await scan(s, s.workshop1, a.tickets[0]!.token);
    await scan(s, s.workshop1, a.tickets[2]!.token); // refused: no seat
    const counts = await getCheckinCounts(s.fx.ctx, s.fx.event.id);
    expect(counts).toEqual([
      { listId: s.entrance.id, name: 'Entrance', checkedIn: 2, expected: 5 },
      { listId: s.workshop1.id, name: 'Workshop 1', checkedIn: 1, expected: 2 },
      { listId: s.workshop2.id, name: 'Workshop 2', checkedIn: 0, expected: 1 },
      { listId: plenaryList.id, name: 'Friday plenary', checkedIn: 0, expected: 4 },
    ]);
    // A later refund takes the ticket out of "expected".
    await t.db.update(orders).set({ status: 'refunded' }).where(eq(orders.id, a.orderId));
    const after = await getCheckinCounts(s.fx.ctx, s.fx.event.id);
    expect(after.map((c) => c.expected)).toEqual([2, 0, 0, 1]);
    expect(await getCheckinCounts(s.fx.ctx, 'not-a-uuid')).toEqual([]);
  });
});

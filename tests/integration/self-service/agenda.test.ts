// The personal agenda and its calendar feed: the whole programme (attendee-only sessions included) for a paid
// order's ticket, stars per ticket, a feed at an address signed with AUTH_SECRET and the ticket's feed version,
// built live from the programme, retired by a reset, a transfer or the order no longer being paid, and exact
// in UTC on both sides of a daylight-saving change.
import { createHmac, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agendaItems, auditLog, orders, sessions, tickets } from '@/db/schema';
import { getAgendaFeed, resetAgendaFeed, setFeedTitles } from '@/lib/agenda/feed';
import { getAgenda } from '@/lib/agenda/queries';
import { setStar } from '@/lib/agenda/star';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { createEvent } from '@/lib/programme/build';
import { createSession } from '@/lib/programme/create-session';
import { listPublicSessions } from '@/lib/programme/queries';
import { createTicketType } from '@/lib/catalogue/ticket-types';
import { transferTicket } from '@/lib/self-service/transfer';
import { zonedTimeToUtc } from '@/lib/time';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
const SECRET = 'agenda-test-secret-agenda-test-secret';
const APP_URL = 'https://conference.example.org';
const config = testConfig({ AUTH_SECRET: SECRET, APP_URL });
let slugs = 0;

async function fixture() {
  const fx = await buildRegistrationFixture(t.db, { slug: `agenda${++slugs}` });
  const ctx = { ...fx.ctx, config };
  const tz = fx.event.timezone;
  const peer = await createSession(ctx, fx.event.id, {
    title: 'Peer-support circle',
    format: 'support_meeting',
    visibility: 'attendees',
    startsAt: zonedTimeToUtc('2030-03-29', '18:00', tz),
    endsAt: zonedTimeToUtc('2030-03-29', '19:00', tz),
  });
  const keynote = await createSession(ctx, fx.event.id, {
    title: 'Opening keynote',
    format: 'keynote',
    startsAt: zonedTimeToUtc('2030-03-28', '08:00', tz),
    endsAt: zonedTimeToUtc('2030-03-28', '08:45', tz),
  });
  return { ...fx, ctx, peer, keynote };
}
type Fixture = Awaited<ReturnType<typeof fixture>>;

type Status = 'paid' | 'pending_payment' | 'cancelled' | 'refunded';
async function paidOrder(
  fx: Pick<Fixture, 'ctx' | 'event'>,
  typeId: string,
  count = 1,
  status: Status = 'paid',
  extra: Record<string, unknown> = {},
) {
  const people = Array.from({ length: count }, (_, i) => attendee(typeId, { badgeName: `Person ${i + 1}`, ...extra }));
  const { order, accessToken } = await createOrder(
    fx.ctx,
    fx.event.id,
    registration(people, { buyer: { name: 'Robin Buyer', email: `robin-${randomUUID()}@example.org` } }),
    { clientKey: null },
  );
  if (status !== 'pending_payment')
    await t.db.update(orders).set({ status, paidAt: fx.ctx.clock.now() }).where(eq(orders.id, order.id));
  const rows = await t.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(eq(tickets.orderId, order.id))
    .orderBy(tickets.position);
  return { order, token: accessToken, ticketIds: rows.map((r) => r.id) };
}

async function view(ctx: Fixture['ctx'], token: string, ticketId: string | null = null) {
  const result = await getAgenda(ctx, token, ticketId);
  if (result.state !== 'ok') throw new Error(`agenda is ${result.state}`);
  return result.view;
}

/** The ticket id and signature in a feed address, as the route reads them. */
function feedParts(https: string): { ticketId: string; sig: string } {
  const m = /\/feeds\/agenda\/([0-9a-f-]{36})\/([A-Za-z0-9_-]+)\.ics$/.exec(https);
  if (!m) throw new Error(`not a feed address: ${https}`);
  return { ticketId: m[1]!, sig: m[2]! };
}

const starredTitles = async (ctx: Fixture['ctx'], token: string, ticketId: string) =>
  (await view(ctx, token, ticketId)).sessions.filter((s) => s.starred).map((s) => s.title);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'ok',
    (e: unknown) => {
      if (e instanceof DomainError) return e.code;
      throw e;
    },
  );
}

describe('personal agenda', () => {
  it('lists the whole programme, attendee-only sessions included, and keeps stars per ticket', async () => {
    const fx = await fixture();
    const {
      token,
      ticketIds: [first, second],
    } = await paidOrder(fx, fx.fullPass.id, 2);
    const agenda = await view(fx.ctx, token);
    expect(agenda.ticket.id).toBe(first);
    expect(agenda.tickets.map((x) => x.badgeName)).toEqual(['Person 1', 'Person 2']);
    expect(agenda.sessions.map((s) => s.title)).toEqual([
      'Opening keynote',
      'Workshop 1',
      'Workshop 2',
      'Peer-support circle',
    ]);
    expect(agenda.sessions.find((s) => s.id === fx.peer.id)).toMatchObject({
      attendeesOnly: true,
      day: '2030-03-29',
      starred: false,
    });
    // The public programme never shows it.
    expect((await listPublicSessions(fx.ctx, fx.event)).map((s) => s.id)).not.toContain(fx.peer.id);

    await setStar(fx.ctx, { token, ticketId: first!, sessionId: fx.peer.id, starred: true });
    await setStar(fx.ctx, { token, ticketId: first!, sessionId: fx.keynote.id, starred: true });
    // Twice (two tabs, a double click) is still one star.
    await setStar(fx.ctx, { token, ticketId: first!.toUpperCase(), sessionId: fx.keynote.id, starred: true });
    await setStar(fx.ctx, { token, ticketId: second!, sessionId: fx.workshops[0]!.id, starred: true });
    expect(await starredTitles(fx.ctx, token, first!)).toEqual(['Opening keynote', 'Peer-support circle']);
    expect(await starredTitles(fx.ctx, token, second!)).toEqual(['Workshop 1']);
    expect(await t.db.select().from(agendaItems).where(eq(agendaItems.ticketId, first!))).toHaveLength(2);

    expect(await setStar(fx.ctx, { token, ticketId: first!, sessionId: fx.keynote.id, starred: false })).toEqual({
      title: 'Opening keynote',
      starred: false,
    });
    await setStar(fx.ctx, { token, ticketId: first!, sessionId: fx.keynote.id, starred: false });
    expect(await starredTitles(fx.ctx, token, first!)).toEqual(['Peer-support circle']);
  });

  it('opens only for a paid order, and stars only sessions of its own event', async () => {
    const fx = await fixture();
    const other = await fixture();
    for (const status of ['pending_payment', 'cancelled', 'refunded'] as const) {
      const unpaid = await paidOrder(fx, fx.fullPass.id, 1, status);
      expect(await getAgenda(fx.ctx, unpaid.token, null)).toEqual({
        state: 'not_paid',
        reference: unpaid.order.reference,
      });
      expect(
        await codeOf(
          setStar(fx.ctx, {
            token: unpaid.token,
            ticketId: unpaid.ticketIds[0]!,
            sessionId: fx.keynote.id,
            starred: true,
          }),
        ),
      ).toBe('NOT_FOUND');
      expect(await codeOf(resetAgendaFeed(fx.ctx, { token: unpaid.token, ticketId: unpaid.ticketIds[0]! }))).toBe(
        'NOT_FOUND',
      );
    }
    const {
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, fx.fullPass.id);
    expect(
      await codeOf(setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: other.keynote.id, starred: true })),
    ).toBe('NOT_FOUND');
    expect(await codeOf(setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: randomUUID(), starred: true }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(setStar(fx.ctx, { token, ticketId: 'not-a-uuid', sessionId: fx.keynote.id, starred: true })),
    ).toBe('VALIDATION');
    expect(await t.db.select().from(agendaItems).where(eq(agendaItems.ticketId, ticketId!))).toHaveLength(0);
    expect(await getAgenda(fx.ctx, 'x'.repeat(43), null)).toEqual({ state: 'unknown' });
  });
});

describe('agenda calendar feed', () => {
  it('serves the starred sessions at an address signed with AUTH_SECRET over the ticket id and feed version', async () => {
    const fx = await fixture();
    const {
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, fx.fullPass.id);
    await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.peer.id, starred: true });
    await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.keynote.id, starred: true });
    const { feed } = await view(fx.ctx, token);
    const expectedSig = createHmac('sha256', SECRET).update(`agenda:${ticketId}:1`).digest('base64url');
    expect(feed.https).toBe(`${APP_URL}/feeds/agenda/${ticketId}/${expectedSig}.ics`);
    expect(feed.webcal).toBe(`webcal://conference.example.org/feeds/agenda/${ticketId}/${expectedSig}.ics`);

    const ics = await getAgendaFeed(fx.ctx, ticketId!, expectedSig);
    expect(ics).not.toBeNull();
    expect(ics).toContain('X-WR-CALNAME:Conference agenda\r\n');
    expect(ics).not.toContain(fx.event.name);
    expect(ics).toContain('SUMMARY:Opening keynote\r\n');
    // Discreet by default: the attendee-only session appears under a neutral title (issue 12).
    expect(ics).toContain('SUMMARY:Conference session\r\n');
    expect(ics).not.toContain('Peer-support circle');
    expect(ics).not.toContain('Workshop 1');
    expect(ics).toContain(`UID:agenda-${fx.keynote.id}@conference.example.org\r\n`);
    expect(ics).toContain(`URL:${APP_URL}/sessions/${fx.keynote.slug}\r\n`);
    // The attendee-only session has no public page to link to.
    expect(ics).not.toContain(`/sessions/${fx.peer.slug}`);
    expect(ics!.indexOf('Opening keynote')).toBeLessThan(ics!.indexOf('Conference session'));

    // Another secret, another ticket's signature, a flipped character, malformed parts: all refused alike.
    expect(
      await getAgendaFeed(
        { ...fx.ctx, config: testConfig({ AUTH_SECRET: 'another-secret-another-secret-000', APP_URL }) },
        ticketId!,
        expectedSig,
      ),
    ).toBeNull();
    const other = await paidOrder(fx, fx.fullPass.id);
    expect(await getAgendaFeed(fx.ctx, other.ticketIds[0]!, expectedSig)).toBeNull();
    const flipped = `${expectedSig.slice(0, -1)}${expectedSig.endsWith('A') ? 'B' : 'A'}`;
    expect(await getAgendaFeed(fx.ctx, ticketId!, flipped)).toBeNull();
    expect(await getAgendaFeed(fx.ctx, ticketId!, expectedSig.slice(1))).toBeNull();
    expect(await getAgendaFeed(fx.ctx, 'not-a-ticket', expectedSig)).toBeNull();
    expect(await getAgendaFeed(fx.ctx, randomUUID(), expectedSig)).toBeNull();
  });

  it('keeps attendee-only and content-noted sessions discreet in the feed until the attendee chooses real titles', async () => {
    const fx = await fixture();
    const noted = await createSession(fx.ctx, fx.event.id, {
      title: 'Cravings after a relapse',
      format: 'talk',
      contentNote: 'Discusses relapse in detail',
      startsAt: new Date('2030-03-28T10:00:00Z'),
      endsAt: new Date('2030-03-28T11:00:00Z'),
    });
    const {
      order,
      token,
      ticketIds: [ticketId, second],
    } = await paidOrder(fx, fx.fullPass.id, 2);
    for (const id of [fx.peer.id, fx.keynote.id, noted.id])
      await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: id, starred: true });
    const agenda = await view(fx.ctx, token);
    expect(agenda.feedShowsTitles).toBe(false);
    const { sig } = feedParts(agenda.feed.https);
    const discreet = (await getAgendaFeed(fx.ctx, ticketId!, sig))!;
    expect(discreet.match(/SUMMARY:Conference session\r\n/g)).toHaveLength(2);
    expect(discreet).toContain('SUMMARY:Opening keynote\r\n');
    for (const hidden of ['Peer-support circle', 'Cravings', 'relapse', noted.slug])
      expect(discreet).not.toContain(hidden);

    expect(await setFeedTitles(fx.ctx, { token, ticketId: ticketId!, showTitles: true })).toEqual({ showTitles: true });
    expect((await view(fx.ctx, token, ticketId!)).feedShowsTitles).toBe(true);
    // Same address: the choice changes what the feed says, not where it is.
    const open = (await getAgendaFeed(fx.ctx, ticketId!, sig))!;
    expect(open).toContain('SUMMARY:Peer-support circle\r\n');
    expect(open).toContain('SUMMARY:Cravings after a relapse\r\n');
    expect(open).toContain(`URL:${APP_URL}/sessions/${noted.slug}\r\n`);
    // The other attendee's feed is untouched, and the choice is audited without any title.
    expect((await view(fx.ctx, token, second!)).feedShowsTitles).toBe(false);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orderId, order.id), eq(auditLog.action, 'agenda.feed_titles')));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain('Peer-support');

    await setFeedTitles(fx.ctx, { token, ticketId: ticketId!, showTitles: false });
    expect(await getAgendaFeed(fx.ctx, ticketId!, sig)).not.toContain('Peer-support circle');
    // Only through the order's own link and one of its tickets.
    const other = await paidOrder(fx, fx.fullPass.id);
    expect(await codeOf(setFeedTitles(fx.ctx, { token: other.token, ticketId: ticketId!, showTitles: true }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(setFeedTitles(fx.ctx, { token: 'x'.repeat(43), ticketId: ticketId!, showTitles: true }))).toBe(
      'NOT_FOUND',
    );
    expect((await view(fx.ctx, token, ticketId!)).feedShowsTitles).toBe(false);
  });

  it('follows the programme live: a moved session keeps its UID with the new time', async () => {
    const fx = await fixture();
    const {
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, fx.fullPass.id);
    await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.keynote.id, starred: true });
    const { sig } = feedParts((await view(fx.ctx, token)).feed.https);
    expect(await getAgendaFeed(fx.ctx, ticketId!, sig)).toContain('DTSTART:20300328T070000Z\r\n');
    await t.db
      .update(sessions)
      .set({
        title: 'Opening keynote (moved)',
        startsAt: new Date('2030-03-28T12:00:00Z'),
        endsAt: new Date('2030-03-28T13:00:00Z'),
        updatedAt: new Date('2030-01-11T09:00:00Z'),
      })
      .where(eq(sessions.id, fx.keynote.id));
    const ics = await getAgendaFeed(fx.ctx, ticketId!, sig);
    expect(ics).toContain('DTSTART:20300328T120000Z\r\nDTEND:20300328T130000Z\r\nSUMMARY:Opening keynote (moved)\r\n');
    expect(ics).toContain(`UID:agenda-${fx.keynote.id}@conference.example.org\r\nDTSTAMP:20300111T090000Z\r\n`);
  });

  it('retires the old address on reset, with an audit entry, and the new one works', async () => {
    const fx = await fixture();
    const {
      order,
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, fx.fullPass.id);
    await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.keynote.id, starred: true });
    const before = feedParts((await view(fx.ctx, token)).feed.https);
    const urls = await resetAgendaFeed(fx.ctx, { token, ticketId: ticketId! });
    const after = feedParts(urls.https);
    expect(after.sig).not.toBe(before.sig);
    expect(after.sig).toBe(createHmac('sha256', SECRET).update(`agenda:${ticketId}:2`).digest('base64url'));
    expect((await view(fx.ctx, token)).feed.https).toBe(urls.https);
    expect(await getAgendaFeed(fx.ctx, ticketId!, before.sig)).toBeNull();
    expect(await getAgendaFeed(fx.ctx, ticketId!, after.sig)).toContain('SUMMARY:Opening keynote');
    const trail = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orderId, order.id), eq(auditLog.action, 'agenda.feed_reset')));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      actorType: 'attendee',
      targetType: 'ticket',
      targetId: ticketId,
      summary: 'Calendar feed address reset',
    });
  });

  it('answers nothing once the order is cancelled or refunded', async () => {
    const fx = await fixture();
    for (const status of ['cancelled', 'refunded'] as const) {
      const {
        order,
        token,
        ticketIds: [ticketId],
      } = await paidOrder(fx, fx.fullPass.id);
      await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.keynote.id, starred: true });
      const { sig } = feedParts((await view(fx.ctx, token)).feed.https);
      expect(await getAgendaFeed(fx.ctx, ticketId!, sig)).not.toBeNull();
      await t.db.update(orders).set({ status }).where(eq(orders.id, order.id));
      expect(await getAgendaFeed(fx.ctx, ticketId!, sig)).toBeNull();
    }
  });

  it('stops serving the previous holder once the ticket is transferred; the new holder gets an address of their own', async () => {
    const fx = await fixture();
    const {
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, fx.fullPass.id);
    await setStar(fx.ctx, { token, ticketId: ticketId!, sessionId: fx.peer.id, starred: true });
    const old = feedParts((await view(fx.ctx, token)).feed.https);
    fx.clock.advance(60_000);
    await transferTicket(fx.ctx, {
      token,
      ticketId,
      person: { legalName: 'Noor Haddad', email: `noor-${randomUUID()}@example.org` },
    });
    expect(await getAgendaFeed(fx.ctx, ticketId!, old.sig)).toBeNull();
    const fresh = feedParts((await view(fx.ctx, token)).feed.https);
    expect(fresh.sig).not.toBe(old.sig);
    const ics = await getAgendaFeed(fx.ctx, ticketId!, fresh.sig);
    expect(ics).not.toBeNull();
    expect(ics).not.toContain('Peer-support circle');
  });

  it('writes exact UTC times on both sides of the spring and autumn clock changes', async () => {
    const cases = [
      // Europe/Amsterdam moves from CET (+1) to CEST (+2) at 02:00 on 31 March 2030, and back at 03:00 on 27 October.
      {
        tz: 'Europe/Amsterdam',
        startsOn: '2030-03-30',
        endsOn: '2030-04-01',
        slots: [
          ['2030-03-30', '09:00', '10:00', '20300330T080000Z', '20300330T090000Z'],
          ['2030-03-31', '09:00', '10:00', '20300331T070000Z', '20300331T080000Z'],
          // Across the jump: 01:30 CET to 03:30 CEST is one hour.
          ['2030-03-31', '01:30', '03:30', '20300331T003000Z', '20300331T013000Z'],
        ],
      },
      {
        tz: 'Europe/Amsterdam',
        startsOn: '2030-10-26',
        endsOn: '2030-10-28',
        slots: [
          ['2030-10-26', '09:00', '10:00', '20301026T070000Z', '20301026T080000Z'],
          ['2030-10-27', '09:00', '10:00', '20301027T080000Z', '20301027T090000Z'],
        ],
      },
      // New York springs forward on 10 March 2030.
      {
        tz: 'America/New_York',
        startsOn: '2030-03-09',
        endsOn: '2030-03-11',
        slots: [
          ['2030-03-09', '09:00', '10:00', '20300309T140000Z', '20300309T150000Z'],
          ['2030-03-11', '09:00', '10:00', '20300311T130000Z', '20300311T140000Z'],
        ],
      },
    ] as const;
    const base = await fixture();
    for (const c of cases) {
      const event = await createEvent(base.ctx, {
        slug: `dst${++slugs}`,
        name: 'Clock change conference',
        timezone: c.tz,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        currency: 'EUR',
      });
      const type = await createTicketType(base.ctx, event.id, {
        code: 'pass',
        publicLabel: 'Pass',
        internalLabel: 'Pass',
        prices: [{ label: 'Free', amount: 0 }],
      });
      const fx = { ctx: base.ctx, event };
      const {
        token,
        ticketIds: [ticketId],
      } = await paidOrder(fx, type.id, 1, 'paid', { answers: {} });
      for (const [i, [day, from, to]] of c.slots.entries()) {
        const s = await createSession(base.ctx, event.id, {
          title: `Slot ${i}`,
          format: 'talk',
          startsAt: zonedTimeToUtc(day, from, c.tz),
          endsAt: zonedTimeToUtc(day, to, c.tz),
        });
        await setStar(base.ctx, { token, ticketId: ticketId!, sessionId: s.id, starred: true });
      }
      const agenda = await view(base.ctx, token);
      expect(agenda.sessions.map((s) => s.day).sort()).toEqual(c.slots.map((s) => s[0]).sort());
      const ics = await getAgendaFeed(base.ctx, ticketId!, feedParts(agenda.feed.https).sig);
      for (const [i, slot] of c.slots.entries()) {
        expect(ics, `${c.tz} ${slot[0]} ${slot[1]}`).toContain(
          `DTSTART:${slot[3]}\r\nDTEND:${slot[4]}\r\nSUMMARY:Slot ${i}\r\n`,
        );
      }
    }
  });
});

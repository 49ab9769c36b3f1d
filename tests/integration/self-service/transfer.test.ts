// Transferring a ticket to another person: one transaction updates the ticket and clears what belonged to the
// old holder, revokes every QR token issued so far (the old QR stops working), and queues the ticket for the new
// holder and a note for the old one. Refused after the cut-off and for another order's ticket (IDOR).
import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agendaItems, answers, ticketTokens, workshopSeats } from '@/db/schema';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { createOrder } from '@/lib/orders/create-order';
import { transferTicket } from '@/lib/self-service/transfer';
import { hashToken } from '@/lib/tokens';
import { attendee, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import {
  auditFor,
  buildManageFixture,
  emailsFor,
  outcome,
  paidOrder,
  rejection,
  setEvent,
  ticketRow,
} from './manage-fixture';

const t = useTestDb();

const newHolder = { legalName: 'Jonas Becker', badgeName: 'Jo', email: 'Jonas.Becker@Example.org' };

async function tokensOf(ticketId: string) {
  return t.db.select().from(ticketTokens).where(eq(ticketTokens.ticketId, ticketId));
}

describe('transferTicket', () => {
  it('moves the ticket to the new person, clears the old holder’s data, revokes every old QR token and queues both emails', async () => {
    const fx = await buildManageFixture(t.db);
    const [w1] = fx.workshops;
    const {
      order,
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, [
      attendee(fx.fullPass.id, {
        legalName: 'Old Holder',
        email: 'old.holder@example.org',
        pronouns: 'she/her',
        directoryOptIn: true,
        photoPreference: 'ok',
        answers: { profession: 'Clinician', dietary: 'Halal' },
        workshopIds: [w1!.id],
      }),
    ]);
    await t.db.insert(agendaItems).values({ ticketId: ticketId!, sessionId: w1!.id, createdAt: fx.clock.now() });
    // QR codes already handed out: two emails' worth.
    const first = await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    const before = await ticketRow(t.db, ticketId!);

    const result = await transferTicket(fx.ctx, { token, ticketId, person: newHolder });
    expect(result.revokedTokens).toBe(2);
    expect(await ticketRow(t.db, ticketId!)).toMatchObject({
      legalName: 'Jonas Becker',
      badgeName: 'Jo',
      email: 'jonas.becker@example.org',
      pronouns: '',
      directoryOptIn: false,
      photoPreference: 'no_photos',
      transferredAt: fx.clock.now(),
      feedVersion: before.feedVersion + 1,
      orderId: order.id,
      ticketTypeId: before.ticketTypeId,
    });
    expect(await t.db.select().from(answers).where(eq(answers.ticketId, ticketId!))).toEqual([]);
    expect(await t.db.select().from(agendaItems).where(eq(agendaItems.ticketId, ticketId!))).toEqual([]);
    // The workshop seat stays with the ticket.
    expect(
      await t.db
        .select({ id: workshopSeats.sessionId })
        .from(workshopSeats)
        .where(eq(workshopSeats.ticketId, ticketId!)),
    ).toEqual([{ id: w1!.id }]);

    const tokens = await tokensOf(ticketId!);
    expect(tokens).toHaveLength(2);
    for (const row of tokens) expect(row).toMatchObject({ revokedAt: fx.clock.now(), revokedReason: 'transferred' });
    const [old] = await t.db
      .select()
      .from(ticketTokens)
      .where(and(eq(ticketTokens.tokenHash, hashToken(first.get(ticketId!)!)), isNull(ticketTokens.revokedAt)));
    expect(old).toBeUndefined();
    // A QR code issued afterwards (for the new holder) works.
    await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    expect((await tokensOf(ticketId!)).filter((r) => r.revokedAt === null)).toHaveLength(1);

    const mails = (await emailsFor(t.db, order.id)).filter(
      (m) => m.kind === 'ticket' || m.kind === 'ticket_transferred',
    );
    const toNew = mails.filter((m) => m.kind === 'ticket' && m.toEmail === 'jonas.becker@example.org');
    const toOld = mails.filter((m) => m.kind === 'ticket_transferred');
    expect(toNew).toHaveLength(1);
    expect(toNew[0]).toMatchObject({ ticketId, orderId: order.id });
    expect(toNew[0]!.idempotencyKey).toMatch(new RegExp(`^ticket:${ticketId}:transfer:[0-9a-f-]{36}$`));
    expect(toOld).toHaveLength(1);
    expect(toOld[0]).toMatchObject({ toEmail: 'old.holder@example.org', ticketId, orderId: order.id });
    expect(toOld[0]!.idempotencyKey).toMatch(new RegExp(`^ticket_transferred:${ticketId}:[0-9a-f-]{36}$`));
    // Each message has its send job, committed with it.
    const jobs =
      await t.sql`select count(*)::int as n from graphile_worker.jobs where key = any(${[`email:${toNew[0]!.id}`, `email:${toOld[0]!.id}`]})`;
    expect(jobs[0]!.n).toBe(2);

    const [entry] = await auditFor(t.db, order.id, 'ticket.transfer');
    expect(entry).toMatchObject({
      actorType: 'attendee',
      targetId: ticketId,
      summary: 'Attendee transferred the ticket to another person',
    });
    expect(JSON.stringify(entry)).not.toMatch(/Jonas|Old Holder|@example/);
  });

  it('can pass the same ticket on again, each time revoking the tokens issued since', async () => {
    const fx = await buildManageFixture(t.db);
    const {
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx);
    await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    await transferTicket(fx.ctx, { token, ticketId, person: newHolder });
    fx.clock.advance(60_000);
    await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    const again = await transferTicket(fx.ctx, {
      token,
      ticketId,
      person: { legalName: 'Third Person', email: 'third@example.org' },
    });
    expect(again.revokedTokens).toBe(1);
    expect(await ticketRow(t.db, ticketId!)).toMatchObject({
      legalName: 'Third Person',
      badgeName: 'Third',
      email: 'third@example.org',
    });
    expect((await tokensOf(ticketId!)).every((r) => r.revokedReason === 'transferred')).toBe(true);
  });

  it('validates the new person and refuses the current holder’s own address, changing nothing', async () => {
    const fx = await buildManageFixture(t.db);
    const {
      order,
      token,
      ticketIds: [ticketId],
    } = await paidOrder(fx, [attendee(fx.fullPass.id, { email: 'same@example.org' })]);
    await issueTicketTokens(t.db, [ticketId!], fx.clock.now());
    const before = await ticketRow(t.db, ticketId!);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...newHolder, legalName: '' }, 'legalName'],
      [{ ...newHolder, email: 'not-an-email' }, 'email'],
      [{ ...newHolder, email: 'a@example.org, b@example.org' }, 'email'],
      [{ ...newHolder, badgeName: 'x'.repeat(61) }, 'badgeName'],
      [{ ...newHolder, legalName: 'Line\nbreak' }, 'legalName'],
      [{ ...newHolder, email: ' SAME@example.org ' }, 'email'],
      [{ ...newHolder, status: 'paid' }, '_form'],
    ];
    for (const [person, field] of cases) {
      const error = await rejection(transferTicket(fx.ctx, { token, ticketId, person }));
      expect(error.code, JSON.stringify(person)).toBe('VALIDATION');
      expect(Object.keys(error.fieldErrors), JSON.stringify(person)).toContain(field);
    }
    expect(await ticketRow(t.db, ticketId!)).toEqual(before);
    expect((await tokensOf(ticketId!)).every((r) => r.revokedAt === null)).toBe(true);
    expect((await emailsFor(t.db, order.id)).filter((m) => m.kind === 'ticket_transferred')).toEqual([]);
  });

  it('is refused after the cut-off, for another order’s ticket (IDOR) and for an order that is not paid', async () => {
    const fx = await buildManageFixture(t.db);
    const a = await paidOrder(fx);
    const b = await paidOrder(fx);
    await issueTicketTokens(t.db, [b.ticketIds[0]!], fx.clock.now());
    const beforeB = await ticketRow(t.db, b.ticketIds[0]!);
    expect(
      await rejection(transferTicket(fx.ctx, { token: a.token, ticketId: b.ticketIds[0], person: newHolder })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket not found.' });
    expect(await ticketRow(t.db, b.ticketIds[0]!)).toEqual(beforeB);
    expect((await tokensOf(b.ticketIds[0]!)).every((r) => r.revokedAt === null)).toBe(true);
    expect(await auditFor(t.db, b.order.id)).toEqual([]);

    await setEvent(t.db, fx, { changesUntil: new Date(fx.clock.now().getTime() - 1) });
    expect(await outcome(transferTicket(fx.ctx, { token: b.token, ticketId: b.ticketIds[0], person: newHolder }))).toBe(
      'CONFLICT',
    );
    expect(await ticketRow(t.db, b.ticketIds[0]!)).toEqual(beforeB);

    // A hold that was never paid cannot be managed.
    await setEvent(t.db, fx, { changesUntil: null });
    const pending = await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), {
      clientKey: null,
    });
    const [pendingTicket] = await t.sql`select id from tickets where order_id = ${pending.order.id}`;
    expect(
      await outcome(
        transferTicket(fx.ctx, { token: pending.accessToken, ticketId: pendingTicket!.id, person: newHolder }),
      ),
    ).toBe('CONFLICT');
  });
});

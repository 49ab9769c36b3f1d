// Data exports: the attendee takes away everything held about them (their sensitive answers included); the buyer's
// order export never carries another attendee's sensitive answer or pronouns (canaries) but does carry those of
// the tickets the buyer manages; an owner's export by email carries everything and is audited (the audit entry,
// the sensitive-access entry and one sensitive_data_views row per ticket, which the attendee then sees); every
// other role is refused, and dead links export nothing.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, sensitiveDataViews, ticketTokens, tickets, waitlistEntries } from '@/db/schema';
import {
  EXPORT_RATE,
  EXPORT_SCHEMA_VERSION,
  exportAttendeeData,
  exportJson,
  exportOrderData,
  exportPersonByEmail,
} from '@/lib/rights/export';
import { attendee } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { paidOrder, rejection } from '../self-service/manage-fixture';
import { canaries, expectNoCanary, groupOrder, useBuyerGroupOrder } from './fixture';

const t = useTestDb();
const { fx, g, c, mine } = useBuyerGroupOrder(t);

const exportAudits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("the attendee's own export", () => {
  it('holds their person, ticket, own sensitive answers and pronouns, emails and nothing of the buyer', async () => {
    const data = await exportAttendeeData(fx.ctx, g.pageToken);
    expect(data).not.toBeNull();
    expect(data).toMatchObject({
      schemaVersion: EXPORT_SCHEMA_VERSION,
      kind: 'attendee',
      generatedAt: fx.clock.now().toISOString(),
      person: { legalName: 'Alex Colleague', badgeName: 'Alex', email: g.otherEmail, pronouns: c.pronouns },
      ticket: { orderReference: g.order.reference, orderStatus: 'paid', currency: 'EUR' },
      accessRequest: { status: 'new', statusLabel: 'Received' },
    });
    expect(Object.fromEntries(data!.answers.map((a) => [a.question, [a.value, a.sensitive]]))).toMatchObject({
      profession: ['Peer worker', false],
      dietary: [c.diet, true],
      access_needs: [c.access, true],
    });
    expect(data!.emails.map((m) => m.kind)).toEqual(['ticket']);
    const json = exportJson(data!);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(data)));
    expect(json).not.toContain(mine.diet);
    expect(json).not.toContain(g.buyerEmail);
    // Their own data: no staff access is recorded.
    expect(
      await t.db.select().from(sensitiveDataViews).where(eq(sensitiveDataViews.ticketId, g.otherTicketId)),
    ).toEqual([]);
  });

  it('exports nothing for an unknown, foreign, lapsed or revoked link', async () => {
    expect(await exportAttendeeData(fx.ctx, 'x'.repeat(43))).toBeNull();
    expect(await exportAttendeeData(fx.ctx, '../../etc/passwd')).toBeNull();
    // An order link is not a page token.
    expect(await exportAttendeeData(fx.ctx, g.token)).toBeNull();
    const lapsed = await groupOrder(fx, canaries());
    await t.db
      .update(ticketTokens)
      .set({ expiresAt: new Date(fx.clock.now().getTime() - 1000) })
      .where(eq(ticketTokens.ticketId, lapsed.otherTicketId));
    expect(await exportAttendeeData(fx.ctx, lapsed.pageToken)).toBeNull();
    await t.db
      .update(ticketTokens)
      .set({ expiresAt: null, revokedAt: fx.clock.now(), revokedReason: 'cancelled' })
      .where(eq(ticketTokens.ticketId, lapsed.otherTicketId));
    expect(await exportAttendeeData(fx.ctx, lapsed.pageToken)).toBeNull();
  });

  it('refuses a link downloaded too often', async () => {
    const own = await groupOrder(fx, canaries());
    for (let i = 0; i < EXPORT_RATE.limit; i++)
      expect(await exportAttendeeData(fx.ctx, own.pageToken, { rateLimit: true })).not.toBeNull();
    const refused = await rejection(exportAttendeeData(fx.ctx, own.pageToken, { rateLimit: true }));
    expect(refused.code).toBe('THROTTLED');
    expect(refused.details.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("the buyer's order export", () => {
  it("never holds attendee 2's sensitive answers or pronouns, but holds the buyer's own and everyone's other data", async () => {
    const data = await exportOrderData(fx.ctx, g.token);
    expect(data).not.toBeNull();
    const json = exportJson(data!);
    expectNoCanary('order export', json, c);
    expect(json).toContain(mine.diet);
    expect(json).toContain(mine.access);
    expect(data!.order).toMatchObject({
      reference: g.order.reference,
      status: 'paid',
      total: g.order.total,
      billing: { name: 'Robin Buyer', email: g.buyerEmail },
    });
    expect(data!.order.payments.length).toBeGreaterThan(0);
    const [buyer, other] = data!.attendees;
    expect(buyer).toMatchObject({ email: g.buyerEmail, pronouns: mine.pronouns, sensitiveWithheld: false });
    expect(other).toMatchObject({ legalName: 'Alex Colleague', email: g.otherEmail, sensitiveWithheld: true });
    expect(other).not.toHaveProperty('pronouns');
    expect(other!.answers).toEqual([
      { question: 'profession', label: expect.any(String), value: 'Peer worker', sensitive: false },
    ]);
    // Emails to the buyer only, not attendee 2's ticket email.
    expect(data!.emails.map((m) => m.kind).sort()).toEqual(['order_confirmation', 'payment_receipt', 'reminder']);
  });

  it('holds the sensitive answers of an attendee without an email, whom the buyer manages', async () => {
    const cc = canaries();
    const placed = await paidOrder(fx, [
      attendee(fx.fullPass.id, {
        legalName: 'Sam Parent',
        email: `parent-${randomUUID().slice(0, 8)}@example.org`,
        answers: { profession: 'Clinician' },
      }),
      attendee(fx.fullPass.id, {
        legalName: 'Kim Child',
        pronouns: cc.pronouns,
        answers: { profession: 'Researcher', dietary: cc.diet },
      }),
    ]);
    // Registration asks every attendee for an email; staff can leave it empty later (the buyer then manages the ticket).
    await t.db.update(tickets).set({ email: '' }).where(eq(tickets.id, placed.ticketIds[1]!));
    const json = exportJson((await exportOrderData(fx.ctx, placed.token))!);
    expect(json).toContain(cc.diet);
    expect(json).toContain(cc.pronouns);
  });

  it('exports nothing for an unknown link, a page token, or a link past its expiry', async () => {
    expect(await exportOrderData(fx.ctx, 'y'.repeat(43))).toBeNull();
    expect(await exportOrderData(fx.ctx, g.pageToken)).toBeNull();
    const now = fx.clock.now();
    try {
      (fx.clock as unknown as { set(d: Date): void }).set(new Date('2031-06-01T00:00:00Z'));
      expect(await exportOrderData(fx.ctx, g.token)).toBeNull();
    } finally {
      (fx.clock as unknown as { set(d: Date): void }).set(now);
    }
    expect(await exportOrderData(fx.ctx, g.token)).not.toBeNull();
  });
});

describe("an owner's export by email address", () => {
  it('holds everything of attendee 2, opened through the audited path, and the attendee sees it', async () => {
    await t.db
      .insert(waitlistEntries)
      .values({ eventId: fx.event.id, ticketTypeId: fx.fullPass.id, name: 'Alex Colleague', email: g.otherEmail });
    const data = await exportPersonByEmail(fx.ctx, {
      reader: fx.staff.owner,
      email: `  ${g.otherEmail.toUpperCase()} `,
    });
    const json = exportJson(data);
    for (const text of [c.diet, c.access, c.pronouns]) expect(json).toContain(text);
    expect(json).not.toContain(mine.diet);
    expect(data.email).toBe(g.otherEmail);
    expect(data.asBuyer).toEqual([]);
    expect(data.asAttendee).toHaveLength(1);
    expect(data.asAttendee[0]).toMatchObject({
      legalName: 'Alex Colleague',
      pronouns: c.pronouns,
      accessRequest: { status: 'new', internalNotes: '' },
    });
    expect(data.waitlist).toEqual([expect.objectContaining({ name: 'Alex Colleague', status: 'waiting' })]);
    expect(data.emails.map((m) => m.kind)).toEqual(['ticket']);

    const [audit] = await exportAudits('privacy.export');
    expect(audit).toMatchObject({ actorUserId: fx.staff.owner.id, targetType: 'person' });
    // The audit log keeps counts, never the address or the data.
    expect(JSON.stringify(audit)).not.toContain(g.otherEmail);
    expectNoCanary('audit entry', audit, c);
    const sensitive = await exportAudits('privacy.export_sensitive');
    expect(sensitive).toHaveLength(1);
    expect(sensitive[0]!.details).toMatchObject({ reason: 'exported', role: 'owner' });
    const views = await t.db.select().from(sensitiveDataViews).where(eq(sensitiveDataViews.auditId, sensitive[0]!.id));
    expect(views.map((v) => v.ticketId)).toEqual([g.otherTicketId]);

    const own = await exportAttendeeData(fx.ctx, g.pageToken);
    expect(own!.sensitiveDataViews).toEqual([
      expect.objectContaining({ why: 'exported', role: 'Owner', name: fx.staff.owner.name }),
    ]);
  });

  it("for the buyer, holds their orders and own answers but never another attendee's sensitive ones", async () => {
    const data = await exportPersonByEmail(fx.ctx, { reader: fx.staff.owner, email: g.buyerEmail });
    const json = exportJson(data);
    expectNoCanary('owner export of the buyer', json, c);
    expect(json).toContain(mine.diet);
    expect(data.asBuyer.map((o) => o.reference)).toEqual([g.order.reference]);
    expect(data.asBuyer[0]!.attendees.map((a) => [a.legalName, a.sensitiveWithheld])).toEqual([
      ['Robin Buyer', false],
      ['Alex Colleague', true],
    ]);
    expect(data.asAttendee.map((a) => a.email)).toEqual([g.buyerEmail]);
    const views = await t.db
      .select()
      .from(sensitiveDataViews)
      .where(inArray(sensitiveDataViews.ticketId, [g.buyerTicketId, g.otherTicketId]));
    expect(views.filter((v) => v.ticketId === g.otherTicketId)).toHaveLength(1);
    expect(views.filter((v) => v.ticketId === g.buyerTicketId)).toHaveLength(1);
  });

  it('refuses every other role, before reading anything or writing an audit entry', async () => {
    const before = (await exportAudits('privacy.export')).length;
    for (const role of ['organizer', 'accessibility', 'checkin'] as const) {
      const refused = await rejection(exportPersonByEmail(fx.ctx, { reader: fx.staff[role], email: g.otherEmail }));
      expect(refused.code, role).toBe('FORBIDDEN');
    }
    expect(await exportAudits('privacy.export')).toHaveLength(before);
  });

  it('refuses a malformed address and says when nothing is held', async () => {
    for (const email of ['', 'not-an-email', 42, undefined, `${'a'.repeat(320)}@example.org`]) {
      expect(
        (await rejection(exportPersonByEmail(fx.ctx, { reader: fx.staff.owner, email }))).code,
        String(email),
      ).toBe('VALIDATION');
    }
    const none = await rejection(
      exportPersonByEmail(fx.ctx, { reader: fx.staff.owner, email: 'nobody-here@example.org' }),
    );
    expect(none).toMatchObject({ code: 'NOT_FOUND', message: 'Nothing is held for this email address.' });
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'privacy.export'), eq(auditLog.actorUserId, fx.staff.owner.id))),
    ).toHaveLength(2);
  });
});

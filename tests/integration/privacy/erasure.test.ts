// Erasure: an owner erases a person by email and nothing of them is left anywhere in the database (every text
// column of every table is searched), their links stop opening, their unsent email is dropped, the accounting
// totals do not move and the audit trail records the erasure without saying whom. Only owners may; attendees
// ask from their own page and an owner confirms or declines.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  accessRequests,
  auditLog,
  emailMessages,
  erasureRequests,
  orders,
  ticketTokens,
  waitlistEntries,
} from '@/db/schema';
import { getAccessRequest } from '@/lib/access/queue';
import { recordAudit } from '@/lib/audit/record';
import { getOrderByToken } from '@/lib/orders/queries';
import { refundOrder } from '@/lib/orders/refund-order';
import { erasePerson } from '@/lib/rights/erasure';
import {
  decideErasureRequest,
  getErasureRequestState,
  listPendingErasureRequests,
  requestErasure,
} from '@/lib/rights/erasure-requests';
import { getAttendeePage } from '@/lib/tickets/attendee-page';
import { findInDatabase } from '../../support/find-in-database';
import { useTestDb } from '../../support/test-db';
import { rejection, ticketRow } from '../self-service/manage-fixture';
import { buildPrivacyFixture, canaries, groupOrder, type GroupOrder, type PrivacyFixture } from './fixture';

const t = useTestDb();
let fx: PrivacyFixture;
let g: GroupOrder;
const c = canaries();

async function accountingTotals() {
  const [row] = await t.db.execute<Record<string, number>>(sql`select
      (select coalesce(sum(total), 0)::int from orders) as totals, (select coalesce(sum(amount_paid), 0)::int from orders) as paid,
      (select coalesce(sum(amount_refunded), 0)::int from orders) as refunded, (select coalesce(sum(amount), 0)::int from refunds) as refunds,
      (select coalesce(sum(price - discount), 0)::int from tickets) as tickets, (select count(*)::int from payment_events) as payment_events,
      (select string_agg(reference || ':' || coalesce(paid_at::text, '') || ':' || coalesce(payment_reference, ''), ',' order by reference) from orders) as refs`);
  return row;
}

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
  g = await groupOrder(fx, c);
  // The colleague's data spread around: a staff view of their answers, an older audit line naming them, a
  // waiting-list place, a refund whose reason names them.
  const request = (await t.db.select().from(accessRequests).where(eq(accessRequests.ticketId, g.otherTicketId)))[0]!;
  await getAccessRequest(fx.ctx, { id: request.id, reader: fx.staff.accessibility });
  await recordAudit(t.db, {
    actor: { type: 'system' },
    action: 'legacy.note',
    orderId: g.order.id,
    at: fx.clock.now(),
    summary: `Ticket reissued to Alex Colleague <${g.otherEmail}>`,
    details: { to: g.otherEmail.toUpperCase(), name: 'Alex Colleague' },
  });
  await t.db.insert(waitlistEntries).values({
    eventId: fx.event.id,
    ticketTypeId: fx.fullPass.id,
    name: 'Alex Colleague',
    email: g.otherEmail,
    confirmedAt: fx.clock.now(),
  });
  await refundOrder(fx.pctx, { orderId: g.order.id, amount: 100, reason: 'Goodwill for Alex Colleague' });
});

describe('erasure by an owner', () => {
  it('refuses every role but the owner, and explains a bad or unknown address', async () => {
    for (const role of ['organizer', 'accessibility', 'checkin'] as const) {
      expect(await rejection(erasePerson(fx.ctx, { actor: fx.staff[role], email: g.otherEmail }))).toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect(await rejection(erasePerson(fx.ctx, { actor: fx.staff.owner, email: 'not an address' }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await rejection(erasePerson(fx.ctx, { actor: fx.staff.owner, email: 'nobody@example.org' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await findInDatabase(t.sql, g.otherEmail)).not.toEqual([]);
  });

  it('leaves nothing of the person anywhere, revokes their links, drops their unsent email, keeps the accounts', async () => {
    const before = await accountingTotals();
    const queued = await t.db.select().from(emailMessages).where(eq(emailMessages.toEmail, g.otherEmail));
    expect(queued.some((m) => m.status === 'queued')).toBe(true);
    expect(await getAttendeePage(fx.ctx, g.pageToken)).not.toBeNull();

    const counts = await erasePerson(fx.ctx, {
      actor: fx.staff.owner,
      email: `  ${g.otherEmail.toUpperCase()} `,
      reason: 'Asked by email',
    });
    expect(counts).toMatchObject({ tickets: 1, orders: 0, accessRequests: 1, sensitiveViews: 1, waitlistEntries: 1 });
    expect(counts.answers).toBeGreaterThanOrEqual(3);
    expect(counts.emailsDropped).toBe(queued.filter((m) => m.status === 'queued').length);
    expect(counts.auditEntriesScrubbed).toBeGreaterThanOrEqual(1);

    for (const needle of [g.otherEmail, 'Alex Colleague', c.diet, 'CANARY-ACCESS', c.pronouns]) {
      expect({ needle, hits: await findInDatabase(t.sql, needle) }).toEqual({ needle, hits: [] });
    }
    const ticket = await ticketRow(t.db, g.otherTicketId);
    expect(ticket).toMatchObject({ legalName: 'Erased', badgeName: 'Erased', pronounsCipher: null, feedVersion: 2 });
    expect(ticket.email).toMatch(/^erased-[0-9a-f]{12}@invalid$/);
    expect(ticket.anonymizedAt).not.toBeNull();

    expect(await getAttendeePage(fx.ctx, g.pageToken)).toBeNull();
    const tokens = await t.db.select().from(ticketTokens).where(eq(ticketTokens.ticketId, g.otherTicketId));
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((k) => k.revokedAt !== null)).toBe(true);
    const mails = await t.db.select().from(emailMessages).where(eq(emailMessages.ticketId, g.otherTicketId));
    expect(mails.filter((m) => m.status === 'queued')).toEqual([]);
    expect(await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.email, g.otherEmail))).toEqual([]);

    expect(await accountingTotals()).toEqual(before);
    // The buyer's order still opens, and shows the erased attendee as such.
    const view = await getOrderByToken(fx.ctx, g.token);
    expect(view?.tickets.map((x) => x.legalName)).toEqual(['Robin Buyer', 'Erased']);

    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.erasure'));
    expect(entry).toMatchObject({ actorUserId: fx.staff.owner.id, targetType: 'person', targetId: null });
    expect(entry!.details).toMatchObject({ reason: 'Asked by email', counts: { tickets: 1 } });
    expect(JSON.stringify(entry).toLowerCase()).not.toContain(g.otherEmail);
    expect(JSON.stringify(entry)).not.toContain('Alex');
  });

  it('answers a second erasure of the same address with a clear message', async () => {
    expect(await rejection(erasePerson(fx.ctx, { actor: fx.staff.owner, email: g.otherEmail }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it("keeps the billing name on a paid order but erases the buyer's address and closes the order link", async () => {
    const before = await accountingTotals();
    const counts = await erasePerson(fx.ctx, { actor: fx.staff.owner, email: g.buyerEmail });
    expect(counts).toMatchObject({ tickets: 1, orders: 1 });
    expect(await findInDatabase(t.sql, g.buyerEmail)).toEqual([]);
    const [order] = await t.db.select().from(orders).where(eq(orders.id, g.order.id));
    expect(order).toMatchObject({
      buyerName: 'Robin Buyer',
      reference: g.order.reference,
      total: g.order.total,
      status: 'paid',
    });
    expect(order!.buyerEmail).toMatch(/@invalid$/);
    expect(await getOrderByToken(fx.ctx, g.token)).toBeNull();
    expect(await accountingTotals()).toEqual(before);
  });
});

describe('erasure requested by the attendee', () => {
  it("records one pending request from the attendee's page, which the owner confirms", async () => {
    const g2 = await groupOrder(fx, canaries());
    expect(await getErasureRequestState(fx.ctx, g2.pageToken)).toBeNull();
    expect(await requestErasure(fx.ctx, { token: g2.pageToken })).toMatchObject({ status: 'pending', created: true });
    expect(await requestErasure(fx.ctx, { token: g2.pageToken })).toMatchObject({ status: 'pending', created: false });
    expect(await getErasureRequestState(fx.ctx, g2.pageToken)).toMatchObject({ status: 'pending' });
    expect(await rejection(requestErasure(fx.ctx, { token: 'x'.repeat(43) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await rejection(requestErasure(fx.ctx, { token: g2.token }))).toMatchObject({ code: 'NOT_FOUND' });
    // The address waits sealed: no plain copy beside the ticket's own.
    expect(await findInDatabase(t.sql, g2.otherEmail)).not.toContain('public.erasure_requests.email_cipher');

    expect(await rejection(listPendingErasureRequests(fx.ctx, fx.staff.organizer))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const pending = await listPendingErasureRequests(fx.ctx, fx.staff.owner);
    expect(pending.map((p) => p.email)).toEqual([g2.otherEmail]);
    expect(
      await rejection(
        decideErasureRequest(fx.ctx, fx.staff.accessibility, { id: pending[0]!.id, decision: 'confirm' }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });

    const decided = await decideErasureRequest(fx.ctx, fx.staff.owner, { id: pending[0]!.id, decision: 'confirm' });
    expect(decided).toMatchObject({ decision: 'confirmed', erased: { tickets: 1 } });
    expect(await findInDatabase(t.sql, g2.otherEmail)).toEqual([]);
    expect(await getAttendeePage(fx.ctx, g2.pageToken)).toBeNull();
    const [row] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, pending[0]!.id));
    expect(row).toMatchObject({
      status: 'confirmed',
      decidedByUserId: fx.staff.owner.id,
      emailCipher: null,
      emailHash: null,
    });
    expect(await listPendingErasureRequests(fx.ctx, fx.staff.owner)).toEqual([]);
    expect(
      await rejection(decideErasureRequest(fx.ctx, fx.staff.owner, { id: pending[0]!.id, decision: 'confirm' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets the owner decline, which keeps the data, and throttles a page that keeps asking', async () => {
    const g3 = await groupOrder(fx, canaries());
    await requestErasure(fx.ctx, { token: g3.pageToken });
    const [pending] = await listPendingErasureRequests(fx.ctx, fx.staff.owner);
    expect(await decideErasureRequest(fx.ctx, fx.staff.owner, { id: pending!.id, decision: 'decline' })).toEqual({
      decision: 'declined',
    });
    expect(await getAttendeePage(fx.ctx, g3.pageToken)).not.toBeNull();
    const [row] = await t.db.select().from(erasureRequests).where(eq(erasureRequests.id, pending!.id));
    expect(row).toMatchObject({ status: 'declined', emailCipher: null });
    // A new request after a decline is possible, up to the hourly limit.
    for (let i = 0; i < 4; i++) await requestErasure(fx.ctx, { token: g3.pageToken });
    expect(await rejection(requestErasure(fx.ctx, { token: g3.pageToken }))).toMatchObject({ code: 'THROTTLED' });
  });
});

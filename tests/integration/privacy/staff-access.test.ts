// Staff and sensitive data: plaintext only for the roles that need it (owner, accessibility team), each view and
// export recorded in the audit log with the tickets it showed, and the attendee's own page listing who looked
// (role, name, when, why). Organizers and check-in staff see only that an access arrangement exists.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessRequests, auditLog, sensitiveDataViews } from '@/db/schema';
import { exportAttendeesCsv } from '@/lib/attendees/export';
import { getAttendeeDetail } from '@/lib/attendees/detail';
import { searchAttendees } from '@/lib/attendees/search';
import { updateAccessRequest } from '@/lib/access/queue';
import { readSensitiveData } from '@/lib/privacy/sensitive-access';
import { getAttendeePage } from '@/lib/tickets/attendee-page';
import { useTestDb } from '../../support/test-db';
import { rejection } from '../self-service/manage-fixture';
import {
  buildPrivacyFixture,
  canaries,
  expectNoCanary,
  groupOrder,
  type GroupOrder,
  type PrivacyFixture,
} from './fixture';

const t = useTestDb();
let fx: PrivacyFixture;
let g: GroupOrder;
const c = canaries();

async function csvOf(viewer: PrivacyFixture['staff'][keyof PrivacyFixture['staff']]): Promise<string> {
  const out = await exportAttendeesCsv(fx.ctx, { eventId: fx.event.id, viewer });
  return new Response(out.stream).text();
}

const viewsOf = (ticketId: string) =>
  t.db
    .select({ action: auditLog.action, actor: auditLog.actorUserId, details: auditLog.details })
    .from(sensitiveDataViews)
    .innerJoin(auditLog, eq(auditLog.id, sensitiveDataViews.auditId))
    .where(eq(sensitiveDataViews.ticketId, ticketId));

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
  g = await groupOrder(fx, c);
});

describe('staff reads of sensitive answers', () => {
  it('gives organizers and check-in staff no plaintext, and records nothing for them', async () => {
    const detail = await getAttendeeDetail(fx.ctx, { ticketId: g.otherTicketId, viewer: fx.staff.organizer });
    expectNoCanary('organizer attendee detail', detail!.answers, c);
    expect(detail!.sensitiveHidden).toBe(true);
    expectNoCanary('organizer export', await csvOf(fx.staff.organizer), c);
    expect(
      await rejection(
        readSensitiveData(fx.ctx, {
          reader: fx.staff.checkin,
          action: 'x',
          eventId: fx.event.id,
          targetType: 'ticket',
          targetId: g.otherTicketId,
          summary: 'x',
          ticketIds: [g.otherTicketId],
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await viewsOf(g.otherTicketId)).toEqual([]);
  });

  it('opens them for the owner and the accessibility team, recording who, whose ticket and why', async () => {
    const detail = await getAttendeeDetail(fx.ctx, { ticketId: g.otherTicketId, viewer: fx.staff.accessibility });
    expect(Object.fromEntries(detail!.answers.map((a) => [a.key, a.value]))).toMatchObject({
      dietary: c.diet,
      access_needs: c.access,
    });
    expect(detail!.ticket.pronouns).toBe(c.pronouns);

    const csv = await csvOf(fx.staff.owner);
    expect(csv).toContain(c.diet);
    expect(csv).toContain(c.pronouns);

    const views = await viewsOf(g.otherTicketId);
    expect(views.map((v) => [v.action, v.actor, v.details.reason, v.details.role]).sort()).toEqual([
      ['attendee.view_sensitive', fx.staff.accessibility.id, 'viewed', 'accessibility'],
      ['attendees.export', fx.staff.owner.id, 'exported', 'owner'],
    ]);
    // The buyer's own ticket had no sensitive answer: the export noted only the ticket it carried answers of.
    expect(await viewsOf(g.buyerTicketId)).toEqual([]);
    // The audit entries say which questions, never the answers.
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, fx.event.id)));
    expectNoCanary('audit log', entries, c);
  });

  it("lists each view and export on the attendee's own page, with role, name and why", async () => {
    const page = await getAttendeePage(fx.ctx, g.pageToken);
    expect(page!.views.map((v) => [v.role, v.name, v.why]).sort()).toEqual([
      ['Accessibility team', 'Accessibility Person', 'viewed'],
      ['Owner', 'Owner Person', 'exported'],
    ]);
  });

  it('shows organizers and check-in staff only that an access arrangement exists', async () => {
    const [request] = await t.db.select().from(accessRequests).where(eq(accessRequests.ticketId, g.otherTicketId));
    expect(
      (await getAttendeeDetail(fx.ctx, { ticketId: g.otherTicketId, viewer: fx.staff.organizer }))!.access,
    ).toBeNull();
    await updateAccessRequest(fx.ctx, fx.staff.accessibility, {
      id: request!.id,
      status: 'arranged',
      message: 'Seat in row A kept for you',
    });
    const organizer = await getAttendeeDetail(fx.ctx, { ticketId: g.otherTicketId, viewer: fx.staff.organizer });
    expect(organizer!.access).toEqual({ arranged: true });
    expect(JSON.stringify(organizer)).not.toContain('row A');
    const team = await getAttendeeDetail(fx.ctx, { ticketId: g.otherTicketId, viewer: fx.staff.accessibility });
    expect(team!.access).toEqual({ id: request!.id, status: 'arranged' });
    const list = await searchAttendees(fx.ctx, { eventId: fx.event.id, q: 'Alex Colleague', page: 1, pageSize: 50 });
    expect(list.rows.map((r) => [r.legalName, r.hasAccessArrangement])).toEqual([['Alex Colleague', true]]);
  });
});

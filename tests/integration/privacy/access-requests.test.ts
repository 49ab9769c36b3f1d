// The access-needs request life cycle: an answer to an access-needs question opens a request (only paid orders are
// in the queue), the team reads it (a recorded view), assigns it, keeps sealed notes and writes to the attendee,
// who sees the status and message on their own page and gets an email that says nothing of the need; the door
// learns only that an arrangement exists; a changed need reopens a closed request; a withdrawn new one goes.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessRequests, auditLog, emailMessages } from '@/db/schema';
import { getAccessRequest, listAccessRequests, updateAccessRequest } from '@/lib/access/queue';
import { checkInTicket } from '@/lib/checkin/check-in';
import { ENTRANCE_NAME, ensureDefaultLists } from '@/lib/checkin/lists';
import { composeEmail } from '@/lib/email/compose';
import { createOrder } from '@/lib/orders/create-order';
import { editOwnDetails, getAttendeePage } from '@/lib/tickets/attendee-page';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { attendee, registration } from '../../support/registration-fixture';
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

const requestOf = async (ticketId: string) =>
  (await t.db.select().from(accessRequests).where(eq(accessRequests.ticketId, ticketId)))[0];
const details = (access: string) => ({
  badgeName: 'Alex',
  pronouns: c.pronouns,
  answers: { profession: 'Peer worker', dietary: c.diet, access_needs: access },
  directoryOptIn: false,
  photoPreference: 'no_photos',
});

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
  g = await groupOrder(fx, c);
});

describe('access requests', () => {
  it('opens one request per attendee who states a need, listed only once the order is paid', async () => {
    const request = await requestOf(g.otherTicketId);
    expect(request).toMatchObject({ status: 'new', eventId: fx.event.id, assigneeUserId: null });
    expect(await requestOf(g.buyerTicketId)).toBeUndefined();
    // An unpaid hold with a need has its request, but the queue shows only confirmed registrations.
    await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id, { answers: { profession: 'Other', access_needs: 'Hearing loop' } })]),
      { clientKey: null },
    );
    const queue = await listAccessRequests(fx.ctx, { eventId: fx.event.id });
    expect(queue.rows.map((r) => r.id)).toEqual([request!.id]);
    expect(queue.counts).toEqual({ new: 1, in_progress: 0, arranged: 0, cannot_arrange: 0 });
    expectNoCanary('queue list', queue, c);
  });

  it('shows the team the need (a recorded view) and refuses other roles', async () => {
    const request = await requestOf(g.otherTicketId);
    const detail = await getAccessRequest(fx.ctx, { id: request!.id, reader: fx.staff.accessibility });
    expect(detail!.needs).toEqual([{ key: 'access_needs', label: 'Access needs', value: c.access }]);
    const [view] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'access_request.view'));
    expect(view).toMatchObject({ actorUserId: fx.staff.accessibility.id, targetId: g.otherTicketId });
    expectNoCanary('audit entry', view, c);
    expect(await rejection(getAccessRequest(fx.ctx, { id: request!.id, reader: fx.staff.organizer }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await getAccessRequest(fx.ctx, { id: 'not-a-uuid', reader: fx.staff.owner })).toBeNull();
  });

  it('moves through in progress to arranged with notes, an assignee and a message, emailing the attendee discreetly', async () => {
    const request = (await requestOf(g.otherTicketId))!;
    const first = await updateAccessRequest(fx.ctx, fx.staff.accessibility, {
      id: request.id,
      status: 'in_progress',
      assigneeUserId: fx.staff.accessibility.id,
      notes: 'Call venue about the ramp',
      message: '',
    });
    expect(first).toEqual({ changed: ['status', 'assignee', 'internal notes'], emailed: true });
    const done = await updateAccessRequest(fx.ctx, fx.staff.accessibility, {
      id: request.id,
      status: 'arranged',
      assigneeUserId: fx.staff.accessibility.id,
      notes: 'Call venue about the ramp',
      message: 'A step-free seat in row A is kept for you.',
    });
    expect(done).toEqual({ changed: ['status', 'message to the attendee'], emailed: true });
    expect(
      await updateAccessRequest(fx.ctx, fx.staff.accessibility, {
        id: request.id,
        status: 'arranged',
        assigneeUserId: fx.staff.accessibility.id,
        notes: 'Call venue about the ramp',
        message: 'A step-free seat in row A is kept for you.',
      }),
    ).toEqual({ changed: [], emailed: false });

    const page = await getAttendeePage(fx.ctx, g.pageToken);
    expect(page!.access).toMatchObject({
      status: 'arranged',
      statusLabel: 'Arranged',
      message: 'A step-free seat in row A is kept for you.',
    });
    expect(JSON.stringify(page)).not.toContain('Call venue');

    const mails = await t.db.select().from(emailMessages).where(eq(emailMessages.kind, 'access_update'));
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.toEmail === g.otherEmail && m.ticketId === g.otherTicketId)).toBe(true);
    const composed = await composeEmail(fx.ctx, mails[1]!);
    expect(composed!.subject).toBe('An update about your registration');
    expect(composed!.text).toMatch(/\/tickets\/[A-Za-z0-9_-]{40,}/);
    for (const secret of ['row A', 'step-free', 'Arranged', 'access', 'Call venue'])
      expect(`${composed!.subject} ${composed!.html}`).not.toContain(secret);
    expectNoCanary('access email', composed, c);

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'access_request.update'));
    expect(entries.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Updated an access request (status, message to the attendee): in_progress → arranged']),
    );
    expect(JSON.stringify(entries)).not.toContain('row A');
    expect(JSON.stringify(entries)).not.toContain('Call venue');
  });

  it('tells check-in only that an arrangement exists', async () => {
    const lists = await ensureDefaultLists(fx.ctx, fx.event.id);
    const entrance = lists.find((l) => l.name === ENTRANCE_NAME)!;
    const tokens = await issueTicketTokens(t.db, [g.otherTicketId, g.buyerTicketId], fx.clock.now());
    fx.clock.set(new Date('2030-03-28T09:00:00Z'));
    const staffUser = { id: fx.staff.checkin.id, email: fx.staff.checkin.email, name: fx.staff.checkin.name };
    const other = await checkInTicket(fx.ctx, {
      listId: entrance.id,
      ref: { token: tokens.get(g.otherTicketId)! },
      staff: staffUser,
    });
    expect(other).toMatchObject({ outcome: 'valid', hasAccessArrangement: true });
    expectNoCanary('check-in result', other, c);
    expect(JSON.stringify(other)).not.toContain('row A');
    const buyer = await checkInTicket(fx.ctx, {
      listId: entrance.id,
      ref: { token: tokens.get(g.buyerTicketId)! },
      staff: staffUser,
    });
    expect(buyer).toMatchObject({ outcome: 'valid', hasAccessArrangement: false });
    // The attendee's page link is no door code.
    expect(
      await checkInTicket(fx.ctx, { listId: entrance.id, ref: { token: g.pageToken }, staff: staffUser }),
    ).toMatchObject({ outcome: 'unknown' });
    fx.clock.set(new Date('2030-01-10T10:00:00Z'));
  });

  it('reopens an arranged request when the attendee changes their need, and drops a new one they withdraw', async () => {
    await editOwnDetails(fx.ctx, { token: g.pageToken, details: details(`${c.access}, and a quiet room`) });
    const reopened = await requestOf(g.otherTicketId);
    expect(reopened).toMatchObject({ status: 'new', answerChangedAt: expect.any(Date) });
    await editOwnDetails(fx.ctx, { token: g.pageToken, details: details('') });
    expect(await requestOf(g.otherTicketId)).toBeUndefined();
    await editOwnDetails(fx.ctx, { token: g.pageToken, details: details('Captions please') });
    expect(await requestOf(g.otherTicketId)).toMatchObject({ status: 'new', answerChangedAt: null });
  });

  it('refuses bad input and assignees outside the team, changing nothing', async () => {
    const request = (await requestOf(g.otherTicketId))!;
    const bad = await rejection(
      updateAccessRequest(fx.ctx, fx.staff.owner, { id: request.id, status: 'done', notes: 'x'.repeat(5001) }),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['notes', 'status']);
    const outsider = await rejection(
      updateAccessRequest(fx.ctx, fx.staff.owner, {
        id: request.id,
        status: 'in_progress',
        assigneeUserId: fx.staff.organizer.id,
      }),
    );
    expect(outsider.fieldErrors).toEqual({ assigneeUserId: ['Choose a member of the accessibility team'] });
    expect(
      await rejection(
        updateAccessRequest(fx.ctx, fx.staff.owner, { id: '00000000-0000-4000-8000-000000000000', status: 'arranged' }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await requestOf(g.otherTicketId)).toEqual(request);
  });
});

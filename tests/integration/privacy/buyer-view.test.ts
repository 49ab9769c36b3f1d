// The buyer of a group order never sees another attendee's sensitive answers or pronouns, not even the ones the
// buyer typed at registration: a canary typed for attendee 2 must not appear in any read model, subpage, file or
// email reachable from the order link. Attendee 2 sees and changes them on their own page; the buyer's own ticket
// shows the buyer's own answers.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, emailMessages, ticketTokens } from '@/db/schema';
import { getAgenda } from '@/lib/agenda/queries';
import { composeEmail } from '@/lib/email/compose';
import { getReceipt } from '@/lib/payments/queries';
import { openPronouns } from '@/lib/privacy/sealed';
import { editAttendee } from '@/lib/self-service/edit-attendee';
import { getManageView, getTicketPage } from '@/lib/self-service/manage';
import { editOwnDetails, getAttendeePage, issueBuyerOwnPageLinks } from '@/lib/tickets/attendee-page';
import { orderCalendarByToken, ticketCalendarByToken } from '@/lib/tickets/by-token';
import { useTestDb } from '../../support/test-db';
import { storedText, testVault } from '../../support/vault';
import { rejection, ticketRow } from '../self-service/manage-fixture';
import { canaries, expectNoCanary, groupOrder, useBuyerGroupOrder } from './fixture';

const t = useTestDb();
const { fx, g, c, mine } = useBuyerGroupOrder(t);

async function storedAnswers(ticketId: string) {
  const rows = await t.db.select().from(answers).where(eq(answers.ticketId, ticketId));
  return Object.fromEntries(rows.map((r) => [r.questionId, storedText(r)]));
}

describe("the buyer's order link", () => {
  it('shows no sensitive answer or pronouns of attendee 2 on any page, subpage, file or email it reaches', async () => {
    const view = await getManageView(fx.ctx, g.token);
    expect(view).not.toBeNull();
    expectNoCanary('order page', view, c);
    const other = view!.tickets.get(g.otherTicketId)!;
    expect(other).toMatchObject({ privateToAttendee: true, pronouns: '', legalName: 'Alex Colleague' });
    // Non-sensitive answers the buyer entered are still there.
    expect(other.questions.map((q) => [q.key, q.value])).toEqual([['profession', 'Peer worker']]);

    for (const ticketId of [g.buyerTicketId, g.otherTicketId]) {
      // The edit, workshops and transfer subpages all read this.
      expectNoCanary(`ticket page ${ticketId}`, await getTicketPage(fx.ctx, g.token, ticketId), c);
      expectNoCanary(`agenda ${ticketId}`, await getAgenda(fx.ctx, g.token, ticketId), c);
    }
    expectNoCanary('receipt', await getReceipt(fx.ctx, g.token), c);
    expectNoCanary('order calendar', await orderCalendarByToken(fx.ctx, g.token), c);

    // Every email of the order, as it would be sent (the buyer's and attendee 2's ticket email alike).
    const messages = await t.db.select().from(emailMessages).where(eq(emailMessages.orderId, g.order.id));
    expect(messages.map((m) => m.kind).sort()).toEqual(['order_confirmation', 'payment_receipt', 'reminder', 'ticket']);
    for (const m of messages) expectNoCanary(`email ${m.kind}`, await composeEmail(fx.ctx, m), c);
  });

  it("shows the buyer's own answers and pronouns on the buyer's own ticket", async () => {
    const own = (await getManageView(fx.ctx, g.token))!.tickets.get(g.buyerTicketId)!;
    expect(own.privateToAttendee).toBe(false);
    expect(own.pronouns).toBe('she/her');
    expect(Object.fromEntries(own.questions.map((q) => [q.key, q.value]))).toMatchObject({
      dietary: mine.diet,
      access_needs: mine.access,
    });
  });

  it('links the buyer to their own page for their own ticket only', async () => {
    const view = (await getManageView(fx.ctx, g.token))!;
    const links = await issueBuyerOwnPageLinks(
      fx.ctx,
      view.view.order,
      view.event,
      [...view.tickets.values()],
      fx.clock.now(),
    );
    expect([...links.keys()]).toEqual([g.buyerTicketId]);
    const own = await getAttendeePage(fx.ctx, links.get(g.buyerTicketId)!);
    expect(own!.ticket.id).toBe(g.buyerTicketId);
    expect(own!.ticket.questions.find((q) => q.key === 'access_needs')!.value).toBe(mine.access);
    expectNoCanary("the buyer's own page", own, c);
  });

  it("refuses the buyer's change to attendee 2's sensitive answers or pronouns, and keeps them through other edits", async () => {
    const before = await storedAnswers(g.otherTicketId);
    const refused = await rejection(
      editAttendee(fx.ctx, {
        token: g.token,
        ticketId: g.otherTicketId,
        details: {
          badgeName: 'Alex',
          pronouns: 'he/him',
          answers: { profession: 'Peer worker', dietary: 'overwritten', access_needs: '' },
          directoryOptIn: false,
          photoPreference: 'no_photos',
        },
      }),
    );
    expect(refused.code).toBe('VALIDATION');
    expect(Object.keys(refused.fieldErrors).sort()).toEqual(['answers.access_needs', 'answers.dietary', 'pronouns']);
    expect(refused.fieldErrors['answers.dietary']).toEqual(['Only the attendee can change this, on their own page.']);
    expect(await storedAnswers(g.otherTicketId)).toEqual(before);

    // A permitted change (badge name, profession) leaves the private answers and pronouns as they were.
    const done = await editAttendee(fx.ctx, {
      token: g.token,
      ticketId: g.otherTicketId,
      details: {
        badgeName: 'Alexa',
        answers: { profession: 'Researcher' },
        directoryOptIn: false,
        photoPreference: 'no_photos',
      },
    });
    expect(done.changed).toEqual(['badge name', 'answers']);
    const after = await storedAnswers(g.otherTicketId);
    expect(Object.values(after)).toEqual(expect.arrayContaining([c.diet, c.access, 'Researcher']));
    expect(openPronouns(testVault, await ticketRow(t.db, g.otherTicketId))).toBe(c.pronouns);
  });
});

describe("attendee 2's own page", () => {
  it('shows their own answers and pronouns, and opens nothing of anyone else', async () => {
    const page = await getAttendeePage(fx.ctx, g.pageToken);
    expect(page).not.toBeNull();
    expect(page!.ticket.id).toBe(g.otherTicketId);
    expect(page!.ticket.pronouns).toBe(c.pronouns);
    expect(Object.fromEntries(page!.ticket.questions.map((q) => [q.key, q.value]))).toMatchObject({
      dietary: c.diet,
      access_needs: c.access,
    });
    expect(JSON.stringify(page)).not.toContain(mine.diet);
    expect(await ticketCalendarByToken(fx.ctx, g.pageToken)).toContain('BEGIN:VCALENDAR');
    // The order link is not a page token, and a page token is not an order link.
    expect(await getAttendeePage(fx.ctx, g.token)).toBeNull();
    expect(await getManageView(fx.ctx, g.pageToken)).toBeNull();
  });

  it('lets attendee 2 change their own sensitive answers and pronouns, which the buyer still cannot see', async () => {
    const result = await editOwnDetails(fx.ctx, {
      token: g.pageToken,
      details: {
        badgeName: 'Alex',
        pronouns: 'they/them',
        answers: { profession: 'Peer worker', dietary: `${c.diet} and no nuts`, access_needs: c.access },
        directoryOptIn: false,
        photoPreference: 'no_photos',
      },
    });
    expect(result.changed).toEqual(expect.arrayContaining(['pronouns', 'answers']));
    const page = await getAttendeePage(fx.ctx, g.pageToken);
    expect(page!.ticket.pronouns).toBe('they/them');
    expect(page!.ticket.questions.find((q) => q.key === 'dietary')!.value).toBe(`${c.diet} and no nuts`);
    const buyerView = await getManageView(fx.ctx, g.token);
    expect(JSON.stringify(buyerView)).not.toContain('no nuts');
    expect(JSON.stringify(buyerView)).not.toContain('they/them');
  });

  it('opens nothing for an unknown, revoked or lapsed link', async () => {
    expect(await getAttendeePage(fx.ctx, 'x'.repeat(43))).toBeNull();
    expect(await getAttendeePage(fx.ctx, '../../etc')).toBeNull();
    const lapsed = await groupOrder(fx, canaries());
    await t.db
      .update(ticketTokens)
      .set({ expiresAt: new Date(fx.clock.now().getTime() - 1000) })
      .where(eq(ticketTokens.ticketId, lapsed.otherTicketId));
    expect(await getAttendeePage(fx.ctx, lapsed.pageToken)).toBeNull();
    await t.db
      .update(ticketTokens)
      .set({ expiresAt: null, revokedAt: fx.clock.now(), revokedReason: 'cancelled' })
      .where(eq(ticketTokens.ticketId, lapsed.otherTicketId));
    expect(await getAttendeePage(fx.ctx, lapsed.pageToken)).toBeNull();
    expect(await rejection(editOwnDetails(fx.ctx, { token: lapsed.pageToken, details: {} }))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

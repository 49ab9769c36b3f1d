// IDOR (QUALITY.md S5): attendee A holds their own order link, ticket ids and feed address, and knows (or
// guesses) B's order id, reference, ticket ids and link hashes. Every way in to B's order, tickets, receipt,
// calendars, agenda and feed, reading or writing, must fail: 0 successes, and B's rows unchanged.
import { createHmac, randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  agendaItems,
  answers,
  auditLog,
  emailMessages,
  orderLinks,
  orders,
  ticketTokens,
  tickets,
  workshopSeats,
} from '@/db/schema';
import { getAgendaFeed, resetAgendaFeed } from '@/lib/agenda/feed';
import { getAgenda } from '@/lib/agenda/queries';
import { setStar } from '@/lib/agenda/star';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { createOrder } from '@/lib/orders/create-order';
import { getOrderByToken } from '@/lib/orders/queries';
import { getReceipt } from '@/lib/payments/queries';
import { orderLinkState, renewExpiredLink } from '@/lib/self-service/access-links';
import { changeWorkshops } from '@/lib/self-service/change-workshops';
import { editAttendee } from '@/lib/self-service/edit-attendee';
import { getManageView, getTicketPage } from '@/lib/self-service/manage';
import { transferTicket } from '@/lib/self-service/transfer';
import { orderCalendarByToken, ticketCalendarByToken, ticketQrPng } from '@/lib/tickets/by-token';
import { hashToken, newSecretToken } from '@/lib/tokens';
import { mulberry32 } from '../../support/random';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
const SECRET = 'idor-test-secret-idor-test-secret-0000';
const config = testConfig({ AUTH_SECRET: SECRET, APP_URL: 'https://conference.example.org' });

async function paidOrder(fx: Awaited<ReturnType<typeof buildRegistrationFixture>>, name: string) {
  const people = [attendee(fx.fullPass.id, { workshopIds: [fx.workshops[0]!.id] }), attendee(fx.fullPass.id)];
  const { order, accessToken } = await createOrder(
    fx.ctx,
    fx.event.id,
    registration(people, { buyer: { name, email: `${name.toLowerCase()}-${randomUUID()}@example.org` } }),
    { clientKey: null },
  );
  await t.db
    .update(orders)
    .set({ status: 'paid', paidAt: fx.clock.now(), paymentState: 'paid', amountPaid: order.total })
    .where(eq(orders.id, order.id));
  const rows = await t.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(eq(tickets.orderId, order.id))
    .orderBy(tickets.position);
  const ticketIds = rows.map((r) => r.id);
  // An emailed link and QR tokens exist for B too: their hashes are what a database leak would show.
  const linkToken = newSecretToken();
  await t.db
    .insert(orderLinks)
    .values({ orderId: order.id, tokenHash: hashToken(linkToken), createdAt: fx.clock.now(), expiresAt: null });
  const qr = await issueTicketTokens(t.db, ticketIds, fx.clock.now());
  return { order, token: accessToken, linkToken, ticketIds, qrTokens: [...qr.values()] };
}

function feedSig(result: Awaited<ReturnType<typeof getAgenda>>): string | null {
  return result.state === 'ok' ? (/\/([A-Za-z0-9_-]{43})\.ics$/.exec(result.view.feed.https)?.[1] ?? null) : null;
}

/** Everything stored about an order, to compare before and after the attempts. */
async function snapshot(orderId: string) {
  const ticketRows = await t.db.select().from(tickets).where(eq(tickets.orderId, orderId)).orderBy(tickets.position);
  const ids = ticketRows.map((r) => r.id);
  return {
    order: await t.db.select().from(orders).where(eq(orders.id, orderId)),
    tickets: ticketRows,
    answers: await t.db.select().from(answers).where(inArray(answers.ticketId, ids)),
    seats: await t.db.select().from(workshopSeats).where(inArray(workshopSeats.ticketId, ids)),
    agenda: await t.db.select().from(agendaItems).where(inArray(agendaItems.ticketId, ids)),
    tokens: await t.db.select().from(ticketTokens).where(inArray(ticketTokens.ticketId, ids)),
    links: await t.db.select().from(orderLinks).where(eq(orderLinks.orderId, orderId)),
    emails: await t.db.select().from(emailMessages).where(eq(emailMessages.orderId, orderId)),
    audit: await t.db.select().from(auditLog).where(eq(auditLog.orderId, orderId)),
  };
}

describe('IDOR: attendee A against attendee B', () => {
  it('gets nothing of B by B’s ids, references, stored hashes or guessed tokens, and changes nothing of B', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'idor' });
    const ctx = { ...fx.ctx, config };
    const a = await paidOrder(fx, 'Alex');
    const b = await paidOrder(fx, 'Blake');
    await setStar(ctx, { token: b.token, ticketId: b.ticketIds[0]!, sessionId: fx.workshops[1]!.id, starred: true });
    const before = await snapshot(b.order.id);

    // What A can see or work out about B, used as tokens: ids, the reference, the hashes stored for B's links
    // and QR codes, A's own secrets changed by one character, and random guesses.
    const flip = (s: string) => `${s.slice(0, -1)}${s.endsWith('A') ? 'B' : 'A'}`;
    const random = mulberry32(5);
    const guesses = Array.from({ length: 200 }, () =>
      Buffer.from(Array.from({ length: 32 }, () => Math.floor(random() * 256))).toString('base64url'),
    );
    const bKeys = [
      b.order.id,
      b.order.reference,
      ...b.ticketIds,
      b.order.accessTokenHash,
      hashToken(b.linkToken),
      ...b.qrTokens.map(hashToken),
    ];
    const fakeTokens = [
      ...bKeys,
      flip(a.token),
      flip(a.linkToken),
      ...guesses,
      '',
      ' ',
      '../' + a.token,
      `${a.token}/../${b.token.slice(0, 5)}`,
    ];

    const attempts: { what: string; ok: boolean }[] = [];
    const read = async (what: string, result: Promise<unknown>) => {
      const value = await result.catch(() => null);
      const ok =
        value !== null &&
        value !== undefined &&
        !(typeof value === 'object' && 'state' in value && (value as { state: string }).state !== 'ok');
      attempts.push({ what, ok });
    };
    const write = async (what: string, result: Promise<unknown>) => {
      attempts.push({
        what,
        ok: await result.then(
          () => true,
          () => false,
        ),
      });
    };
    const edit = { badgeName: 'Taken over', answers: { profession: 'Other' } };
    const workshops = { workshopIds: [fx.workshops[1]!.id] };
    const person = () => ({ legalName: 'Mallory Taker', email: `mallory-${randomUUID()}@example.org` });

    for (const token of fakeTokens) {
      await read(`order ${token}`, getOrderByToken(ctx, token));
      await read(`receipt ${token}`, getReceipt(ctx, token));
      await read(`manage page ${token}`, getManageView(ctx, token));
      await read(`order calendar ${token}`, orderCalendarByToken(ctx, token));
      await read(`ticket calendar ${token}`, ticketCalendarByToken(ctx, token));
      await read(`ticket QR ${token}`, ticketQrPng(ctx, token));
      await read(`agenda ${token}`, getAgenda(ctx, token, null));
      attempts.push({ what: `link state ${token}`, ok: (await orderLinkState(ctx, token)) !== 'unknown' });
      await renewExpiredLink(ctx, token);
    }

    // A's own, valid link, with B's ticket ids: every ticket-level read and write.
    for (const ticketId of [...b.ticketIds, ...b.ticketIds.map((id) => id.toUpperCase())]) {
      await read(`agenda of ${ticketId}`, getAgenda(ctx, a.token, ticketId));
      await read(`ticket page of ${ticketId}`, getTicketPage(ctx, a.token, ticketId));
      await write(
        `star ${ticketId}`,
        setStar(ctx, { token: a.token, ticketId, sessionId: fx.workshops[0]!.id, starred: true }),
      );
      await write(
        `unstar ${ticketId}`,
        setStar(ctx, { token: a.token, ticketId, sessionId: fx.workshops[1]!.id, starred: false }),
      );
      await write(`reset feed ${ticketId}`, resetAgendaFeed(ctx, { token: a.token, ticketId }));
      await write(`edit ${ticketId}`, editAttendee(ctx, { token: a.token, ticketId, details: edit }));
      await write(`workshops ${ticketId}`, changeWorkshops(ctx, { token: a.token, ticketId, choice: workshops }));
      await write(`transfer ${ticketId}`, transferTicket(ctx, { token: a.token, ticketId, person: person() }));
    }

    // B's feed: A's signature, a signature under another key, B's id with A's feed address, and every version.
    const aAgenda = await getAgenda(ctx, a.token, null);
    const aSig = feedSig(aAgenda)!;
    for (const ticketId of b.ticketIds) {
      const sigs = [
        aSig,
        flip(aSig),
        ...[0, 1, 2, 3].map((v) =>
          createHmac('sha256', 'not-the-secret-not-the-secret').update(`agenda:${ticketId}:${v}`).digest('base64url'),
        ),
      ];
      for (const sig of sigs) await read(`feed ${ticketId}/${sig}`, getAgendaFeed(ctx, ticketId, sig));
    }

    // 8 ways in per token, 8 per ticket id (as given and upper-cased), 6 feed signatures per ticket of B.
    expect(attempts).toHaveLength(fakeTokens.length * 8 + b.ticketIds.length * 2 * 8 + b.ticketIds.length * 6);
    expect(attempts.filter((x) => x.ok).map((x) => x.what)).toEqual([]);
    expect(await snapshot(b.order.id)).toEqual(before);

    // The same calls with the right secrets work: the attempts above failed for the right reason.
    const own = a.ticketIds[0]!;
    await setStar(ctx, { token: a.token, ticketId: own, sessionId: fx.workshops[0]!.id, starred: true });
    await resetAgendaFeed(ctx, { token: a.token, ticketId: own });
    await editAttendee(ctx, { token: a.token, ticketId: own, details: edit });
    await changeWorkshops(ctx, { token: a.token, ticketId: own, choice: workshops });
    await transferTicket(ctx, { token: a.token, ticketId: own, person: person() });
    expect(await getAgendaFeed(ctx, b.ticketIds[0]!, feedSig(await getAgenda(ctx, b.token, null))!)).not.toBeNull();
    expect((await getOrderByToken(ctx, b.token))?.order.id).toBe(b.order.id);
    expect((await getOrderByToken(ctx, b.linkToken))?.order.id).toBe(b.order.id);
    expect(await getReceipt(ctx, b.token)).not.toBeNull();
    expect((await getAgenda(ctx, b.token, b.ticketIds[1]!)).state).toBe('ok');
    expect(await ticketQrPng(ctx, b.qrTokens[0]!)).not.toBeNull();
  });

  it('hands out links and ids nobody can guess: 256-bit tokens, random UUIDs, hashes only at rest', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'idor-shape' });
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await paidOrder(fx, `Person${i}`));
    for (const m of made) {
      expect(Buffer.from(m.token, 'base64url')).toHaveLength(32);
      expect(m.order.accessTokenHash).toBe(hashToken(m.token));
      expect(m.order.accessTokenHash).not.toContain(m.token);
      for (const id of m.ticketIds)
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(made.map((m) => m.token)).size).toBe(made.length);
    const refs = made.map((m) => m.order.reference);
    // References are for reading out on the phone, not keys: none of them opens an order.
    for (const ref of refs) expect(await getOrderByToken(fx.ctx, ref)).toBeNull();
  });
});

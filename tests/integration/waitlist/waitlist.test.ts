// Waiting lists: join for a sold-out ticket and confirm, get an offer when a hold lapses, the offer holds the seat
// for the person offered, and an offer that lapses passes the seat to the next person in line.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capacityPools, orders, waitlistEntries } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { quoteOrder } from '@/lib/orders/quote';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { joinWaitlist } from '@/lib/waitlist/join';
import { findLiveOffer, offerFreedSeats } from '@/lib/waitlist/offers';
import { hashToken } from '@/lib/tokens';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { confirmationToken, joinAndConfirm } from '../../support/waitlist';
import { confirmWaitlistEntry } from '@/lib/waitlist/confirm';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
const HOLD_MS = 15 * 60_000;
// The default offer time: 4 hours.
const OFFER_MS = 240 * 60_000;
let slugs = 0;

async function soldOutFixture(options: Parameters<typeof buildRegistrationFixture>[1] = {}) {
  const fx = await buildRegistrationFixture(t.db, { slug: `wl${++slugs}`, fullPassCapacity: 1, ...options });
  // Someone takes the only seat and walks away from the payment page.
  const abandoned = await buy(fx, 'abandoner@example.org');
  expect(abandoned).toBe('ok');
  return fx;
}

async function buy(
  fx: Fixture,
  email: string,
  extra: Record<string, unknown> = {},
  typeId?: string,
): Promise<'ok' | DomainError> {
  const a = typeId ? attendee(typeId, { answers: {} }) : attendee(fx.fullPass.id);
  return createOrder(fx.ctx, fx.event.id, registration([a], { buyer: { name: 'Buyer', email }, ...extra }), {
    clientKey: null,
  }).then(
    () => 'ok' as const,
    (e: unknown) => {
      if (e instanceof DomainError) return e;
      throw e;
    },
  );
}

const codeOf = (o: 'ok' | DomainError) => (o === 'ok' ? 'ok' : o.code);

async function join(fx: Fixture, name: string, ticketTypeId = fx.fullPass.id) {
  return {
    entry: {
      id: await joinAndConfirm(fx.ctx, fx.event.id, { name, email: `${name.toLowerCase()}@example.org`, ticketTypeId }),
    },
  };
}

async function entry(id: string) {
  const [row] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row!;
}

describe('waiting list', () => {
  it('lets people join for a sold-out ticket type, once each, and counts them once confirmed', async () => {
    const fx = await soldOutFixture();
    expect(codeOf(await buy(fx, 'bea@example.org'))).toBe('SOLD_OUT');
    const first = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Bea', email: 'bea@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(first.outcome).toBe('confirmation_sent');
    expect(await entry(first.entryId!)).toMatchObject({
      status: 'waiting',
      email: 'bea@example.org',
      ticketTypeId: fx.fullPass.id,
      offerTokenHash: null,
      confirmedAt: null,
    });
    // Asking again before confirming sends a fresh link for the same entry.
    const again = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Bea again', email: 'BEA@Example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(again).toEqual({ outcome: 'confirmation_resent', entryId: first.entryId });
    expect((await confirmWaitlistEntry(fx.ctx, await confirmationToken(fx.ctx, first.entryId!))).state).toBe(
      'confirmed',
    );
    // Once confirmed, asking again changes nothing and sends nothing.
    const third = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Bea', email: 'bea@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(third).toEqual({ outcome: 'already_waiting', entryId: first.entryId });
    const [n] = await t.db.select({ n: count() }).from(waitlistEntries).where(eq(waitlistEntries.eventId, fx.event.id));
    expect(n!.n).toBe(1);
    expect((await entry(first.entryId!)).confirmedAt).toEqual(FIXTURE_NOW);
  });

  it("refuses to join for a hidden ticket type, another event's ticket type or a session without capacity", async () => {
    const fx = await soldOutFixture();
    const other = await buildRegistrationFixture(t.db, { slug: `wl-other${slugs}` });
    for (const ticketTypeId of [fx.scholarship.id, other.fullPass.id]) {
      const e = await joinWaitlist(
        fx.ctx,
        fx.event.id,
        { name: 'Zed', email: 'zed@example.org', ticketTypeId },
        { clientKey: null },
      ).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('NOT_FOUND');
    }
    const both = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Zed', email: 'zed@example.org', ticketTypeId: fx.fullPass.id, sessionId: fx.workshops[0]!.id },
      { clientKey: null },
    ).catch((x: unknown) => x);
    expect((both as DomainError).code).toBe('VALIDATION');
  });

  it('offers a seat freed by a lapsed hold to the first in line, holds it for them, and lets them register with the offer', async () => {
    const fx = await soldOutFixture();
    const bea = await join(fx, 'Bea');
    fx.clock.advance(1000);
    const cal = await join(fx, 'Cal');

    // While the hold is live nothing is offered.
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);

    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    const offers = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offers).toHaveLength(1);
    const offer = offers[0]!;
    expect(offer).toMatchObject({
      entryId: bea.entry.id,
      email: 'bea@example.org',
      ticketTypeId: fx.fullPass.id,
      sessionId: null,
    });
    expect(offer.expiresAt).toEqual(new Date(fx.clock.now().getTime() + OFFER_MS));
    expect(offer.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(offer.expiresAt.toISOString()).toBe(new Date(fx.clock.now().getTime() + OFFER_MS).toISOString());
    expect(await entry(bea.entry.id)).toMatchObject({ status: 'offered', offerTokenHash: hashToken(offer.token) });
    expect((await entry(cal.entry.id)).status).toBe('waiting');
    // Running it again offers nothing more: the seat is spoken for.
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);

    // The offer counts as a taken seat: a buyer off the street is turned away.
    const stranger = await buy(fx, 'stranger@example.org');
    expect(codeOf(stranger)).toBe('SOLD_OUT');
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.fullPass.id)).toMatchObject({
      remaining: 0,
      status: 'sold_out',
    });

    // An offer cannot be used for another ticket type.
    const wrongType = await buy(fx, 'bea@example.org', { offerToken: offer.token }, fx.virtual.id);
    expect(codeOf(wrongType)).toBe('VALIDATION');
    expect((wrongType as DomainError).fieldErrors.offerToken).toBeDefined();

    // Bea registers with her offer and gets the seat.
    const created = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id)], {
        buyer: { name: 'Bea', email: 'bea@example.org' },
        offerToken: offer.token,
      }),
      { clientKey: null },
    );
    expect(created.order.status).toBe('pending_payment');
    expect((await entry(bea.entry.id)).status).toBe('accepted');
    expect(await findLiveOffer(t.db, fx.event.id, offer.token, fx.clock.now())).toBeNull();

    // The offer is used up, and the seat is still just one seat.
    const reuse = await buy(fx, 'bea2@example.org', { offerToken: offer.token });
    expect(codeOf(reuse)).toBe('HOLD_EXPIRED');
    expect(codeOf(await buy(fx, 'stranger@example.org'))).toBe('SOLD_OUT');
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);
    expect((await entry(cal.entry.id)).status).toBe('waiting');
  });

  it("answers a quote (the review step) for seats held by someone else's live offer as createOrder does", async () => {
    const fx = await soldOutFixture();
    await join(fx, 'Quinn');
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    const [offer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offer).toBeDefined();
    const settle = (p: Promise<unknown>) =>
      p.then(
        () => 'ok' as const,
        (e: unknown) => {
          if (e instanceof DomainError) return { code: e.code, fieldErrors: e.fieldErrors, details: e.details };
          throw e;
        },
      );
    const ask = (email: string, extra: Record<string, unknown> = {}, typeId = fx.fullPass.id) => {
      const input = registration([typeId === fx.fullPass.id ? attendee(typeId) : attendee(typeId, { answers: {} })], {
        buyer: { name: 'Buyer', email },
        ...extra,
      });
      return {
        quote: settle(quoteOrder(fx.ctx, fx.event, input, { clientKey: null })),
        create: () => settle(createOrder(fx.ctx, fx.event.id, input, { clientKey: null })),
      };
    };

    // A stranger: the offered seat is taken, so the quote refuses it with the same answer the order gets.
    const stranger = ask('stranger@example.org');
    const strangerQuote = await stranger.quote;
    expect(strangerQuote).toMatchObject({
      code: 'SOLD_OUT',
      details: { pool: 'ticket_type', ticketTypeId: fx.fullPass.id, remaining: 0 },
    });
    expect(await stranger.create()).toEqual(strangerQuote);

    // The offer used for another ticket type: refused alike.
    const wrong = ask('quinn@example.org', { offerToken: offer!.token }, fx.virtual.id);
    const wrongQuote = await wrong.quote;
    expect(wrongQuote).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { offerToken: ['Choose the ticket or workshop you were offered'] },
    });
    expect(await wrong.create()).toEqual(wrongQuote);

    // Quinn with the offer: quoted, then registered.
    const quinn = ask('quinn@example.org', { offerToken: offer!.token });
    expect(await quinn.quote).toBe('ok');
    expect(await quinn.create()).toBe('ok');
  });

  it('refuses an expired offer with HOLD_EXPIRED and passes the seat to the next person on the next run', async () => {
    const fx = await soldOutFixture();
    const bea = await join(fx, 'Bea');
    fx.clock.advance(1000);
    const cal = await join(fx, 'Cal');
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    const [beaOffer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(beaOffer?.entryId).toBe(bea.entry.id);

    // One millisecond before it lapses, the offer still holds the seat.
    fx.clock.set(new Date(beaOffer!.expiresAt.getTime() - 1));
    expect(codeOf(await buy(fx, 'stranger@example.org'))).toBe('SOLD_OUT');

    fx.clock.set(beaOffer!.expiresAt);
    const late = await buy(fx, 'bea@example.org', { offerToken: beaOffer!.token });
    expect(codeOf(late)).toBe('HOLD_EXPIRED');
    expect((late as DomainError).fieldErrors.offerToken).toEqual(['This offer is no longer valid']);
    const [mine] = await t.db
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.eventId, fx.event.id), eq(orders.buyerEmail, 'bea@example.org')));
    expect(mine!.n).toBe(0);

    const next = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(next.map((o) => o.entryId)).toEqual([cal.entry.id]);
    expect((await entry(bea.entry.id)).status).toBe('expired');
    expect(codeOf(await buy(fx, 'bea@example.org', { offerToken: beaOffer!.token }))).toBe('HOLD_EXPIRED');
    expect(codeOf(await buy(fx, 'cal@example.org', { offerToken: next[0]!.token }))).toBe('ok');
    expect((await entry(cal.entry.id)).status).toBe('accepted');
  });

  it('offers as many seats as were freed, in list order', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `wl${++slugs}`, fullPassCapacity: 3 });
    for (const email of ['a1@example.org', 'a2@example.org', 'a3@example.org']) expect(await buy(fx, email)).toBe('ok');
    const waiting = [];
    for (const name of ['Dee', 'Eli', 'Fay', 'Gus']) {
      waiting.push(await join(fx, name));
      fx.clock.advance(1000);
    }
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    const offers = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offers.map((o) => o.email)).toEqual(['dee@example.org', 'eli@example.org', 'fay@example.org']);
    expect((await entry(waiting[3]!.entry.id)).status).toBe('waiting');
  });

  it('offers nothing for a ticket type without its own limit while the event itself is full', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `wl${++slugs}`, eventCapacity: 1 });
    expect(await buy(fx, 'first@example.org', {}, fx.virtual.id)).toBe('ok');
    expect(codeOf(await buy(fx, 'second@example.org', {}, fx.virtual.id))).toBe('SOLD_OUT');
    await join(fx, 'Hal', fx.virtual.id);
    // The virtual pass has no capacity of its own, but the event has no seat to offer.
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);
    fx.clock.advance(HOLD_MS);
    const offers = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offers.map((o) => o.email)).toEqual(['hal@example.org']);
    expect(codeOf(await buy(fx, 'hal@example.org', { offerToken: offers[0]!.token }, fx.virtual.id))).toBe('ok');
    // The event holds exactly its one seat again.
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.virtual.id)).toMatchObject({
      remaining: 0,
      status: 'sold_out',
    });
    expect(codeOf(await buy(fx, 'third@example.org', {}, fx.virtual.id))).toBe('SOLD_OUT');
  });

  it('offers nothing while a shared pool of the ticket type is full, even with seats left in the type itself', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `wl${++slugs}`, fullPassCapacity: 100 });
    await t.db.update(capacityPools).set({ capacity: 1 }).where(eq(capacityPools.id, fx.venue.id));
    expect(await buy(fx, 'first@example.org')).toBe('ok');
    const blocked = await buy(fx, 'second@example.org');
    expect(codeOf(blocked)).toBe('SOLD_OUT');
    expect((blocked as DomainError).details).toMatchObject({ pool: 'shared', poolId: fx.venue.id });
    await join(fx, 'Jo');
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);
    fx.clock.advance(HOLD_MS);
    expect((await offerFreedSeats(fx.ctx, fx.event.id)).map((o) => o.email)).toEqual(['jo@example.org']);
  });

  it('offers a freed workshop seat to the person waiting for that workshop', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `wl${++slugs}`, workshopCapacities: [1, 10] });
    const w = fx.workshops[0]!;
    expect(await buy(fx, 'ws1@example.org', {}, undefined)).toBe('ok');
    const holder = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id, { workshopIds: [w.id] })]),
      { clientKey: null },
    );
    expect(holder.order.status).toBe('pending_payment');
    const ivy = {
      entry: {
        id: await joinAndConfirm(fx.ctx, fx.event.id, { name: 'Ivy', email: 'ivy@example.org', sessionId: w.id }),
      },
    };
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);
    fx.clock.advance(HOLD_MS);
    const [offer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offer).toMatchObject({ entryId: ivy.entry.id, sessionId: w.id, ticketTypeId: null });
    const taken = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id, { workshopIds: [w.id] })]),
      { clientKey: null },
    ).catch((e: unknown) => e);
    expect((taken as DomainError).code).toBe('SOLD_OUT');
    const ok = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id, { workshopIds: [w.id] })], { offerToken: offer!.token }),
      { clientKey: null },
    );
    expect(ok.order.status).toBe('pending_payment');
  });
});

// Double opt-in: a join queues a confirmation email holding no secret; the link it gets when composed confirms
// once; unconfirmed entries are never offered a seat and lapse after WAITLIST_CONFIRM_HOURS.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, waitlistEntries } from '@/db/schema';
import { composeEmail } from '@/lib/email/compose';
import { createOrder } from '@/lib/orders/create-order';
import { confirmWaitlistEntry, waitlistConfirmState } from '@/lib/waitlist/confirm';
import { joinWaitlist, WAITLIST_CONFIRM_HOURS } from '@/lib/waitlist/join';
import { offerFreedSeats } from '@/lib/waitlist/offers';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { CONFIRM_LINK, confirmationMessage, confirmationToken } from '../../support/waitlist';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
const HOLD_MS = 15 * 60_000;
const CONFIRM_MS = WAITLIST_CONFIRM_HOURS * 3_600_000;
let slugs = 0;

/** One full pass, held by someone who will not pay (full now, free once the hold lapses), or paid for. */
async function heldFixture(paid = false): Promise<Fixture> {
  const fx = await buildRegistrationFixture(t.db, { slug: `cf${++slugs}`, fullPassCapacity: 1 });
  const { order } = await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), {
    clientKey: null,
  });
  if (paid) await t.db.update(orders).set({ status: 'paid', paidAt: fx.clock.now() }).where(eq(orders.id, order.id));
  return fx;
}

async function join(fx: Fixture, name: string) {
  const joined = await joinWaitlist(
    fx.ctx,
    fx.event.id,
    { name, email: `${name.toLowerCase()}@example.org`, ticketTypeId: fx.fullPass.id },
    { clientKey: null },
  );
  expect(joined.outcome).toBe('confirmation_sent');
  return joined.entryId!;
}

async function entry(id: string) {
  const [row] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id));
  return row!;
}

describe('confirming a waiting-list entry', () => {
  it('queues an email naming the entry only, whose composed link confirms it once, at that moment', async () => {
    const fx = await heldFixture();
    const id = await join(fx, 'Noor');
    const message = await confirmationMessage(fx.ctx, id);
    expect(message).toMatchObject({ toEmail: 'noor@example.org', params: { entryId: id }, status: 'queued' });
    expect(await entry(id)).toMatchObject({
      confirmedAt: null,
      confirmExpiresAt: new Date(fx.clock.now().getTime() + CONFIRM_MS),
    });

    const composed = await composeEmail(fx.ctx, message!);
    expect(composed?.subject).toBe('Please confirm your waiting-list request');
    expect(composed?.text).toContain('Full pass');
    expect(composed?.text).not.toContain('Fixture conference');
    const token = CONFIRM_LINK.exec(composed!.text)![1]!;
    expect(composed!.text).toContain(`http://localhost:3000/register/waitlist/confirm/${token}`);
    // Only the link's hash is stored; the outbox row never held it.
    expect(JSON.stringify(message)).not.toContain(token);

    expect(await waitlistConfirmState(fx.ctx, token)).toEqual({
      state: 'pending',
      requestedFor: 'Full pass',
      confirmBy: new Date(fx.clock.now().getTime() + CONFIRM_MS),
    });
    fx.clock.advance(60_000);
    const [a, b] = await Promise.all([confirmWaitlistEntry(fx.ctx, token), confirmWaitlistEntry(fx.ctx, token)]);
    expect([a, b].map((r) => r.state)).toEqual(['confirmed', 'confirmed']);
    expect([a, b].filter((r) => r.state === 'confirmed' && r.justNow)).toHaveLength(1);
    expect((await entry(id)).confirmedAt).toEqual(fx.clock.now());
    // The link is used: it says so, calmly, and changes nothing.
    fx.clock.advance(60_000);
    expect(await confirmWaitlistEntry(fx.ctx, token)).toEqual({
      state: 'confirmed',
      requestedFor: 'Full pass',
      justNow: false,
    });
    expect((await entry(id)).confirmedAt).toEqual(new Date(fx.clock.now().getTime() - 60_000));
    // Once confirmed, a queued confirmation email no longer applies.
    expect(await composeEmail(fx.ctx, message!)).toBeNull();
  });

  it('answers unknown and malformed links as unknown, changing nothing', async () => {
    const fx = await heldFixture();
    const id = await join(fx, 'Uma');
    for (const token of ['', 'short', 'x'.repeat(43), '../../etc/passwd', `${'a'.repeat(43)}'--`]) {
      expect(await waitlistConfirmState(fx.ctx, token)).toEqual({ state: 'unknown' });
      expect(await confirmWaitlistEntry(fx.ctx, token)).toEqual({ state: 'unknown' });
    }
    expect((await entry(id)).confirmedAt).toBeNull();
  });

  it('lets an unconfirmed entry lapse after its deadline: the link says expired, and it is never offered', async () => {
    const fx = await heldFixture();
    const id = await join(fx, 'Ola');
    const token = await confirmationToken(fx.ctx, id);
    fx.clock.advance(CONFIRM_MS);
    expect(await waitlistConfirmState(fx.ctx, token)).toEqual({ state: 'expired' });
    expect(await confirmWaitlistEntry(fx.ctx, token)).toEqual({ state: 'expired' });
    expect(await composeEmail(fx.ctx, (await confirmationMessage(fx.ctx, id))!)).toBeNull();
    // The seat is free by now (the hold lapsed long ago), yet nobody confirmed: nothing is offered.
    expect(await offerFreedSeats(fx.ctx, fx.event.id)).toEqual([]);
    expect(await entry(id)).toMatchObject({ status: 'expired', confirmedAt: null, offerTokenHash: null });
  });

  it('never offers a seat to an unconfirmed entry, even one that joined first; offers follow confirmation order', async () => {
    const fx = await heldFixture();
    const early = await join(fx, 'Early');
    fx.clock.advance(1000);
    const second = await join(fx, 'Second');
    fx.clock.advance(1000);
    const third = await join(fx, 'Third');
    // Third confirms before Second; Early never does.
    for (const id of [third, second]) {
      fx.clock.advance(1000);
      expect((await confirmWaitlistEntry(fx.ctx, await confirmationToken(fx.ctx, id))).state).toBe('confirmed');
    }
    fx.clock.advance(HOLD_MS);
    const first = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(first.map((o) => o.entryId)).toEqual([third]);
    // The offer lapses unused: the seat goes to the next confirmed entry, still not to Early.
    fx.clock.set(first[0]!.expiresAt);
    expect((await offerFreedSeats(fx.ctx, fx.event.id)).map((o) => o.entryId)).toEqual([second]);
    expect(await entry(early)).toMatchObject({ status: 'waiting', confirmedAt: null });
  });

  it('sends a fresh link with a fresh deadline when someone asks again before confirming; every link works', async () => {
    const fx = await heldFixture(true);
    const id = await join(fx, 'Pia');
    const firstToken = await confirmationToken(fx.ctx, id);
    fx.clock.advance(20 * 3_600_000);
    const again = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Pia', email: 'pia@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(again).toEqual({ outcome: 'confirmation_resent', entryId: id });
    expect((await entry(id)).confirmExpiresAt).toEqual(new Date(fx.clock.now().getTime() + CONFIRM_MS));
    const secondToken = await confirmationToken(fx.ctx, id);
    expect(secondToken).not.toBe(firstToken);
    // Past the first deadline, the first link still confirms: the entry's deadline decides.
    fx.clock.advance(5 * 3_600_000);
    expect((await confirmWaitlistEntry(fx.ctx, firstToken)).state).toBe('confirmed');
    expect((await waitlistConfirmState(fx.ctx, secondToken)).state).toBe('confirmed');
  });

  it('says a confirmed place has ended once its offer was used', async () => {
    const fx = await heldFixture();
    const id = await join(fx, 'Rui');
    const token = await confirmationToken(fx.ctx, id);
    await confirmWaitlistEntry(fx.ctx, token);
    fx.clock.advance(HOLD_MS);
    const [offer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offer?.entryId).toBe(id);
    expect((await waitlistConfirmState(fx.ctx, token)).state).toBe('confirmed');
    fx.clock.set(offer!.expiresAt);
    await offerFreedSeats(fx.ctx, fx.event.id);
    expect(await waitlistConfirmState(fx.ctx, token)).toEqual({ state: 'closed' });
  });
});

// Joining a waiting list (QUALITY.md S15): only while the thing is really full, measured under the pool locks;
// throttled per client and per address; capped per address; and nothing is written when the answer is no.
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { capacityPools, emailMessages, events, orders, rateLimits, waitlistEntries } from '@/db/schema';
import { poolKey } from '@/lib/capacity/availability';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { joinWaitlist, WAITLIST_LIMITS } from '@/lib/waitlist/join';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { whileHoldingPools } from '../../support/pool-lock';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let slugs = 0;

async function fixture(options: Parameters<typeof buildRegistrationFixture>[1] = {}) {
  return buildRegistrationFixture(t.db, { slug: `join${++slugs}`, ...options });
}

async function hold(fx: Fixture, typeId = fx.fullPass.id, workshopIds: string[] = []) {
  return createOrder(
    fx.ctx,
    fx.event.id,
    registration([attendee(typeId, { workshopIds, ...(typeId === fx.fullPass.id ? {} : { answers: {} }) })]),
    { clientKey: null },
  );
}

/** A paid order, so the seat stays taken however far a test moves the clock. */
async function sell(fx: Fixture, typeId = fx.fullPass.id, workshopIds: string[] = []) {
  const { order } = await hold(fx, typeId, workshopIds);
  await t.db.update(orders).set({ status: 'paid', paidAt: fx.clock.now() }).where(eq(orders.id, order.id));
  return order;
}

type Target = { ticketTypeId: string } | { sessionId: string };

function tryJoin(
  fx: Fixture,
  email: string,
  target: Target = { ticketTypeId: fx.fullPass.id },
  clientKey: string | null = null,
) {
  return joinWaitlist(fx.ctx, fx.event.id, { name: 'Robin Waiting', email, ...target }, { clientKey }).then(
    (r) => r.outcome as string,
    (e: unknown) => {
      if (e instanceof DomainError)
        return e.code === 'CONFLICT' && e.details.reason === 'seats_available' ? 'SEATS_AVAILABLE' : e.code;
      throw e;
    },
  );
}

async function written(fx: Fixture) {
  const [entries] = await t.db
    .select({ n: count() })
    .from(waitlistEntries)
    .where(eq(waitlistEntries.eventId, fx.event.id));
  const [mails] = await t.db
    .select({ n: count() })
    .from(emailMessages)
    .where(eq(emailMessages.kind, 'waitlist_confirm'));
  return { entries: entries!.n, mails: mails!.n };
}

describe('joining a waiting list', () => {
  it('refuses, writing nothing, while the ticket type, its shared pool, the event or the workshop has a free seat', async () => {
    const fx = await fixture({ fullPassCapacity: 2, workshopCapacities: [1] });
    const before = await written(fx);
    const refused = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'Robin', email: 'robin@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      message: 'Seats are available: register instead.',
      details: { reason: 'seats_available' },
    });
    // One seat of two taken: still not full.
    await hold(fx);
    expect(await tryJoin(fx, 'robin@example.org')).toBe('SEATS_AVAILABLE');
    // A ticket type without a limit of its own, in an event without a total: never full.
    expect(await tryJoin(fx, 'robin@example.org', { ticketTypeId: fx.virtual.id })).toBe('SEATS_AVAILABLE');
    expect(await tryJoin(fx, 'robin@example.org', { sessionId: fx.workshops[0]!.id })).toBe('SEATS_AVAILABLE');
    expect(await written(fx)).toEqual(before);

    // Full through each kind of pool in turn, the join goes through.
    await hold(fx, fx.fullPass.id, [fx.workshops[0]!.id]);
    expect(await tryJoin(fx, 'type@example.org')).toBe('confirmation_sent');
    expect(await tryJoin(fx, 'workshop@example.org', { sessionId: fx.workshops[0]!.id })).toBe('confirmation_sent');
    const pooled = await fixture({ fullPassCapacity: 100 });
    await t.db.update(capacityPools).set({ capacity: 1 }).where(eq(capacityPools.id, pooled.venue.id));
    expect(await tryJoin(pooled, 'pool@example.org')).toBe('SEATS_AVAILABLE');
    await hold(pooled);
    expect(await tryJoin(pooled, 'pool@example.org')).toBe('confirmation_sent');
    const total = await fixture({ eventCapacity: 1 });
    expect(await tryJoin(total, 'event@example.org', { ticketTypeId: total.virtual.id })).toBe('SEATS_AVAILABLE');
    await hold(total, total.virtual.id);
    expect(await tryJoin(total, 'event@example.org', { ticketTypeId: total.virtual.id })).toBe('confirmation_sent');
  });

  it('counts a lapsed hold as a free seat: the answer is to register', async () => {
    const fx = await fixture({ fullPassCapacity: 1 });
    await hold(fx);
    fx.clock.advance(15 * 60_000);
    expect(await tryJoin(fx, 'late@example.org')).toBe('SEATS_AVAILABLE');
  });

  it('lets concurrent joins that wait behind a cancellation holding the pool lock see the freed seat, and write nothing', async () => {
    const fx = await fixture({ fullPassCapacity: 1 });
    const order = await sell(fx);
    const emails = Array.from({ length: 6 }, (_, i) => `racer${i}@example.org`);
    // The cancellation commits only once every join is waiting for the lock; a join that decided before taking
    // the lock, or took none, would still see the paid order and be let in.
    const results = await whileHoldingPools(
      t.db,
      [poolKey.ticketType(fx.fullPass.id)],
      async (tx) => {
        await tx.update(orders).set({ status: 'cancelled' }).where(eq(orders.id, order.id));
      },
      emails.map((email) => () => tryJoin(fx, email)),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)))).toEqual(
      emails.map(() => 'SEATS_AVAILABLE'),
    );
    expect((await written(fx)).entries).toBe(0);
  });

  it('lets every concurrent join in while the ticket type stays full', async () => {
    const fx = await fixture({ fullPassCapacity: 1 });
    await hold(fx);
    const emails = Array.from({ length: 8 }, (_, i) => `queue${i}@example.org`);
    expect(await Promise.all(emails.map((email) => tryJoin(fx, email)))).toEqual(emails.map(() => 'confirmation_sent'));
    expect((await written(fx)).entries).toBe(8);
  });

  it('throttles joins per client, counting refused attempts too, without telling which addresses were asked for', async () => {
    const fx = await fixture({ fullPassCapacity: 1 });
    const client = 'client-key-a';
    // Attempts for a ticket with free seats count as well: probing is not free.
    expect(await tryJoin(fx, 'probe@example.org', { ticketTypeId: fx.fullPass.id }, client)).toBe('SEATS_AVAILABLE');
    await sell(fx);
    for (let i = 1; i < WAITLIST_LIMITS.perClient; i++)
      expect(await tryJoin(fx, `c${i}@example.org`, undefined, client)).toBe('confirmation_sent');
    const before = await written(fx);
    const refused = await joinWaitlist(
      fx.ctx,
      fx.event.id,
      { name: 'One more', email: 'more@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: client },
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'THROTTLED' });
    expect((refused as DomainError).details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await written(fx)).toEqual(before);
    // Another client is not held back; the first one is let in again after the hour.
    expect(await tryJoin(fx, 'other@example.org', undefined, 'client-key-b')).toBe('confirmation_sent');
    fx.clock.advance(WAITLIST_LIMITS.windowMs);
    expect(await tryJoin(fx, 'more@example.org', undefined, client)).toBe('confirmation_sent');
  });

  it('throttles requests per address: past the limit nothing is written or sent, and the answer looks the same', async () => {
    const fx = await fixture({ fullPassCapacity: 1, workshopCapacities: [1, 1] });
    await sell(fx, fx.fullPass.id, [fx.workshops[0]!.id]);
    const email = 'flooded@example.org';
    const outcomes = [];
    for (let i = 0; i < WAITLIST_LIMITS.perEmail; i++)
      outcomes.push(await tryJoin(fx, email, undefined, `client-${i}`));
    expect(outcomes).toEqual(['confirmation_sent', ...Array(WAITLIST_LIMITS.perEmail - 1).fill('confirmation_resent')]);
    const before = await written(fx);
    // From yet another client, for another full list: still nothing for this address this hour.
    expect(await tryJoin(fx, email, { sessionId: fx.workshops[0]!.id }, 'client-x')).toBe('email_throttled');
    expect(await tryJoin(fx, 'FLOODED@example.org', undefined, 'client-y')).toBe('email_throttled');
    expect(await written(fx)).toEqual(before);
    // Addresses are throttled under a keyed hash, never in clear.
    const keys = (await t.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key).join(' ');
    expect(keys).toContain('waitlist:email:');
    expect(keys).not.toContain('flooded');
    fx.clock.advance(WAITLIST_LIMITS.windowMs);
    expect(await tryJoin(fx, email, { sessionId: fx.workshops[0]!.id }, 'client-x')).toBe('confirmation_sent');
  });

  it('caps the places one address holds per event (WAITLIST_MAX_PER_EMAIL), concurrent joins included', async () => {
    // Workshops 1 and 2 share a time slot, as do 3 and 4: two holds fill all four and the full pass.
    const fx = await fixture({ fullPassCapacity: 2, workshopCapacities: [1, 1, 1, 1] });
    const [w1, w2, w3, w4] = fx.workshops.map((w) => w.id);
    await hold(fx, fx.fullPass.id, [w1!, w3!]);
    await hold(fx, fx.fullPass.id, [w2!, w4!]);
    const cap = fx.ctx.config.WAITLIST_MAX_PER_EMAIL;
    expect(cap).toBe(3);
    const full: Target[] = [{ ticketTypeId: fx.fullPass.id }, ...fx.workshops.map((w) => ({ sessionId: w.id }))];
    const outcomes = await Promise.all(full.map((target) => tryJoin(fx, 'many@example.org', target)));
    expect(outcomes.filter((o) => o === 'confirmation_sent')).toHaveLength(cap);
    expect(outcomes.filter((o) => o === 'over_cap')).toHaveLength(full.length - cap);
    const [mine] = await t.db
      .select({ n: count() })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.eventId, fx.event.id), eq(waitlistEntries.email, 'many@example.org')));
    expect(mine!.n).toBe(cap);

    // A configured cap holds too, and another event's places do not count.
    const one = { ...fx, ctx: { ...fx.ctx, config: testConfig({ WAITLIST_MAX_PER_EMAIL: '1' }) } };
    expect(await tryJoin(one, 'single@example.org', { sessionId: fx.workshops[0]!.id })).toBe('confirmation_sent');
    expect(await tryJoin(one, 'single@example.org', { sessionId: fx.workshops[1]!.id })).toBe('over_cap');
    const other = await fixture({ fullPassCapacity: 0 });
    expect(
      await tryJoin({ ...other, ctx: { ...other.ctx, config: one.ctx.config } }, 'single@example.org', {
        ticketTypeId: other.fullPass.id,
      }),
    ).toBe('confirmation_sent');
  });

  it('frees the place of an entry nobody confirmed in time: it no longer counts against the cap and can be asked for again', async () => {
    const fx = await fixture({ fullPassCapacity: 0 });
    const one = { ...fx, ctx: { ...fx.ctx, config: testConfig({ WAITLIST_MAX_PER_EMAIL: '1' }) } };
    const first = await joinWaitlist(
      one.ctx,
      fx.event.id,
      { name: 'Lee', email: 'lee@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(first.outcome).toBe('confirmation_sent');
    fx.clock.advance(24 * 3_600_000);
    const second = await joinWaitlist(
      one.ctx,
      fx.event.id,
      { name: 'Lee', email: 'lee@example.org', ticketTypeId: fx.fullPass.id },
      { clientKey: null },
    );
    expect(second.outcome).toBe('confirmation_sent');
    expect(second.entryId).not.toBe(first.entryId);
    const rows = await t.db
      .select({ id: waitlistEntries.id, status: waitlistEntries.status })
      .from(waitlistEntries)
      .where(eq(waitlistEntries.eventId, fx.event.id));
    expect(new Map(rows.map((r) => [r.id, r.status]))).toEqual(
      new Map([
        [first.entryId, 'expired'],
        [second.entryId, 'waiting'],
      ]),
    );
  });

  it('keeps the offer length within the bounds the database allows, 4 hours by default', async () => {
    const fx = await fixture();
    expect((await t.db.select({ m: events.offerMinutes }).from(events).where(eq(events.id, fx.event.id)))[0]!.m).toBe(
      240,
    );
    for (const bad of [4, 2881]) {
      const e = await t.db
        .update(events)
        .set({ offerMinutes: bad })
        .where(eq(events.id, fx.event.id))
        .catch((x: unknown) => x);
      expect(String((e as { cause?: unknown }).cause ?? e)).toMatch(/events_offer_minutes/);
    }
  });
});

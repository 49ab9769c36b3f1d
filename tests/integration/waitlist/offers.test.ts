// Offers hold a seat for the organizer's offer time, and are made from capacities read under the pool locks: an
// organizer lowering a capacity while offers are being made (holding the same lock) is never over-offered.
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, sessions, ticketTypes, waitlistEntries } from '@/db/schema';
import { poolKey } from '@/lib/capacity/availability';
import { createOrder } from '@/lib/orders/create-order';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { offerFreedSeats } from '@/lib/waitlist/offers';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { whileHoldingPools } from '../../support/pool-lock';
import { useTestDb } from '../../support/test-db';
import { joinAndConfirm } from '../../support/waitlist';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
const HOLD_MS = 15 * 60_000;
let slugs = 0;

async function holds(fx: Fixture, n: number, workshopIds: string[] = []) {
  for (let i = 0; i < n; i++)
    await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id, { workshopIds })]), {
      clientKey: null,
    });
}

async function liveOffers(fx: Fixture) {
  const [row] = await t.db
    .select({ n: count() })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, fx.event.id), inArray(waitlistEntries.status, ['offered'])));
  return row!.n;
}

describe('waiting-list offers', () => {
  it('hold the seat for the offer time the organizer set on the event', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `of${++slugs}`, fullPassCapacity: 1 });
    await t.db.update(events).set({ offerMinutes: 90 }).where(eq(events.id, fx.event.id));
    await holds(fx, 1);
    await joinAndConfirm(fx.ctx, fx.event.id, { name: 'Ama', email: 'ama@example.org', ticketTypeId: fx.fullPass.id });
    fx.clock.advance(HOLD_MS);
    const [offer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offer!.expiresAt).toEqual(new Date(fx.clock.now().getTime() + 90 * 60_000));
    const [row] = await t.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, offer!.entryId));
    expect(row).toMatchObject({ status: 'offered', offeredAt: fx.clock.now(), offerExpiresAt: offer!.expiresAt });
    // The seat is spoken for until then, and free again after.
    fx.clock.advance(90 * 60_000 - 1);
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.fullPass.id)).toMatchObject({
      remaining: 0,
    });
    fx.clock.advance(1);
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.fullPass.id)).toMatchObject({
      remaining: 1,
    });
  });

  it('never offers more seats than a ticket type capacity lowered while the offers were being made', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `of${++slugs}`, fullPassCapacity: 3 });
    await holds(fx, 3);
    for (const name of ['Ben', 'Cai', 'Dov']) {
      await joinAndConfirm(fx.ctx, fx.event.id, {
        name,
        email: `${name.toLowerCase()}@example.org`,
        ticketTypeId: fx.fullPass.id,
      });
      fx.clock.advance(1000);
    }
    fx.clock.advance(HOLD_MS);
    // The organizer brings the capacity down to 1 (allowed: the lapsed holds take nothing) while holding the
    // type's lock; offers started meanwhile must use the new figure once they get the lock.
    const [made] = await whileHoldingPools(
      t.db,
      [poolKey.ticketType(fx.fullPass.id)],
      async (tx) => {
        await tx.update(ticketTypes).set({ capacity: 1 }).where(eq(ticketTypes.id, fx.fullPass.id));
      },
      [() => offerFreedSeats(fx.ctx, fx.event.id)],
    );
    expect(made).toMatchObject({ status: 'fulfilled' });
    expect((made as PromiseFulfilledResult<{ email: string }[]>).value.map((o) => o.email)).toEqual([
      'ben@example.org',
    ]);
    expect(await liveOffers(fx)).toBe(1);
  });

  it('never offers more seats than a workshop capacity lowered while the offers were being made', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `of${++slugs}`, workshopCapacities: [3] });
    const w = fx.workshops[0]!.id;
    await holds(fx, 3, [w]);
    for (const name of ['Eve', 'Fin', 'Gil']) {
      await joinAndConfirm(fx.ctx, fx.event.id, { name, email: `${name.toLowerCase()}@example.org`, sessionId: w });
      fx.clock.advance(1000);
    }
    fx.clock.advance(HOLD_MS);
    const [made] = await whileHoldingPools(
      t.db,
      [poolKey.session(w)],
      async (tx) => {
        await tx.update(sessions).set({ capacity: 2 }).where(eq(sessions.id, w));
      },
      [() => offerFreedSeats(fx.ctx, fx.event.id)],
    );
    expect((made as PromiseFulfilledResult<{ email: string }[]>).value.map((o) => o.email)).toEqual([
      'eve@example.org',
      'fin@example.org',
    ]);
    expect(await liveOffers(fx)).toBe(2);
  });

  it('never offers a seat when the event total is set while the offers were being made', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `of${++slugs}`, fullPassCapacity: 2 });
    await holds(fx, 2);
    await joinAndConfirm(fx.ctx, fx.event.id, {
      name: 'Hana',
      email: 'hana@example.org',
      ticketTypeId: fx.fullPass.id,
    });
    fx.clock.advance(HOLD_MS);
    // The event had no total; the organizer sets one equal to the seats still taken (none: the holds lapsed),
    // so no seat of any type may be offered.
    const [made] = await whileHoldingPools(
      t.db,
      [poolKey.event(fx.event.id)],
      async (tx) => {
        await tx.update(events).set({ capacity: 0 }).where(eq(events.id, fx.event.id));
      },
      [() => offerFreedSeats(fx.ctx, fx.event.id)],
    );
    expect((made as PromiseFulfilledResult<unknown[]>).value).toEqual([]);
    expect(await liveOffers(fx)).toBe(0);
  });
});

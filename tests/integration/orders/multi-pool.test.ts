// R2: 200 concurrent buyers each taking 2-3 of 5 workshops, named in random order, so every order locks
// several pools and the pools overlap between orders. 0 deadlocks, 0 partial orders, every pool within capacity.
import { count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, tickets, workshopSeats } from '@/db/schema';
import { unsafeNoLocker } from '@/lib/capacity/seats';
import { DomainError } from '@/lib/errors';
import { createOrder, type CreateOrderCtx } from '@/lib/orders/create-order';
import { createSession } from '@/lib/programme/create-session';
import { zonedTimeToUtc } from '@/lib/time';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { mulberry32 } from '../../support/random';

const t = useTestDb();

const BUYERS = 200;
const CAPACITIES = [50, 60, 70, 80, 90];

function shuffle<T>(items: T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Deadlocks Postgres has detected in this database so far (its own counter, independent of our error mapping). */
async function deadlocks(): Promise<number> {
  // Backends publish their statistics about once a second.
  await new Promise((r) => setTimeout(r, 1500));
  const [row] = await t.sql<
    { n: string }[]
  >`select deadlocks::text as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}

async function workshopFixture(slug: string) {
  // Five workshops one after another, so any 2-3 of them fit one attendee's day.
  const fx = await buildRegistrationFixture(t.db, { slug, fullPassCapacity: 2000, workshopCapacities: [] });
  const at = (time: string) => zonedTimeToUtc('2030-03-28', time, fx.event.timezone);
  const workshops = [];
  for (const [i, capacity] of CAPACITIES.entries()) {
    workshops.push(
      await createSession(fx.ctx, fx.event.id, {
        title: `Workshop ${i + 1}`,
        format: 'workshop',
        capacity,
        startsAt: at(`${String(9 + i).padStart(2, '0')}:00`),
        endsAt: at(`${String(10 + i).padStart(2, '0')}:00`),
      }),
    );
  }
  return { ...fx, workshops };
}

type Plan = { email: string; attendees: string[][] };

function plans(workshopIds: string[], seed: number): Plan[] {
  const rand = mulberry32(seed);
  return Array.from({ length: BUYERS }, (_, i) => {
    const pick = () => shuffle(workshopIds, rand).slice(0, 2 + Math.floor(rand() * 2));
    // Every fifth buyer brings a colleague with a different choice.
    return { email: `r2-buyer-${i}@example.org`, attendees: i % 5 === 0 ? [pick(), pick()] : [pick()] };
  });
}

async function stampede(slug: string, unlocked: boolean) {
  const fx = await workshopFixture(slug);
  const deadlocksBefore = await deadlocks();
  const ctx: CreateOrderCtx = { ...fx.ctx, ...(unlocked ? { locker: unsafeNoLocker } : {}) };
  const ids = fx.workshops.map((w) => w.id);
  const buyers = plans(ids, 20300328);

  const samples: number[][] = [];
  let running = true;
  const seatCounts = async () => {
    const rows = await t.db
      .select({ id: workshopSeats.sessionId, n: count() })
      .from(workshopSeats)
      .where(inArray(workshopSeats.sessionId, ids))
      .groupBy(workshopSeats.sessionId);
    return ids.map((id) => rows.find((r) => r.id === id)?.n ?? 0);
  };
  const sampler = (async () => {
    while (running) {
      samples.push(await seatCounts());
      await new Promise((r) => setTimeout(r, 10));
    }
  })();

  const outcomes = await Promise.all(
    buyers.map((b, i) => {
      const input = registration(
        b.attendees.map((w) => attendee(fx.fullPass.id, { workshopIds: w })),
        { buyer: { name: `Buyer ${i}`, email: b.email } },
      );
      return createOrder(ctx, fx.event.id, input, { clientKey: `r2-client-${i}` }).then(
        () => 'ok' as const,
        (e: unknown) => e,
      );
    }),
  );
  running = false;
  await sampler;
  samples.push(await seatCounts());
  const deadlocksDuring = (await deadlocks()) - deadlocksBefore;
  return { fx, ids, buyers, outcomes, deadlocksDuring, samples };
}

describe('multi-pool orders (R2)', () => {
  it('lets 200 concurrent buyers of 2-3 overlapping workshops finish without deadlocks, partial orders or overbooking', async () => {
    const { fx, ids, buyers, outcomes, deadlocksDuring, samples } = await stampede('r2', false);

    // Every outcome is a success or a clean domain answer; nothing else escapes.
    const failures = outcomes.filter((o) => o !== 'ok');
    for (const f of failures) expect(f, String(f)).toBeInstanceOf(DomainError);
    const codes = failures.map((f) => (f as DomainError).code);
    expect(
      codes.every((c) => c === 'SOLD_OUT' || c === 'BUSY'),
      codes.join(','),
    ).toBe(true);

    // 0 deadlocks, by Postgres' own count (createOrder would report one as BUSY).
    expect(deadlocksDuring).toBe(0);

    // The demand (~500 seats for 350) really contended: some buyers won, some were turned away.
    const successes = outcomes.filter((o) => o === 'ok').length;
    expect(successes).toBeGreaterThan(50);
    expect(codes.filter((c) => c === 'SOLD_OUT').length).toBeGreaterThan(20);

    // 0 partial orders: each order that exists has every ticket and every seat its buyer asked for, and a buyer
    // who was refused (SOLD_OUT or BUSY) has no order at all.
    const stored = await t.db
      .select({ id: orders.id, email: orders.buyerEmail })
      .from(orders)
      .where(eq(orders.eventId, fx.event.id));
    expect(stored).toHaveLength(successes);
    const won = new Set(buyers.filter((_, i) => outcomes[i] === 'ok').map((b) => b.email));
    expect(new Set(stored.map((o) => o.email))).toEqual(won);
    const ticketRows = await t.db
      .select({ id: tickets.id, orderId: tickets.orderId })
      .from(tickets)
      .where(
        inArray(
          tickets.orderId,
          stored.map((o) => o.id),
        ),
      );
    const seatRows = await t.db
      .select()
      .from(workshopSeats)
      .where(
        inArray(
          workshopSeats.orderId,
          stored.map((o) => o.id),
        ),
      );
    for (const o of stored) {
      const plan = buyers.find((b) => b.email === o.email)!;
      const mine = ticketRows.filter((tk) => tk.orderId === o.id);
      expect(mine).toHaveLength(plan.attendees.length);
      const gotSets = mine
        .map((tk) =>
          seatRows
            .filter((s) => s.ticketId === tk.id)
            .map((s) => s.sessionId)
            .sort()
            .join(','),
        )
        .sort();
      const wantSets = plan.attendees.map((w) => [...w].sort().join(',')).sort();
      expect(gotSets).toEqual(wantSets);
    }

    // Every pool within capacity, at the end and at every sample taken while the buyers ran.
    const final = samples.at(-1)!;
    for (const sample of samples) sample.forEach((n, i) => expect(n).toBeLessThanOrEqual(CAPACITIES[i]!));
    const requested = ids.map(
      (id) =>
        buyers
          .filter((_, i) => outcomes[i] === 'ok')
          .flatMap((b) => b.attendees.flat())
          .filter((w) => w === id).length,
    );
    expect(final).toEqual(requested);
    // Seats are not left on the table: a workshop sells out.
    expect(final.some((n, i) => n === CAPACITIES[i])).toBe(true);
  });

  it('overbooks a workshop when the pool locks are deliberately bypassed, which shows the capacity check above can fail', async () => {
    const { samples } = await stampede('r2-nolock', true);
    const final = samples.at(-1)!;
    expect(final.some((n, i) => n > CAPACITIES[i]!)).toBe(true);
  });
});

// R1: 200 concurrent buyers for 100 seats in one pool, the invariant sampled while they run.
import { and, count, eq, gt, or } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, tickets } from '@/db/schema';
import { unsafeNoLocker } from '@/lib/capacity/seats';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

async function seatsTaken(ticketTypeId: string): Promise<number> {
  const [row] = await t.db
    .select({ n: count() })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(
      and(
        eq(tickets.ticketTypeId, ticketTypeId),
        or(eq(orders.status, 'paid'), and(eq(orders.status, 'pending_payment'), gt(orders.expiresAt, FIXTURE_NOW))),
      ),
    );
  return row!.n;
}

async function stampede(slug: string, withLock: boolean) {
  const fx = await buildRegistrationFixture(t.db, { slug, fullPassCapacity: 100 });
  const ctx = withLock ? fx.ctx : { ...fx.ctx, locker: unsafeNoLocker };
  const samples: number[] = [];
  let running = true;
  const sampler = (async () => {
    while (running) {
      samples.push(await seatsTaken(fx.fullPass.id));
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const outcomes = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      createOrder(ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), { clientKey: `client-${i}` })
        .then(() => 'sold' as const)
        .catch((e: { code?: string; message?: string }) => {
          if (!e.code) console.error(e);
          return e.code ?? 'error';
        }),
    ),
  );
  running = false;
  await sampler;
  samples.push(await seatsTaken(fx.fullPass.id));
  return { outcomes, samples, final: await seatsTaken(fx.fullPass.id) };
}

describe('oversell race (R1)', () => {
  it('sells exactly 100 of 100 seats to 200 concurrent buyers and never more at any sample', async () => {
    const { outcomes, samples, final } = await stampede('r1', true);
    expect(outcomes.filter((o) => o === 'sold')).toHaveLength(100);
    expect(outcomes.filter((o) => o === 'SOLD_OUT')).toHaveLength(100);
    expect(final).toBe(100);
    expect(Math.max(...samples)).toBeLessThanOrEqual(100);
  });

  it('oversells when the pool lock is deliberately bypassed, which shows the test above can fail', async () => {
    const { final } = await stampede('r1-nolock', false);
    expect(final).toBeGreaterThan(100);
  });
});

describe('lock timeout', () => {
  it('answers BUSY, writing nothing, when a pool stays locked longer than the lock timeout', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'busy', fullPassCapacity: 10 });
    const ctx = { ...fx.ctx, config: { ...fx.ctx.config, ORDER_LOCK_TIMEOUT_MS: 200 } };
    const holder = t.sql.reserve();
    const connection = await holder;
    try {
      await connection`begin`;
      // The pool's lock, as another writer holds it: its seat_counters row.
      const key = `ticket_type:${fx.fullPass.id}`;
      await connection`insert into seat_counters (key) values (${key}) on conflict do nothing`;
      await connection`select key from seat_counters where key = ${key} for update`;
      const started = Date.now();
      await expect(
        createOrder(ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), { clientKey: 'busy' }),
      ).rejects.toMatchObject({ code: 'BUSY' });
      expect(Date.now() - started).toBeLessThan(3000);
      await connection`rollback`;
    } finally {
      connection.release();
    }
    expect(await seatsTaken(fx.fullPass.id)).toBe(0);
  });
});

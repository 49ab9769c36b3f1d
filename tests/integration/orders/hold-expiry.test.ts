// R3: 100 abandoned checkouts hold 100 seats; once the clock passes the hold they are free again without any
// job, and the housekeeping that marks them expired releases each hold exactly once, however often it runs.
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { effectiveStatus, expireLapsedHolds, getOrderByToken } from '@/lib/orders/queries';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

const HOLD_MS = 15 * 60_000;
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;

async function fill(fx: Fixture, n: number, tag: string) {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      createOrder(
        fx.ctx,
        fx.event.id,
        registration([attendee(fx.fullPass.id)], { buyer: { name: 'Abandoner', email: `${tag}-${i}@example.org` } }),
        { clientKey: `${tag}-${i}` },
      ),
    ),
  );
}

async function tryBuy(fx: Fixture, email: string): Promise<'ok' | string> {
  return createOrder(
    fx.ctx,
    fx.event.id,
    registration([attendee(fx.fullPass.id)], { buyer: { name: 'Late buyer', email } }),
    { clientKey: null },
  ).then(
    () => 'ok',
    (e: unknown) => (e instanceof DomainError ? e.code : `plain error: ${String(e)}`),
  );
}

async function statuses(ids: string[]) {
  const rows = await t.db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(inArray(orders.id, ids))
    .groupBy(orders.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('hold expiry (R3)', () => {
  it('frees all 100 held seats once the clock passes the hold, without any job, and housekeeping releases each hold once', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'r3', fullPassCapacity: 100 });
    const abandoned = await fill(fx, 100, 'r3-abandoned');
    const ids = abandoned.map((r) => r.order.id);
    expect(
      abandoned.every(
        (r) => r.order.status === 'pending_payment' && r.order.expiresAt?.getTime() === FIXTURE_NOW.getTime() + HOLD_MS,
      ),
    ).toBe(true);

    // The holds fill the pool.
    expect(await tryBuy(fx, 'too-early@example.org')).toBe('SOLD_OUT');
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.fullPass.id)).toMatchObject({
      remaining: 0,
      status: 'sold_out',
    });

    // One millisecond before the end of the hold the seats are still taken.
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS - 1));
    expect(await tryBuy(fx, 'still-early@example.org')).toBe('SOLD_OUT');
    const sample = abandoned[0]!;
    expect((await getOrderByToken(fx.ctx, sample.accessToken))?.status).toBe('pending_payment');

    // At the end of the hold every seat is free again; nothing has touched the rows.
    fx.clock.set(new Date(FIXTURE_NOW.getTime() + HOLD_MS));
    expect(await statuses(ids)).toEqual({ pending_payment: 100 });
    expect((await listOnSale(fx.ctx, fx.event)).ticketTypes.find((tt) => tt.id === fx.fullPass.id)).toMatchObject({
      remaining: 100,
      status: 'available',
    });
    // The private order page already reads as expired before housekeeping.
    const before = await getOrderByToken(fx.ctx, sample.accessToken);
    expect(before?.order.status).toBe('pending_payment');
    expect(before?.status).toBe('expired');

    // New buyers take all 100 seats, and the 101st is turned away.
    const newcomers = await Promise.all(Array.from({ length: 100 }, (_, i) => tryBuy(fx, `newcomer-${i}@example.org`)));
    expect(newcomers.filter((o) => o === 'ok')).toHaveLength(100);
    expect(await tryBuy(fx, 'newcomer-101@example.org')).toBe('SOLD_OUT');

    // Housekeeping, delivered twice: the first run marks the 100 lapsed holds, the second finds nothing.
    const first = await expireLapsedHolds(fx.ctx);
    expect(first.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(first).toHaveLength(100);
    const second = await expireLapsedHolds(fx.ctx);
    expect(second).toHaveLength(0);
    expect(await statuses(ids)).toEqual({ expired: 100 });
    // The newcomers' live holds were left alone.
    const [live] = await t.db
      .select({ n: count() })
      .from(orders)
      .where(and(eq(orders.eventId, fx.event.id), eq(orders.status, 'pending_payment')));
    expect(live!.n).toBe(100);

    const after = await getOrderByToken(fx.ctx, sample.accessToken);
    expect(after?.order.status).toBe('expired');
    expect(after?.status).toBe('expired');
    expect(after?.tickets).toHaveLength(1);

    // Housekeeping did not give the seats out a second time.
    expect(await tryBuy(fx, 'after-housekeeping@example.org')).toBe('SOLD_OUT');
  });

  it('releases each hold exactly once when two housekeeping runs race', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'r3-race', fullPassCapacity: 100 });
    const ids = (await fill(fx, 100, 'r3-race')).map((r) => r.order.id);
    fx.clock.advance(HOLD_MS);
    const [a, b] = await Promise.all([expireLapsedHolds(fx.ctx), expireLapsedHolds(fx.ctx)]);
    const mine = (run: string[]) => run.filter((id) => ids.includes(id));
    expect(mine(a).length + mine(b).length).toBe(100);
    expect(new Set([...mine(a), ...mine(b)]).size).toBe(100);
    expect(await statuses(ids)).toEqual({ expired: 100 });
    expect(mine(await expireLapsedHolds(fx.ctx))).toHaveLength(0);
  });
});

describe('effectiveStatus', () => {
  const expiresAt = new Date(FIXTURE_NOW.getTime() + HOLD_MS);
  it('reads a hold as expired from its expiry instant on, and leaves other statuses alone', () => {
    expect(effectiveStatus({ status: 'pending_payment', expiresAt }, new Date(expiresAt.getTime() - 1))).toBe(
      'pending_payment',
    );
    expect(effectiveStatus({ status: 'pending_payment', expiresAt }, expiresAt)).toBe('expired');
    expect(effectiveStatus({ status: 'paid', expiresAt }, new Date(expiresAt.getTime() + 1))).toBe('paid');
    expect(effectiveStatus({ status: 'paid', expiresAt: null }, expiresAt)).toBe('paid');
  });
});

// S8: one client or email cannot hoard seats: unpaid holds are capped per email and per client, and a client
// placing orders too fast is throttled. Caps count live holds only, so they lift as holds expire.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder, type CreateOrderCtx } from '@/lib/orders/create-order';
import { createVoucher } from '@/lib/catalogue/setup';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
const config = testConfig({ HOLD_MAX_PER_EMAIL: '3', HOLD_MAX_PER_CLIENT: '5', ORDER_RATE_LIMIT_PER_MINUTE: '8' });
let slugs = 0;

async function setup() {
  const fx = await buildRegistrationFixture(t.db, { slug: `s8-${++slugs}` });
  const ctx: CreateOrderCtx = { ...fx.ctx, config };
  const hold = (buyerEmail: string, clientKey: string | null) =>
    createOrder(
      ctx,
      fx.event.id,
      registration([attendee(fx.fullPass.id)], { buyer: { name: 'Hoarder', email: buyerEmail } }),
      { clientKey },
    ).then(
      () => 'ok' as const,
      (e: unknown) => e,
    );
  return { fx, ctx, hold };
}

function code(outcome: unknown): string {
  if (outcome === 'ok') return 'ok';
  if (outcome instanceof DomainError) return outcome.code;
  throw outcome;
}

async function ordersOf(fx: Fixture): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(orders).where(eq(orders.eventId, fx.event.id));
  return row!.n;
}

describe('seat hoarding (S8)', () => {
  it('refuses a 4th sequential hold for one email with HOLD_LIMIT and a field message, whatever the letter case', async () => {
    const { fx, hold } = await setup();
    const emails = ['hoarder@example.org', 'Hoarder@Example.org', 'HOARDER@EXAMPLE.ORG', 'hoarder@EXAMPLE.org'];
    const outcomes = [];
    for (const email of emails) outcomes.push(await hold(email, null));
    expect(outcomes.map(code)).toEqual(['ok', 'ok', 'ok', 'HOLD_LIMIT']);
    expect((outcomes[3] as DomainError).fieldErrors['buyer.email']).toEqual([
      'Too many unpaid registrations for this email',
    ]);
    expect(await ordersOf(fx)).toBe(3);
  });

  it('lets only 3 of 10 concurrent holds for one email through', async () => {
    const { fx, hold } = await setup();
    const outcomes = (
      await Promise.all(Array.from({ length: 10 }, (_, i) => hold('racer@example.org', `racer-client-${i}`)))
    ).map(code);
    expect(outcomes.filter((c) => c === 'ok')).toHaveLength(3);
    expect(outcomes.filter((c) => c === 'HOLD_LIMIT')).toHaveLength(7);
    expect(await ordersOf(fx)).toBe(3);
  });

  it('refuses a 6th hold from one client even with different emails, concurrently too', async () => {
    const { fx, hold } = await setup();
    const sequential = [];
    for (let i = 0; i < 6; i++) sequential.push(code(await hold(`seq-${i}@example.org`, 'client-seq')));
    expect(sequential).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'HOLD_LIMIT']);
    const concurrent = (
      await Promise.all(Array.from({ length: 8 }, (_, i) => hold(`par-${i}@example.org`, 'client-par')))
    ).map(code);
    expect(concurrent.filter((c) => c === 'ok')).toHaveLength(5);
    expect(concurrent.filter((c) => c === 'HOLD_LIMIT')).toHaveLength(3);
    expect(await ordersOf(fx)).toBe(10);
  });

  it('throttles a client over 8 attempts a minute with THROTTLED and a retry-after, until the window passes', async () => {
    const { fx, hold } = await setup();
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(code(await hold(`fast-${i}@example.org`, 'client-fast')));
    // The first 5 become holds, the next 3 hit the client's hold cap; all 8 count against the rate.
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'HOLD_LIMIT', 'HOLD_LIMIT', 'HOLD_LIMIT']);
    fx.clock.advance(20_000);
    const ninth = await hold('fast-9@example.org', 'client-fast');
    expect(code(ninth)).toBe('THROTTLED');
    expect((ninth as DomainError).details).toEqual({ retryAfterSeconds: 40 });
    expect((ninth as DomainError).message).toContain('40 seconds');
    // Another client is not affected.
    expect(code(await hold('other@example.org', 'client-calm'))).toBe('ok');

    // After the minute the rate allows attempts again, though the client's 5 holds still cap it.
    fx.clock.advance(40_000);
    expect(code(await hold('fast-10@example.org', 'client-fast'))).toBe('HOLD_LIMIT');
    // Once the holds have expired, the client can hold again.
    fx.clock.advance(15 * 60_000);
    expect(code(await hold('fast-11@example.org', 'client-fast'))).toBe('ok');
    expect(await ordersOf(fx)).toBe(7);
  });

  it('turns a burst of 200 concurrent attempts from one client into 5 holds, 3 cap refusals and 192 throttles', async () => {
    const { fx, hold } = await setup();
    const outcomes = (
      await Promise.all(Array.from({ length: 200 }, (_, i) => hold(`burst-${i}@example.org`, 'client-burst')))
    ).map(code);
    expect(outcomes.filter((c) => c === 'ok')).toHaveLength(5);
    expect(outcomes.filter((c) => c === 'HOLD_LIMIT')).toHaveLength(3);
    expect(outcomes.filter((c) => c === 'THROTTLED')).toHaveLength(192);
    expect(await ordersOf(fx)).toBe(5);
  });

  it('lets the same email hold again once its earlier holds have expired', async () => {
    const { fx, hold } = await setup();
    for (let i = 0; i < 3; i++) expect(code(await hold('patient@example.org', null))).toBe('ok');
    expect(code(await hold('patient@example.org', null))).toBe('HOLD_LIMIT');
    fx.clock.advance(15 * 60_000 - 1);
    expect(code(await hold('patient@example.org', null))).toBe('HOLD_LIMIT');
    fx.clock.advance(1);
    expect(code(await hold('patient@example.org', null))).toBe('ok');
  });

  it('does not count free orders against the hold caps, and free orders do not use up a cap', async () => {
    const { fx, ctx, hold } = await setup();
    await createVoucher(fx.ctx, fx.event.id, {
      code: 'SCHOLARS',
      kind: 'free',
      maxUses: 10,
      ticketTypeIds: [fx.scholarship.id],
    });
    for (let i = 0; i < 3; i++) expect(code(await hold('scholar@example.org', 'client-scholar'))).toBe('ok');
    expect(code(await hold('scholar@example.org', 'client-scholar'))).toBe('HOLD_LIMIT');
    const free = () =>
      createOrder(
        ctx,
        fx.event.id,
        registration([attendee(fx.scholarship.id, { answers: {} })], {
          buyer: { name: 'Scholar', email: 'scholar@example.org' },
          voucherCode: 'SCHOLARS',
        }),
        { clientKey: 'client-scholar' },
      );
    const a = await free();
    const b = await free();
    expect([a.order.status, b.order.status]).toEqual(['paid', 'paid']);
    expect(await ordersOf(fx)).toBe(5);
  });
});

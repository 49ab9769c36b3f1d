// S2: price and quantity tampering. Hidden fields are refused, ids of another event are unknown, quantities are
// capped, and the amount charged always comes from the database.
import { count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orders, ticketPrices, tickets } from '@/db/schema';
import { DomainError, toHttpError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { createVoucher } from '@/lib/catalogue/setup';
import { attendee, buildRegistrationFixture, registration, testConfig } from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';

let t: TestDb;
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
let other: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  fx = await buildRegistrationFixture(t.db, { slug: 's2', workshopCapacities: [10, 10, 10] });
  other = await buildRegistrationFixture(t.db, { slug: 's2-other', workshopCapacities: [10] });
  await createVoucher(other.ctx, other.event.id, { code: 'OTHERHALF', kind: 'percent', value: 50 });
});
afterAll(async () => {
  await t.drop();
});

const place = (input: unknown, f: Fixture = fx) => createOrder(f.ctx, f.event.id, input, { clientKey: null });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`expected a DomainError, got ${outcome === null ? 'success' : String(outcome)}`);
  return outcome;
}

async function rows() {
  const [o] = await t.db.select({ n: count() }).from(orders);
  const [tk] = await t.db.select({ n: count() }).from(tickets);
  return { orders: o!.n, tickets: tk!.n };
}

describe('hidden fields (S2)', () => {
  it.each([
    ['price', 1],
    ['total', 0],
    ['subtotal', 0],
    ['discount', 40000],
    ['status', 'paid'],
    ['amountPaid', 0],
    ['paidAt', '2030-01-01T00:00:00Z'],
    ['currency', 'JPY'],
    ['eventId', '00000000-0000-4000-8000-000000000000'],
  ])('refuses an order carrying %s as a 422 validation error and writes nothing', async (key, value) => {
    const before = await rows();
    const e = await refusal(place(registration([attendee(fx.fullPass.id)], { [key]: value })));
    expect(e.code).toBe('VALIDATION');
    expect(toHttpError(e).status).toBe(422);
    expect(e.fieldErrors._form?.join(' ')).toContain(key);
    expect(await rows()).toEqual(before);
  });

  it.each(['price', 'discount', 'voucherId', 'orderId', 'id'])('refuses an attendee carrying %s', async (key) => {
    const before = await rows();
    const e = await refusal(
      place(
        registration([
          attendee(fx.fullPass.id, { [key]: key === 'price' || key === 'discount' ? 0 : fx.vouchers.tenOff.id }),
        ]),
      ),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors['attendees.0']?.join(' ')).toContain(key);
    expect(await rows()).toEqual(before);
  });

  it('refuses a status or amount smuggled in the buyer', async () => {
    const e = await refusal(
      place({
        ...registration([attendee(fx.fullPass.id)]),
        buyer: { name: 'Eve', email: 'eve@example.org', status: 'paid' },
      }),
    );
    expect(e.fieldErrors.buyer?.join(' ')).toContain('status');
  });
});

describe('ids of another event (S2)', () => {
  it('refuses a ticket type of another event as unavailable and writes nothing', async () => {
    const before = await rows();
    const e = await refusal(place(registration([attendee(other.fullPass.id)])));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors['attendees.0.ticketTypeId']).toEqual(['This ticket type is not available']);
    expect(await rows()).toEqual(before);
  });

  it('refuses a workshop of another event', async () => {
    const e = await refusal(place(registration([attendee(fx.fullPass.id, { workshopIds: [other.workshops[0]!.id] })])));
    expect(e.fieldErrors['attendees.0.workshopIds']).toEqual(['Unknown workshop']);
  });

  it('refuses a voucher code that exists only at another event', async () => {
    const e = await refusal(place(registration([attendee(fx.fullPass.id)], { voucherCode: 'OTHERHALF' })));
    expect(e.fieldErrors.voucherCode).toEqual(['This voucher code is not valid']);
  });

  it("refuses another event's hidden scholarship type even with that event's voucher code", async () => {
    const e = await refusal(
      place(registration([attendee(other.scholarship.id, { answers: {} })], { voucherCode: 'SCHOLAR1' })),
    );
    expect(e.fieldErrors['attendees.0.ticketTypeId']).toEqual(['This ticket type is not available']);
  });
});

describe('quantity tampering (S2)', () => {
  it('refuses 1000 attendees by the schema maximum, before touching the database', async () => {
    const before = await rows();
    const many = Array.from({ length: 1000 }, () => attendee(fx.fullPass.id));
    const e = await refusal(place(registration(many)));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors.attendees).toEqual(['At most 20 attendees per order']);
    expect(await rows()).toEqual(before);
  });

  it('refuses a quantity field instead of multiplying anything', async () => {
    const e = await refusal(place(registration([attendee(fx.fullPass.id, { quantity: 1000 })], { quantity: 1000 })));
    expect(e.code).toBe('VALIDATION');
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['_form', 'attendees.0']);
  });

  it('enforces the per-order maximum of the ticket type within the schema maximum', async () => {
    const e = await refusal(place(registration(Array.from({ length: 11 }, () => attendee(fx.fullPass.id)))));
    expect(e.fieldErrors.attendees).toEqual(['Full pass: at most 10 per order']);
  });
});

describe('the charged amount comes from the database (S2)', () => {
  it('charges the price window in force, follows a price change in the database, and uses the event currency', async () => {
    const first = (await place(registration([attendee(fx.fullPass.id), attendee(fx.virtual.id, { answers: {} })])))
      .order;
    expect(first).toMatchObject({ subtotal: 39000, discount: 0, total: 39000, currency: 'EUR' });

    // The organizer changes the early-bird price; the next order is charged the new amount.
    const original = await t.db.select().from(ticketPrices).where(eq(ticketPrices.ticketTypeId, fx.fullPass.id));
    await t.db.update(ticketPrices).set({ amount: 31234 }).where(eq(ticketPrices.ticketTypeId, fx.fullPass.id));
    try {
      const second = (await place(registration([attendee(fx.fullPass.id)]))).order;
      expect(second.total).toBe(31234);
      const [ticket] = await t.db.select({ price: tickets.price }).from(tickets).where(eq(tickets.orderId, second.id));
      expect(ticket?.price).toBe(31234);
    } finally {
      for (const p of original)
        await t.db.update(ticketPrices).set({ amount: p.amount }).where(eq(ticketPrices.id, p.id));
    }
  });

  it("makes every stored order total equal the sum of its tickets' database prices less discounts", async () => {
    const all = await t.db.select().from(orders).where(eq(orders.eventId, fx.event.id));
    expect(all.length).toBeGreaterThan(0);
    const lines = await t.db
      .select()
      .from(tickets)
      .where(
        inArray(
          tickets.orderId,
          all.map((o) => o.id),
        ),
      );
    for (const o of all) {
      const mine = lines.filter((l) => l.orderId === o.id);
      expect(o.subtotal).toBe(mine.reduce((s, l) => s + l.price, 0));
      expect(o.discount).toBe(mine.reduce((s, l) => s + l.discount, 0));
      expect(o.total).toBe(o.subtotal - o.discount);
      expect(o.currency).toBe('EUR');
    }
  });

  it('prices a replayed payload again from the database as a separate order', async () => {
    const payload = registration([attendee(fx.fullPass.id)], { voucherCode: 'TENOFF' });
    const a = await place(structuredClone(payload));
    const b = await place(structuredClone(payload));
    expect(a.order.id).not.toBe(b.order.id);
    expect(a.order.reference).not.toBe(b.order.reference);
    expect(a.accessToken).not.toBe(b.accessToken);
    for (const o of [a.order, b.order])
      expect(o).toMatchObject({ subtotal: 30000, discount: 3000, total: 27000, status: 'pending_payment' });
  });

  it("refuses a replayed payload once the buyer's hold cap is reached when caps are configured", async () => {
    const capped = { ...fx.ctx, config: testConfig({ HOLD_MAX_PER_EMAIL: '1' }) };
    const payload = registration([attendee(fx.fullPass.id)]);
    await createOrder(capped, fx.event.id, structuredClone(payload), { clientKey: null });
    const e = await refusal(createOrder(capped, fx.event.id, structuredClone(payload), { clientKey: null }));
    expect(e.code).toBe('HOLD_LIMIT');
  });

  it('uses up a limited voucher across replays instead of granting it again', async () => {
    const limited = await buildRegistrationFixture(t.db, { slug: 's2-voucher' });
    const payload = registration(
      [attendee(limited.virtual.id, { answers: {} }), attendee(limited.virtual.id, { answers: {} })],
      { voucherCode: 'TENOFF' },
    );
    await place(structuredClone(payload), limited);
    await place(structuredClone(payload), limited);
    const e = await refusal(place(structuredClone(payload), limited));
    expect(e.code).toBe('VOUCHER_EXHAUSTED');
    expect(e.fieldErrors.voucherCode).toEqual(['This voucher can be used for 1 more ticket only.']);
  });
});

// createOrder end to end on real Postgres: pricing from the database, what gets stored, and every refusal.
import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers, orders, questions, tickets, workshopSeats } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { getOrderByToken } from '@/lib/orders/queries';
import { createVoucher } from '@/lib/catalogue/setup';
import { createTicketType } from '@/lib/catalogue/ticket-types';
import { openPronouns } from '@/lib/privacy/sealed';
import { hashToken } from '@/lib/tokens';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { storedText, testVault } from '../../support/vault';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let slugs = 0;
const fixture = (options: Parameters<typeof buildRegistrationFixture>[1] = {}) =>
  buildRegistrationFixture(t.db, { slug: `co${++slugs}`, ...options });
const order = (fx: Fixture, input: unknown, clientKey: string | null = null) =>
  createOrder(fx.ctx, fx.event.id, input, { clientKey });

/** An attendee of a ticket type without questions (the fixture's attendee() answers the full pass's profession). */
const guest = (ticketTypeId: string, extra: Record<string, unknown> = {}) =>
  attendee(ticketTypeId, { answers: {}, ...extra });

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`expected a DomainError, got ${outcome === null ? 'success' : String(outcome)}`);
  return outcome;
}

async function orderCount(eventId: string): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(orders).where(eq(orders.eventId, eventId));
  return row!.n;
}

describe('a successful order', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture({ workshopCapacities: [10, 10, 10, 10] });
  });

  it('prices two attendees with workshops and TENOFF from the database and stores every part', async () => {
    const [w1, , w3] = fx.workshops;
    const input = registration(
      [
        attendee(fx.fullPass.id, {
          legalName: 'Ana María López',
          badgeName: 'Ana',
          workshopIds: [w1!.id],
          answers: { profession: 'Researcher', dietary: 'Vegetarian' },
        }),
        attendee(fx.fullPass.id, {
          legalName: 'Ben Okafor',
          workshopIds: [w1!.id, w3!.id],
          pronouns: 'he/him',
          directoryOptIn: true,
          photoPreference: 'no_photos',
        }),
      ],
      { voucherCode: 'tenoff', buyer: { name: 'Ana Buyer', email: 'Ana.Buyer@Example.org' } },
    );
    const { order: o, accessToken } = await order(fx, input, 'client-a');

    expect(o).toMatchObject({
      status: 'pending_payment',
      subtotal: 60000,
      discount: 6000,
      total: 54000,
      currency: 'EUR',
      buyerName: 'Ana Buyer',
      buyerEmail: 'ana.buyer@example.org',
      voucherId: fx.vouchers.tenOff.id,
      clientKey: 'client-a',
      paidAt: null,
    });
    expect(o.expiresAt?.toISOString()).toBe(new Date(FIXTURE_NOW.getTime() + 15 * 60_000).toISOString());
    expect(o.reference).toMatch(/^CO\d+-[0-9A-HJKMNP-TV-Z]{8}$/);
    // Only the token's hash is stored.
    expect(o.accessTokenHash).toBe(hashToken(accessToken));
    expect(o.accessTokenHash).not.toContain(accessToken);

    const ticketRows = await t.db
      .select()
      .from(tickets)
      .where(eq(tickets.orderId, o.id))
      .orderBy(asc(tickets.legalName));
    expect(
      ticketRows.map((r) => ({
        name: r.legalName,
        badge: r.badgeName,
        price: r.price,
        discount: r.discount,
        voucher: r.voucherId,
        type: r.ticketTypeId,
      })),
    ).toEqual([
      {
        name: 'Ana María López',
        badge: 'Ana',
        price: 30000,
        discount: 3000,
        voucher: fx.vouchers.tenOff.id,
        type: fx.fullPass.id,
      },
      {
        name: 'Ben Okafor',
        badge: 'Ben',
        price: 30000,
        discount: 3000,
        voucher: fx.vouchers.tenOff.id,
        type: fx.fullPass.id,
      },
    ]);
    // Pronouns are sealed by the vault: nothing in clear, the key id beside the ciphertext.
    expect(ticketRows[1]).toMatchObject({
      pronouns: '',
      pronounsKeyId: 'test-key-1',
      directoryOptIn: true,
      photoPreference: 'no_photos',
    });
    expect(openPronouns(testVault, ticketRows[1]!)).toBe('he/him');
    expect(ticketRows[0]).toMatchObject({
      pronouns: '',
      pronounsCipher: null,
      directoryOptIn: false,
      photoPreference: 'no_photos',
    });

    const rows = await t.db
      .select({
        ticket: tickets.legalName,
        key: questions.key,
        value: answers.value,
        valueCipher: answers.valueCipher,
        keyId: answers.keyId,
      })
      .from(answers)
      .innerJoin(tickets, eq(tickets.id, answers.ticketId))
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(eq(tickets.orderId, o.id))
      .orderBy(asc(tickets.legalName), asc(questions.key));
    // The sensitive dietary answer is sealed; the profession stays plain.
    expect(rows.map((r) => [r.key, r.value === null, r.keyId])).toEqual([
      ['dietary', true, 'test-key-1'],
      ['profession', false, null],
      ['profession', false, null],
    ]);
    const stored = rows.map((r) => ({ ticket: r.ticket, key: r.key, value: storedText(r) }));
    expect(stored).toEqual([
      { ticket: 'Ana María López', key: 'dietary', value: 'Vegetarian' },
      { ticket: 'Ana María López', key: 'profession', value: 'Researcher' },
      { ticket: 'Ben Okafor', key: 'profession', value: 'Clinician' },
    ]);

    const seats = await t.db
      .select({ ticket: tickets.legalName, session: workshopSeats.sessionId })
      .from(workshopSeats)
      .innerJoin(tickets, eq(tickets.id, workshopSeats.ticketId))
      .where(eq(workshopSeats.orderId, o.id));
    expect(seats.map((s) => `${s.ticket}:${s.session}`).sort()).toEqual(
      [`Ana María López:${w1!.id}`, `Ben Okafor:${w1!.id}`, `Ben Okafor:${w3!.id}`].sort(),
    );

    const view = await getOrderByToken(fx.ctx, accessToken);
    expect(view?.status).toBe('pending_payment');
    expect(view?.tickets.map((tk) => tk.workshops.length).sort()).toEqual([1, 2]);
  });

  it('books one seat when an attendee names the same workshop twice', async () => {
    const w = fx.workshops[3]!;
    const { order: o } = await order(fx, registration([attendee(fx.fullPass.id, { workshopIds: [w.id, w.id] })]));
    const [row] = await t.db.select({ n: count() }).from(workshopSeats).where(eq(workshopSeats.orderId, o.id));
    expect(row!.n).toBe(1);
  });

  it('accepts ticket type and workshop ids written in upper case, as UUIDs are case-insensitive', async () => {
    const w = fx.workshops[2]!;
    const { order: o } = await order(
      fx,
      registration([attendee(fx.fullPass.id.toUpperCase(), { workshopIds: [w.id.toUpperCase()] })]),
    );
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, o.id));
    expect(ticket?.ticketTypeId).toBe(fx.fullPass.id);
    const seats = await t.db.select().from(workshopSeats).where(eq(workshopSeats.orderId, o.id));
    expect(seats.map((s) => s.sessionId)).toEqual([w.id]);
  });

  it('charges the early-bird price before 1 February 2030 and the regular price from then on', async () => {
    const clock = fx.clock;
    try {
      clock.set(new Date('2030-01-31T23:59:59.999Z'));
      expect((await order(fx, registration([attendee(fx.fullPass.id)]))).order.total).toBe(30000);
      clock.set(new Date('2030-02-01T00:00:00.000Z'));
      const regular = (await order(fx, registration([attendee(fx.fullPass.id)]))).order;
      expect(regular.total).toBe(40000);
      const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, regular.id));
      expect(ticket?.price).toBe(40000);
    } finally {
      clock.set(FIXTURE_NOW);
    }
  });

  it('discounts only the ticket types a limited voucher names', async () => {
    await createVoucher(fx.ctx, fx.event.id, {
      code: 'ONLINE50',
      kind: 'percent',
      value: 50,
      ticketTypeIds: [fx.virtual.id],
    });
    const { order: o } = await order(
      fx,
      registration([attendee(fx.fullPass.id), guest(fx.virtual.id)], { voucherCode: 'online50' }),
    );
    expect(o).toMatchObject({ subtotal: 39000, discount: 4500, total: 34500 });
    const rows = await t.db
      .select({ type: tickets.ticketTypeId, discount: tickets.discount, voucher: tickets.voucherId })
      .from(tickets)
      .where(eq(tickets.orderId, o.id));
    expect(rows.find((r) => r.type === fx.fullPass.id)).toMatchObject({ discount: 0, voucher: null });
    expect(rows.find((r) => r.type === fx.virtual.id)).toMatchObject({ discount: 4500 });
  });

  it('never takes a fixed voucher below zero for a ticket cheaper than the voucher', async () => {
    await createVoucher(fx.ctx, fx.event.id, { code: 'BIGFIX', kind: 'fixed', value: 20000 });
    const { order: o } = await order(
      fx,
      registration([guest(fx.virtual.id), attendee(fx.fullPass.id)], { voucherCode: 'BIGFIX' }),
    );
    expect(o).toMatchObject({ subtotal: 39000, discount: 9000 + 20000, total: 10000 });
  });
});

describe('free orders', () => {
  it('confirms a scholarship with SCHOLAR1 at once, for nothing, and then the voucher is used up', async () => {
    const fx = await fixture();
    const { order: o } = await order(fx, registration([guest(fx.scholarship.id)], { voucherCode: 'scholar1' }));
    expect(o).toMatchObject({
      status: 'paid',
      subtotal: 0,
      discount: 0,
      total: 0,
      expiresAt: null,
      voucherId: fx.vouchers.scholar.id,
    });
    expect(o.paidAt?.toISOString()).toBe(FIXTURE_NOW.toISOString());
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, o.id));
    expect(ticket?.voucherId).toBe(fx.vouchers.scholar.id);

    const again = await refusal(order(fx, registration([guest(fx.scholarship.id)], { voucherCode: 'SCHOLAR1' })));
    expect(again.code).toBe('VOUCHER_EXHAUSTED');
    expect(again.fieldErrors.voucherCode).toEqual(['This voucher has been used up.']);
    expect(await orderCount(fx.event.id)).toBe(1);
  });

  it('gives a percentage voucher its uses back when the hold using it expires', async () => {
    const fx = await fixture();
    const five = Array.from({ length: 5 }, () => guest(fx.virtual.id));
    await order(fx, registration(five, { voucherCode: 'TENOFF' }));
    const exhausted = await refusal(order(fx, registration([guest(fx.virtual.id)], { voucherCode: 'TENOFF' })));
    expect(exhausted.code).toBe('VOUCHER_EXHAUSTED');
    fx.clock.advance(15 * 60_000);
    const { order: o } = await order(fx, registration([guest(fx.virtual.id)], { voucherCode: 'TENOFF' }));
    expect(o.discount).toBe(900);
  });

  it('hands out limited vouchers exactly as often as allowed to concurrent buyers', async () => {
    const fx = await fixture();
    const tenOff = await Promise.all(
      Array.from({ length: 20 }, () =>
        order(fx, registration([guest(fx.virtual.id)], { voucherCode: 'TENOFF' })).then(
          () => 'ok',
          (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
        ),
      ),
    );
    expect(tenOff.filter((o) => o === 'ok')).toHaveLength(5);
    expect(tenOff.filter((o) => o === 'VOUCHER_EXHAUSTED')).toHaveLength(15);
    const scholars = await Promise.all(
      Array.from({ length: 10 }, () =>
        order(fx, registration([guest(fx.scholarship.id)], { voucherCode: 'SCHOLAR1' })).then(
          () => 'ok',
          (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
        ),
      ),
    );
    expect(scholars.filter((o) => o === 'ok')).toHaveLength(1);
    expect(scholars.filter((o) => o === 'VOUCHER_EXHAUSTED')).toHaveLength(9);
    const [used] = await t.db.select({ n: count() }).from(tickets).where(eq(tickets.voucherId, fx.vouchers.tenOff.id));
    expect(used!.n).toBe(5);
  });

  it('refuses an order needing more voucher uses than are left', async () => {
    const fx = await fixture();
    const six = Array.from({ length: 6 }, () => guest(fx.virtual.id));
    const e = await refusal(order(fx, registration(six, { voucherCode: 'TENOFF' })));
    expect(e.code).toBe('VOUCHER_EXHAUSTED');
    expect(e.fieldErrors.voucherCode).toEqual(['This voucher can be used for 5 more tickets only.']);
    expect(await orderCount(fx.event.id)).toBe(0);
  });
});

describe('refusals', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture({ workshopCapacities: [1, 10, 10] });
  });

  it('refuses the hidden scholarship type without its voucher, or with a voucher that does not name it', async () => {
    const none = await refusal(order(fx, registration([guest(fx.scholarship.id)])));
    expect(none.code).toBe('VALIDATION');
    expect(none.fieldErrors['attendees.0.ticketTypeId']).toEqual(['This ticket type needs a voucher']);
    const wrong = await refusal(order(fx, registration([guest(fx.scholarship.id)], { voucherCode: 'TENOFF' })));
    expect(wrong.fieldErrors['attendees.0.ticketTypeId']).toEqual(['This ticket type needs a voucher']);
  });

  it('refuses an unknown voucher code with a field message', async () => {
    const e = await refusal(order(fx, registration([attendee(fx.fullPass.id)], { voucherCode: 'NOSUCHCODE' })));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors.voucherCode).toEqual(['This voucher code is not valid']);
  });

  it('refuses a voucher outside its validity dates', async () => {
    await createVoucher(fx.ctx, fx.event.id, {
      code: 'LATER',
      kind: 'percent',
      value: 5,
      validFrom: new Date('2030-02-01T00:00:00Z'),
    });
    await createVoucher(fx.ctx, fx.event.id, { code: 'GONE', kind: 'percent', value: 5, validUntil: FIXTURE_NOW });
    for (const code of ['LATER', 'GONE']) {
      const e = await refusal(order(fx, registration([attendee(fx.fullPass.id)], { voucherCode: code })));
      expect(e.fieldErrors.voucherCode).toEqual(['This voucher is not valid at this time']);
    }
  });

  it('refuses two workshops at the same time for one attendee with a field message on its workshopIds', async () => {
    const [w1, w2] = fx.workshops;
    const e = await refusal(order(fx, registration([attendee(fx.fullPass.id, { workshopIds: [w2!.id, w1!.id] })])));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors['attendees.0.workshopIds']).toEqual([
      '"Workshop 1" overlaps "Workshop 2"; choose one of them',
    ]);
  });

  it('refuses workshops on a virtual pass', async () => {
    const e = await refusal(
      order(fx, registration([attendee(fx.fullPass.id), guest(fx.virtual.id, { workshopIds: [fx.workshops[2]!.id] })])),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors['attendees.1.workshopIds']).toEqual(['Online pass does not include workshops']);
    expect(Object.keys(e.fieldErrors)).toEqual(['attendees.1.workshopIds']);
  });

  it('refuses a workshop on another day than the one a day pass is valid for', async () => {
    const fx = await fixture({ workshopCapacities: [10, 10, 10] });
    const friday = await createTicketType(fx.ctx, fx.event.id, {
      code: 'friday',
      publicLabel: 'Friday pass',
      internalLabel: 'Friday',
      validOn: '2030-03-29',
      prices: [{ label: 'Day', amount: 15000 }],
    });
    const thursday = await createTicketType(fx.ctx, fx.event.id, {
      code: 'thursday',
      publicLabel: 'Thursday pass',
      internalLabel: 'Thursday',
      validOn: '2030-03-28',
      prices: [{ label: 'Day', amount: 15000 }],
    });
    const e = await refusal(order(fx, registration([guest(friday.id, { workshopIds: [fx.workshops[2]!.id] })])));
    expect(e.fieldErrors['attendees.0.workshopIds']).toEqual(['"Workshop 3" is not on the day this pass is valid for']);
    const ok = await order(fx, registration([guest(thursday.id, { workshopIds: [fx.workshops[2]!.id] })]));
    expect(ok.order.total).toBe(15000);
  });

  it('refuses a missing required answer, a choice outside the options and a question of another type', async () => {
    const before = await orderCount(fx.event.id);
    const missing = await refusal(order(fx, registration([attendee(fx.fullPass.id, { answers: {} })])));
    expect(missing.code).toBe('VALIDATION');
    expect(missing.fieldErrors['attendees.0.answers.profession']).toEqual(['Profession is required']);
    const blank = await refusal(
      order(fx, registration([attendee(fx.fullPass.id, { answers: { profession: '   ' } })])),
    );
    expect(blank.fieldErrors['attendees.0.answers.profession']).toEqual(['Profession is required']);
    const badChoice = await refusal(
      order(fx, registration([attendee(fx.fullPass.id, { answers: { profession: 'Astronaut' } })])),
    );
    expect(badChoice.fieldErrors['attendees.0.answers.profession']).toEqual(['Choose one of the options']);
    const stranger = await refusal(
      order(fx, registration([attendee(fx.virtual.id, { answers: { profession: 'Clinician' } })])),
    );
    expect(stranger.fieldErrors['attendees.0.answers.profession']).toEqual([
      'This question does not belong to the ticket type',
    ]);
    const control = await refusal(
      order(
        fx,
        registration([attendee(fx.fullPass.id, { answers: { profession: 'Clinician', dietary: 'none\u202e' } })]),
      ),
    );
    expect(control.fieldErrors['attendees.0.answers.dietary']).toEqual([
      'The answer contains characters that are not allowed',
    ]);
    expect(await orderCount(fx.event.id)).toBe(before);
  });

  it('refuses a sold-out workshop with SOLD_OUT naming the workshop pool, and writes nothing for that order', async () => {
    const small = fx.workshops[0]!;
    await order(fx, registration([attendee(fx.fullPass.id, { workshopIds: [small.id] })]));
    const before = await orderCount(fx.event.id);
    const seatsIn = async (id: string) =>
      (await t.db.select({ n: count() }).from(workshopSeats).where(eq(workshopSeats.sessionId, id)))[0]!.n;
    const otherSeats = await seatsIn(fx.workshops[2]!.id);
    const e = await refusal(
      order(fx, registration([attendee(fx.fullPass.id, { workshopIds: [fx.workshops[2]!.id, small.id] })])),
    );
    expect(e.code).toBe('SOLD_OUT');
    expect(e.details).toEqual({ pool: 'workshop', sessionId: small.id, remaining: 0 });
    expect(e.fieldErrors.workshops).toEqual(['The workshop "Workshop 1" is full.']);
    expect(await orderCount(fx.event.id)).toBe(before);
    expect(await seatsIn(fx.workshops[2]!.id)).toBe(otherSeats);
    expect(await seatsIn(small.id)).toBe(1);
  });

  it('enforces the per-order maximum of a ticket type', async () => {
    const eleven = Array.from({ length: 11 }, () => attendee(fx.fullPass.id));
    const e = await refusal(order(fx, registration(eleven)));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors.attendees).toEqual(['Full pass: at most 10 per order']);
    const twoScholars = await refusal(
      order(fx, registration([guest(fx.scholarship.id), guest(fx.scholarship.id)], { voucherCode: 'SCHOLAR1' })),
    );
    expect(twoScholars.fieldErrors.attendees).toEqual(['Conference pass: at most 1 per order']);
  });

  it('enforces the per-order minimum of a group ticket', async () => {
    const group = await createTicketType(fx.ctx, fx.event.id, {
      code: 'group',
      publicLabel: 'Group of three',
      internalLabel: 'Group',
      minPerOrder: 3,
      prices: [{ label: 'Group', amount: 25000 }],
    });
    const e = await refusal(order(fx, registration([guest(group.id), guest(group.id)])));
    expect(e.fieldErrors.attendees).toEqual(['Group of three: at least 3 per order']);
    const ok = await order(fx, registration([guest(group.id), guest(group.id), guest(group.id)]));
    expect(ok.order.total).toBe(75000);
  });

  it('refuses a ticket type whose sale has ended or not yet begun with SALE_CLOSED', async () => {
    const ended = await createTicketType(fx.ctx, fx.event.id, {
      code: 'ended',
      publicLabel: 'Supporter',
      internalLabel: 'Supporter',
      saleEndsAt: FIXTURE_NOW,
      prices: [{ label: 'One', amount: 100 }],
    });
    const future = await createTicketType(fx.ctx, fx.event.id, {
      code: 'future',
      publicLabel: 'Day pass',
      internalLabel: 'Day',
      saleStartsAt: new Date(FIXTURE_NOW.getTime() + 1),
      prices: [{ label: 'One', amount: 100 }],
    });
    for (const type of [ended, future]) {
      const e = await refusal(order(fx, registration([guest(type.id)])));
      expect(e.code).toBe('SALE_CLOSED');
      expect(e.fieldErrors['attendees.0.ticketTypeId']).toEqual([`${type.publicLabel} is not on sale at this time`]);
    }
    // Mixed with another mistake it is an ordinary validation error.
    const mixed = await refusal(
      order(fx, registration([attendee(ended.id), attendee(fx.fullPass.id, { answers: {} })])),
    );
    expect(mixed.code).toBe('VALIDATION');
    // The sale opens at its start time.
    fx.clock.set(future.saleStartsAt!);
    try {
      expect((await order(fx, registration([guest(future.id)]))).order.total).toBe(100);
    } finally {
      fx.clock.set(FIXTURE_NOW);
    }
  });

  it('refuses a ticket type with no price in force as not on sale', async () => {
    const priceless = await createTicketType(fx.ctx, fx.event.id, {
      code: 'priceless',
      publicLabel: 'Patron',
      internalLabel: 'Patron',
      prices: [{ label: 'Later', amount: 100, startsAt: new Date('2030-03-01T00:00:00Z') }],
    });
    expect((await refusal(order(fx, registration([guest(priceless.id)])))).code).toBe('SALE_CLOSED');
  });

  it('refuses a sold-out ticket type with SOLD_OUT naming the ticket type pool', async () => {
    const tiny = await createTicketType(fx.ctx, fx.event.id, {
      code: 'tiny',
      publicLabel: 'Speaker guest',
      internalLabel: 'Guest',
      capacity: 2,
      prices: [{ label: 'One', amount: 100 }],
    });
    const e1 = await refusal(order(fx, registration([guest(tiny.id), guest(tiny.id), guest(tiny.id)])));
    expect(e1.code).toBe('SOLD_OUT');
    expect(e1.details).toEqual({ pool: 'ticket_type', ticketTypeId: tiny.id, remaining: 2 });
    expect(e1.message).toBe('Only 2 Speaker guest left.');
    await order(fx, registration([guest(tiny.id), guest(tiny.id)]));
    const e2 = await refusal(order(fx, registration([guest(tiny.id)])));
    expect(e2.details).toMatchObject({ pool: 'ticket_type', remaining: 0 });
  });

  it('refuses an unknown event with NOT_FOUND', async () => {
    const e = await refusal(
      createOrder(fx.ctx, '00000000-0000-4000-8000-000000000000', registration([attendee(fx.fullPass.id)]), {
        clientKey: null,
      }),
    );
    expect(e.code).toBe('NOT_FOUND');
  });
});

describe('capacity across pools', () => {
  it('refuses once the event capacity is reached, whatever the ticket type', async () => {
    const fx = await fixture({ eventCapacity: 3 });
    await order(fx, registration([attendee(fx.fullPass.id), guest(fx.virtual.id)]));
    const e = await refusal(order(fx, registration([attendee(fx.fullPass.id), attendee(fx.fullPass.id)])));
    expect(e.code).toBe('SOLD_OUT');
    expect(e.details).toEqual({ pool: 'event', remaining: 1 });
    await order(fx, registration([guest(fx.virtual.id)]));
    const [n] = await t.db
      .select({ n: count() })
      .from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(eq(orders.eventId, fx.event.id));
    expect(n!.n).toBe(3);
  });
});

// The admin attendee search: matches legal and badge names, attendee and buyer emails and references
// case-insensitively anywhere in the text, takes % and _ literally, filters by effective status (a lapsed hold is
// expired before housekeeping runs), ticket type and workshop, pages with a total, and stays inside one event.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, type OrderStatus } from '@/db/schema';
import { createManualClock } from '@/lib/adapters/clock';
import { searchAttendees, type AttendeeSearchQuery } from '@/lib/attendees/search';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
let other: Fixture;
const refs: Record<string, string> = {};
const HOLD_MS = 15 * 60_000;

async function place(
  f: Fixture,
  key: string,
  buyer: { name: string; email: string },
  people: Record<string, unknown>[],
  status?: OrderStatus,
) {
  const { order } = await createOrder(f.ctx, f.event.id, registration(people, { buyer }), { clientKey: null });
  if (status)
    await t.db
      .update(orders)
      .set({ status, expiresAt: status === 'pending_payment' ? order.expiresAt : null })
      .where(eq(orders.id, order.id));
  refs[key] = order.reference;
  return order;
}

beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'srch' });
  other = await buildRegistrationFixture(t.db, { slug: 'srch-other' });
  const person = (legalName: string, email: string, extra: Record<string, unknown> = {}) =>
    attendee(fx.fullPass.id, { legalName, email, ...extra });
  await place(
    fx,
    'zoe',
    { name: 'Zoë Blake', email: 'zoe.blake@clinic.example' },
    [
      person('Zoë Ångström-Blake', 'zoe.blake@clinic.example', {
        badgeName: 'Zed',
        workshopIds: [fx.workshops[0]!.id],
      }),
    ],
    'paid',
  );
  await place(fx, 'harbour', { name: 'Harbour Treatment Centre', email: 'intake@harbour.example' }, [
    person('Ravi Menon', 'ravi@menon.example'),
    attendee(fx.virtual.id, { legalName: 'Ana Lima', email: 'ana.lima@menon.example', answers: {} }),
  ]);
  await place(
    fx,
    'literal',
    { name: 'Literal Buyer', email: 'literal@example.org' },
    [person('Percy 100% Sure', 'first_last@example.org'), person('Paula 1000 Doubt', 'firstxlast@example.org')],
    'cancelled',
  );
  await place(
    fx,
    'refunded',
    { name: 'Rhea Refund', email: 'rhea@example.org' },
    [person('Rhea Refund', 'rhea@example.org')],
    'refunded',
  );
  await place(
    fx,
    'expired',
    { name: 'Eli Expired', email: 'eli@example.org' },
    [person('Eli Expired', 'eli@example.org')],
    'expired',
  );
  // The same surname in another event must never show up in this one.
  await place(
    other,
    'elsewhere',
    { name: 'Zoë Elsewhere', email: 'zoe@elsewhere.example' },
    [attendee(other.fullPass.id, { legalName: 'Zoë Ångström', email: 'zoe@elsewhere.example' })],
    'paid',
  );
});

const search = (q: Partial<AttendeeSearchQuery> = {}, now = FIXTURE_NOW) =>
  searchAttendees({ db: t.db, clock: createManualClock(now) }, { eventId: fx.event.id, page: 1, pageSize: 50, ...q });
const names = async (q: Partial<AttendeeSearchQuery>, now?: Date) =>
  (await search(q, now)).rows.map((r) => r.legalName).sort();

describe('text search', () => {
  it('matches a legal name anywhere in it, in any case, including letters outside ASCII', async () => {
    expect(await names({ q: 'ÅNGSTRÖM' })).toEqual(['Zoë Ångström-Blake']);
    expect(await names({ q: 'gström-bl' })).toEqual(['Zoë Ångström-Blake']);
    expect(await names({ q: 'menon' })).toEqual(['Ana Lima', 'Ravi Menon']); // Ana by her email, Ravi by both
  });

  it('matches a badge name', async () => {
    expect(await names({ q: 'zed' })).toEqual(['Zoë Ångström-Blake']);
  });

  it("matches an attendee's email and a buyer's email, giving every ticket of that order", async () => {
    expect(await names({ q: 'RAVI@MENON' })).toEqual(['Ravi Menon']);
    expect(await names({ q: 'intake@harbour' })).toEqual(['Ana Lima', 'Ravi Menon']);
    expect(await names({ q: 'harbour treatment' })).toEqual(['Ana Lima', 'Ravi Menon']);
    // Too short for a trigram (runs of letters and digits only): the same answer through the other plan.
    expect(await names({ q: 'R.' })).toEqual(['Ana Lima', 'Ravi Menon']);
  });

  it('matches an order reference, whole or in part, in any case', async () => {
    const ref = refs.harbour!;
    expect(await names({ q: ref })).toEqual(['Ana Lima', 'Ravi Menon']);
    expect(await names({ q: ref.slice(-5).toLowerCase() })).toEqual(['Ana Lima', 'Ravi Menon']);
  });

  it('takes % and _ literally instead of as wildcards', async () => {
    expect(await names({ q: '100%' })).toEqual(['Percy 100% Sure']);
    expect(await names({ q: 'first_last' })).toEqual(['Percy 100% Sure']);
    expect(await names({ q: '%' })).toEqual(['Percy 100% Sure']);
    expect(await names({ q: '_' })).toEqual(['Percy 100% Sure']);
    expect(await names({ q: '\\' })).toEqual([]);
  });

  it('stays inside the event and answers an empty list when nothing matches', async () => {
    expect(await names({ q: 'elsewhere' })).toEqual([]);
    expect(await search({ q: 'nobody-by-this-name' })).toMatchObject({ rows: [], total: 0 });
  });

  it('treats a blank search as no search', async () => {
    expect((await search({ q: '   ' })).total).toBe(7);
  });
});

describe('filters', () => {
  it('filters by effective status: a hold past its expiry counts as expired before housekeeping marks it', async () => {
    expect(await names({ status: 'paid' })).toEqual(['Zoë Ångström-Blake']);
    expect(await names({ status: 'pending_payment' })).toEqual(['Ana Lima', 'Ravi Menon']);
    expect(await names({ status: 'expired' })).toEqual(['Eli Expired']);
    expect(await names({ status: 'cancelled' })).toEqual(['Paula 1000 Doubt', 'Percy 100% Sure']);
    expect(await names({ status: 'refunded' })).toEqual(['Rhea Refund']);

    const later = new Date(FIXTURE_NOW.getTime() + HOLD_MS + 1000);
    expect(await names({ status: 'pending_payment' }, later)).toEqual([]);
    expect(await names({ status: 'expired' }, later)).toEqual(['Ana Lima', 'Eli Expired', 'Ravi Menon']);
    const rows = (await search({ q: 'menon' }, later)).rows;
    expect(rows.map((r) => r.orderStatus)).toEqual(['expired', 'expired']);
    // Nothing was written: the database still says pending.
    const [stored] = await t.db
      .select({ status: orders.status })
      .from(orders)
      .where(eq(orders.reference, refs.harbour!));
    expect(stored?.status).toBe('pending_payment');
  });

  it('filters by ticket type and by workshop, and combines filters with the text search', async () => {
    expect(await names({ ticketTypeId: fx.virtual.id })).toEqual(['Ana Lima']);
    expect(await names({ sessionId: fx.workshops[0]!.id })).toEqual(['Zoë Ångström-Blake']);
    expect(await names({ sessionId: fx.workshops[1]!.id })).toEqual([]);
    expect(await names({ q: 'menon', ticketTypeId: fx.fullPass.id })).toEqual(['Ravi Menon']);
    expect(await names({ q: 'menon', status: 'paid' })).toEqual([]);
    expect(await names({ q: 'blake', status: 'paid', sessionId: fx.workshops[0]!.id })).toEqual(['Zoë Ångström-Blake']);
    // A ticket type of another event matches nothing here.
    expect(await names({ ticketTypeId: other.fullPass.id })).toEqual([]);
  });

  it('returns the row fields the list shows', async () => {
    const [row] = (await search({ q: 'ångström' })).rows;
    const [order] = await t.db.select().from(orders).where(eq(orders.reference, refs.zoe!));
    expect(row).toMatchObject({
      orderId: order!.id,
      reference: refs.zoe,
      legalName: 'Zoë Ångström-Blake',
      badgeName: 'Zed',
      email: 'zoe.blake@clinic.example',
      ticketLabel: 'Full pass (in person)',
      orderStatus: 'paid',
      source: 'online',
      workshops: ['Workshop 1'],
    });
    expect(row!.createdAt).toEqual(FIXTURE_NOW);
    expect(row!.ticketId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('pages', () => {
  it('pages newest first with the total of every match, and an empty page past the end', async () => {
    const f = await buildRegistrationFixture(t.db, { slug: 'srch-pages' });
    const clock = createManualClock(FIXTURE_NOW);
    const ctx = { ...f.ctx, clock };
    for (let i = 0; i < 7; i++) {
      clock.set(new Date(FIXTURE_NOW.getTime() + i * 60_000));
      await createOrder(ctx, f.event.id, registration([attendee(f.fullPass.id, { legalName: `Pager Person ${i}` })]), {
        clientKey: null,
      });
    }
    const page = (n: number) =>
      searchAttendees({ db: t.db, clock }, { eventId: f.event.id, q: 'pager', page: n, pageSize: 3 });
    const [p1, p2, p3, p4] = await Promise.all([page(1), page(2), page(3), page(4)]);
    expect(p1.rows.map((r) => r.legalName)).toEqual(['Pager Person 6', 'Pager Person 5', 'Pager Person 4']);
    expect(p2.rows.map((r) => r.legalName)).toEqual(['Pager Person 3', 'Pager Person 2', 'Pager Person 1']);
    expect(p3.rows.map((r) => r.legalName)).toEqual(['Pager Person 0']);
    expect(p4.rows).toEqual([]);
    for (const p of [p1, p2, p3, p4]) expect(p).toMatchObject({ total: 7, pageSize: 3 });
    expect(p3.page).toBe(3);
  });
});

describe('validation', () => {
  async function fieldsOf(q: Record<string, unknown>): Promise<Record<string, string[]>> {
    const error = await searchAttendees({ db: t.db, clock: createManualClock(FIXTURE_NOW) }, {
      eventId: fx.event.id,
      page: 1,
      pageSize: 50,
      ...q,
    } as AttendeeSearchQuery).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION');
    return (error as DomainError).fieldErrors;
  }

  it('refuses a page below 1, a page size outside 1..200, bad ids and an unknown status, with a message per field', async () => {
    expect(await fieldsOf({ page: 0 })).toEqual({ page: ['Page must be 1 or more.'] });
    expect(await fieldsOf({ pageSize: 0 })).toEqual({ pageSize: ['Page size must be between 1 and 200.'] });
    expect(await fieldsOf({ pageSize: 201 })).toEqual({ pageSize: ['Page size must be between 1 and 200.'] });
    expect(await fieldsOf({ page: 1.5 })).toEqual({ page: ['Page must be a whole number.'] });
    expect(await fieldsOf({ eventId: 'nope' })).toEqual({ eventId: ['Choose a valid event.'] });
    expect(await fieldsOf({ ticketTypeId: 'x' })).toEqual({ ticketTypeId: ['Choose a valid ticket type.'] });
    expect(await fieldsOf({ sessionId: '1; drop table tickets' })).toEqual({ sessionId: ['Choose a valid workshop.'] });
    expect(await fieldsOf({ status: 'gone' })).toEqual({ status: ['Choose a valid status.'] });
    expect(await fieldsOf({ q: 'x'.repeat(201) })).toEqual({ q: ['Search for at most 200 characters.'] });
  });
});

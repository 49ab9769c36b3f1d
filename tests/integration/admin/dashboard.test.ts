// The dashboard's figures against data whose answers are known: sales and kept revenue per ticket type (a mixed,
// partly refunded order shared by price), seats taken per pool and workshop (paid, live holds and live offers,
// never expired holds), waiting lists, registrations per day in the event's zone, payments and emails needing
// attention, check-in counts; another event's data never shows.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIns, checkinLists, emailMessages, orders, tickets, waitlistEntries } from '@/db/schema';
import { dailySeries, getDashboard, type Dashboard } from '@/lib/reporting/dashboard';
import { getCheckinCounts } from '@/lib/checkin/counts';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
let other: Fixture;
let dash: Dashboard;
const ids: Record<string, string> = {};

async function order(f: Fixture, at: string, attendees: Record<string, unknown>[]) {
  f.clock.set(new Date(at));
  const { order: o } = await createOrder(f.ctx, f.event.id, registration(attendees), { clientKey: null });
  return o;
}

async function pay(orderId: string, refunded = 0) {
  const [o] = await t.db.select().from(orders).where(eq(orders.id, orderId));
  await t.db
    .update(orders)
    .set({
      status: 'paid',
      paymentState: refunded ? 'partially_refunded' : 'paid',
      amountPaid: o!.total,
      amountRefunded: refunded,
      paidAt: o!.createdAt,
    })
    .where(eq(orders.id, orderId));
}

async function failedEmail(orderId: string | null, status: 'failed' | 'bounced' | 'sent', at: string) {
  await t.db.insert(emailMessages).values({
    kind: 'order_confirmation',
    orderId,
    toEmail: `mail-${Math.random().toString(36).slice(2)}@example.org`,
    idempotencyKey: `k-${Math.random()}`,
    status,
    lastError: status === 'sent' ? null : 'Mailbox unavailable',
    createdAt: new Date(at),
    updatedAt: new Date(at),
  });
}

beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'dash', fullPassCapacity: 10, workshopCapacities: [2, 3] });
  const [w1, w2] = fx.workshops;
  // A: two full passes (early bird, 300.00 each), one with workshop 1; paid on 8 January.
  const a = await order(fx, '2030-01-08T12:00:00Z', [
    attendee(fx.fullPass.id, { workshopIds: [w1!.id] }),
    attendee(fx.fullPass.id),
  ]);
  await pay(a.id);
  // C: one online pass (90.00), paid at 23:30 UTC on 9 January, which is already 10 January in Amsterdam.
  const c = await order(fx, '2030-01-09T23:30:00Z', [attendee(fx.virtual.id, { answers: {} })]);
  await pay(c.id);
  // B: a full pass and an online pass (390.00), 130.00 refunded: 260.00 kept, shared 200.00 / 60.00 by price.
  const b = await order(fx, '2030-01-10T09:00:00Z', [
    attendee(fx.fullPass.id),
    attendee(fx.virtual.id, { answers: {} }),
  ]);
  await pay(b.id, 13000);
  await t.db
    .update(orders)
    .set({ attentionReason: 'Paid amount differs from the order total', updatedAt: new Date('2030-01-10T09:05:00Z') })
    .where(eq(orders.id, b.id));
  // E: a hold that lapsed at 09:45 and was never swept; D: a live hold with a seat in workshop 2.
  await order(fx, '2030-01-10T09:30:00Z', [attendee(fx.fullPass.id)]);
  const d = await order(fx, '2030-01-10T10:00:00Z', [attendee(fx.fullPass.id, { workshopIds: [w2!.id] })]);
  Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });

  const now = new Date('2030-01-10T10:00:00Z');
  await t.db.insert(waitlistEntries).values([
    {
      eventId: fx.event.id,
      ticketTypeId: fx.fullPass.id,
      name: 'Live offer',
      email: 'offer@example.org',
      status: 'offered',
      offeredAt: now,
      offerExpiresAt: new Date(now.getTime() + 3_600_000),
    },
    {
      eventId: fx.event.id,
      ticketTypeId: fx.fullPass.id,
      name: 'Lapsed offer',
      email: 'lapsed@example.org',
      status: 'offered',
      offeredAt: now,
      offerExpiresAt: new Date(now.getTime() - 60_000),
    },
    {
      eventId: fx.event.id,
      ticketTypeId: fx.fullPass.id,
      name: 'Waiting',
      email: 'wait1@example.org',
      confirmedAt: now,
    },
    // Not confirmed by its address's owner: not on the list yet, so not counted.
    {
      eventId: fx.event.id,
      ticketTypeId: fx.fullPass.id,
      name: 'Unconfirmed',
      email: 'unconfirmed@example.org',
      confirmExpiresAt: new Date(now.getTime() + 3_600_000),
    },
    { eventId: fx.event.id, sessionId: w1!.id, name: 'Waiting for w1', email: 'wait2@example.org', confirmedAt: now },
    { eventId: fx.event.id, sessionId: w1!.id, name: 'Done', email: 'done@example.org', status: 'accepted' },
  ]);
  await failedEmail(a.id, 'failed', '2030-01-09T08:00:00Z');
  await failedEmail(b.id, 'bounced', '2030-01-10T09:10:00Z');
  await failedEmail(c.id, 'sent', '2030-01-10T09:10:00Z');
  const [list] = await t.db.insert(checkinLists).values({ eventId: fx.event.id, name: 'Entrance' }).returning();
  const [firstOfA] = await t.db.select().from(tickets).where(eq(tickets.orderId, a.id)).limit(1);
  await t.db.insert(checkIns).values({ listId: list!.id, ticketId: firstOfA!.id, checkedInAt: now, byLabel: 'door' });

  // Another event with a paid order and a failed email: none of it belongs on this dashboard.
  other = await buildRegistrationFixture(t.db, { slug: 'dash-other' });
  const x = await order(other, '2030-01-10T09:00:00Z', [attendee(other.fullPass.id)]);
  await pay(x.id);
  await t.db.update(orders).set({ attentionReason: 'Other event' }).where(eq(orders.id, x.id));
  await failedEmail(x.id, 'failed', '2030-01-10T09:20:00Z');

  fx.clock.set(now);
  dash = (await getDashboard(fx.ctx, fx.event.id))!;
});

describe('dashboard', () => {
  it('counts tickets sold and the money kept per ticket type, from paid orders only', () => {
    const full = dash.ticketTypes.find((x) => x.id === fx.fullPass.id)!;
    const virtual = dash.ticketTypes.find((x) => x.id === fx.virtual.id)!;
    const scholarship = dash.ticketTypes.find((x) => x.id === fx.scholarship.id)!;
    expect(full).toMatchObject({ label: 'Full pass (in person)', capacity: 10, sold: 3, revenue: 80000, held: 1 });
    expect(virtual).toMatchObject({ sold: 2, revenue: 15000, held: 0 });
    expect(scholarship).toMatchObject({ sold: 0, revenue: 0, held: 0, taken: 0 });
    expect(dash.totals).toEqual({ sold: 5, revenue: 95000, paidOrders: 3 });
  });

  it('counts seats taken as the order path does: paid, live holds and live offers, never a lapsed hold', () => {
    const full = dash.ticketTypes.find((x) => x.id === fx.fullPass.id)!;
    // 3 paid + 1 live hold + 1 live offer; the lapsed hold and the lapsed offer do not count.
    expect(full).toMatchObject({ taken: 5, waiting: 1, offered: 1 });
    expect(dash.eventPool).toMatchObject({ name: 'Whole event', capacity: null, taken: 7 });
    expect(dash.pools).toEqual([{ id: fx.venue.id, name: 'Venue', capacity: 100_000, taken: 5 }]);
    const [w1, w2] = dash.workshops;
    expect(w1).toMatchObject({
      id: fx.workshops[0]!.id,
      name: 'Workshop 1',
      capacity: 2,
      taken: 1,
      waiting: 1,
      offered: 0,
    });
    expect(w2).toMatchObject({ id: fx.workshops[1]!.id, capacity: 3, taken: 1, waiting: 0, offered: 0 });
  });

  it('shows live holds with the first one to lapse', () => {
    expect(dash.holds).toEqual({ orders: 1, tickets: 1, nextExpiry: new Date('2030-01-10T10:15:00Z') });
  });

  it('counts registrations per day in the event time zone, with empty days filled in', () => {
    expect(dash.registrations).toEqual([
      { day: '2030-01-08', orders: 1, tickets: 2 },
      { day: '2030-01-09', orders: 0, tickets: 0 },
      { day: '2030-01-10', orders: 2, tickets: 3 },
    ]);
  });

  it('lists payments needing attention and failed emails of this event only, newest first', () => {
    expect(dash.attention.count).toBe(1);
    expect(dash.attention.items).toEqual([
      expect.objectContaining({ id: ids.b, reason: 'Paid amount differs from the order total' }),
    ]);
    expect(dash.emailFailures.count).toBe(2);
    expect(dash.emailFailures.items.map((m) => [m.orderId, m.status])).toEqual([
      [ids.b, 'bounced'],
      [ids.a, 'failed'],
    ]);
    expect(dash.emailFailures.items[0]).toMatchObject({
      lastError: 'Mailbox unavailable',
      orderReference: expect.any(String),
    });
  });

  it('includes the check-in counts per list', async () => {
    expect(dash.checkins).toEqual(await getCheckinCounts(fx.ctx, fx.event.id));
    expect(dash.checkins).toEqual([expect.objectContaining({ name: 'Entrance', checkedIn: 1 })]);
  });

  it('is null for an unknown event and empty for an event without sales', async () => {
    expect(await getDashboard(fx.ctx, '00000000-0000-4000-8000-000000000000')).toBeNull();
    const empty = await buildRegistrationFixture(t.db, { slug: 'dash-empty' });
    const d = (await getDashboard(empty.ctx, empty.event.id))!;
    expect(d.totals).toEqual({ sold: 0, revenue: 0, paidOrders: 0 });
    expect(d.registrations).toEqual([]);
    expect(d.holds).toEqual({ orders: 0, tickets: 0, nextExpiry: null });
    expect(d.ticketTypes.every((x) => x.sold === 0 && x.taken === 0)).toBe(true);
  });
});

describe('dailySeries', () => {
  it('runs to today and keeps at most the last maxDays days', () => {
    const rows = [
      { day: '2030-01-01', orders: 1, tickets: 1 },
      { day: '2030-01-09', orders: 2, tickets: 4 },
    ];
    expect(dailySeries(rows, '2030-01-10').map((r) => r.day)).toEqual(
      [...Array(10)].map((_, i) => `2030-01-${String(i + 1).padStart(2, '0')}`),
    );
    const capped = dailySeries(rows, '2030-01-10', 3);
    expect(capped).toEqual([
      { day: '2030-01-08', orders: 0, tickets: 0 },
      { day: '2030-01-09', orders: 2, tickets: 4 },
      { day: '2030-01-10', orders: 0, tickets: 0 },
    ]);
  });
});

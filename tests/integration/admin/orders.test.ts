// Organizers' order tools: partial refunds typed in major units through the (in-memory) gateway, cancelling,
// resending a confirmation as a second message, complimentary registrations (free, paid at once, seats taken
// under the same pool locks) and manual ones (a priced hold), each with its audit entry; and the order list and
// page read models.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, emailMessages, orders, tickets, users } from '@/db/schema';
import { createManualOrder, getManualOrderForm } from '@/lib/orders/manual-order';
import {
  cancelOrderAsStaff,
  parseMajorAmount,
  refundOrderAsStaff,
  resendConfirmation,
} from '@/lib/orders/staff-actions';
import { getOrderDetail, listOrders } from '@/lib/orders/staff-queries';
import { poolLocker, type PoolLocker } from '@/lib/capacity/seats';
import { DomainError } from '@/lib/errors';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { attendee, FIXTURE_NOW } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, reload, succeeded, type PaymentFixture } from '../payments/helpers';

const t = useTestDb();

let fx: PaymentFixture;
let staff: { id: string; email: string };

beforeAll(async () => {
  fx = await buildPaymentFixture(t.db, { slug: 'adm-ord', fullPassCapacity: 100 });
  const [u] = await t.db.insert(users).values({ email: 'organizer@staff.example', role: 'organizer' }).returning();
  staff = { id: u!.id, email: u!.email };
});

async function paidOrder(email?: string) {
  const placed = await placeOrder(fx, email);
  fx.gateway.pay(placed.sessionId);
  await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
  return reload(t.db, placed.order.id);
}

const auditOf = (orderId: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orderId, orderId), eq(auditLog.action, action)));
const confirmations = (orderId: string) =>
  t.db
    .select()
    .from(emailMessages)
    .where(and(eq(emailMessages.orderId, orderId), eq(emailMessages.kind, 'order_confirmation')));

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('parseMajorAmount', () => {
  it('reads major units into minor units for the currency, and nothing else', () => {
    expect(parseMajorAmount('100', 'EUR')).toBe(10000);
    expect(parseMajorAmount(' 100.5 ', 'EUR')).toBe(10050);
    expect(parseMajorAmount('0,05', 'EUR')).toBe(5);
    expect(parseMajorAmount('1500', 'JPY')).toBe(1500);
    for (const bad of ['', '1.234', '-5', '1e3', '12.', 'ten', '1 000', '1.5', '0x10'].map(
      (v) => [v, v === '1.5' ? 'JPY' : 'EUR'] as const,
    )) {
      expect(parseMajorAmount(bad[0], bad[1]), bad[0]).toBeNull();
    }
  });
});

describe('refunds by an organizer', () => {
  it('refunds part of a paid order through the gateway, in major units, and audits it in the same transaction', async () => {
    const order = await paidOrder();
    expect(order).toMatchObject({ status: 'paid', amountPaid: 30000 });
    const { refund, order: after } = await refundOrderAsStaff(fx.pctx, staff, {
      orderId: order.id,
      amount: '100.50',
      reason: 'one day only',
    });
    expect(refund).toMatchObject({ amount: 10050, status: 'succeeded' });
    expect(fx.gateway.refundsMade.get(refund.idempotencyKey)).toMatchObject({
      amount: 10050,
      paymentReference: order.paymentReference,
    });
    expect(after).toMatchObject({ status: 'paid', paymentState: 'partially_refunded', amountRefunded: 10050 });
    const [entry, ...more] = await auditOf(order.id, 'order.refund');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      actorUserId: staff.id,
      actorLabel: staff.email,
      eventId: fx.event.id,
      summary: 'Refund of €100.50 requested',
      details: { amount: 10050, currency: 'EUR', reason: 'one day only' },
    });

    const detail = await getOrderDetail(fx.ctx, order.id);
    expect(detail!.refundable).toBe(30000 - 10050);
    expect(detail!.refunds).toEqual([expect.objectContaining({ amount: 10050, status: 'succeeded' })]);
    expect(detail!.audit.map((a) => a.action)).toContain('order.refund');
  });

  it('refuses amounts that are not amounts or more than is left, in the organizer’s units, and records nothing', async () => {
    const order = await paidOrder();
    await refundOrderAsStaff(fx.pctx, staff, { orderId: order.id, amount: '250', reason: '' });
    const tooMuch = await errorOf(
      refundOrderAsStaff(fx.pctx, staff, { orderId: order.id, amount: '50.01', reason: '' }),
    );
    expect(tooMuch).toMatchObject({
      code: 'VALIDATION',
      message: 'At most €50.00 can be refunded.',
      fieldErrors: { amount: ['At most €50.00 can be refunded.'] },
    });
    for (const amount of ['0', 'abc', '-3', '1.001']) {
      const bad = await errorOf(refundOrderAsStaff(fx.pctx, staff, { orderId: order.id, amount, reason: '' }));
      expect(bad.fieldErrors.amount, amount).toEqual(['Enter an amount in EUR greater than zero, such as 25 or 25.50']);
    }
    expect(await auditOf(order.id, 'order.refund')).toHaveLength(1);
    expect((await reload(t.db, order.id)).amountRefunded).toBe(25000);
    const unpaid = await placeOrder(fx);
    expect(
      (await errorOf(refundOrderAsStaff(fx.pctx, staff, { orderId: unpaid.order.id, amount: '1', reason: '' }))).code,
    ).toBe('CONFLICT');
    expect(
      (await errorOf(refundOrderAsStaff(fx.pctx, staff, { orderId: randomUUID(), amount: '1', reason: '' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('cancels a paid order refunding what is left, with the cancellation and the refund audited', async () => {
    const order = await paidOrder();
    const result = await cancelOrderAsStaff(fx.pctx, staff, {
      orderId: order.id,
      refund: true,
      reason: 'asked by phone',
    });
    expect(result.order).toMatchObject({ status: 'cancelled', amountRefunded: 30000 });
    expect(await auditOf(order.id, 'order.cancel')).toEqual([
      expect.objectContaining({ summary: 'Cancelled the order, refunding what was left', actorUserId: staff.id }),
    ]);
    expect(await auditOf(order.id, 'order.refund')).toEqual([
      expect.objectContaining({ summary: 'Refund of €300.00 requested' }),
    ]);
    // Cancelling twice is refused and logs nothing more.
    expect((await errorOf(cancelOrderAsStaff(fx.pctx, staff, { orderId: order.id, refund: false }))).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(await auditOf(order.id, 'order.cancel')).toHaveLength(1);
  });
});

describe('resending the confirmation', () => {
  it('queues a second confirmation under a fresh key, audited, and only for paid orders', async () => {
    const order = await paidOrder();
    expect(await confirmations(order.id)).toHaveLength(1);
    const { idempotencyKey } = await resendConfirmation(fx.ctx, staff, { orderId: order.id });
    expect(idempotencyKey).toMatch(new RegExp(`^order_confirmation:${order.id}:resend:[0-9a-f-]{36}$`));
    const rows = await confirmations(order.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.idempotencyKey === idempotencyKey)).toMatchObject({
      status: 'queued',
      toEmail: order.buyerEmail,
    });
    const jobs =
      await t.sql`select count(*)::int as n from graphile_worker.jobs where key = ${`email:${rows.find((r) => r.idempotencyKey === idempotencyKey)!.id}`}`;
    expect(jobs[0]!.n).toBe(1);
    await resendConfirmation(fx.ctx, staff, { orderId: order.id });
    expect(await confirmations(order.id)).toHaveLength(3);
    expect(await auditOf(order.id, 'order.resend_confirmation')).toHaveLength(2);

    const pending = await placeOrder(fx);
    const refused = await errorOf(resendConfirmation(fx.ctx, staff, { orderId: pending.order.id }));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Only a paid order has a confirmation to resend.' });
    expect(await confirmations(pending.order.id)).toHaveLength(0);
    expect(await auditOf(pending.order.id, 'order.resend_confirmation')).toHaveLength(0);
  });

  it('refuses to mail an address that bounced', async () => {
    const email = `bounced-${randomUUID().slice(0, 8)}@example.org`;
    const order = await paidOrder(email);
    await t.sql`insert into email_suppressions (email, reason, created_at) values (${email}, 'bounced', now())`;
    const refused = await errorOf(resendConfirmation(fx.ctx, staff, { orderId: order.id }));
    expect(refused.message).toMatch(/bounced/);
    expect(await confirmations(order.id)).toHaveLength(1);
  });
});

describe('manual and complimentary registrations', () => {
  const form = (ticketTypeId: string, extra: Record<string, unknown> = {}) => ({
    buyer: { name: 'Front Desk', email: `desk-${randomUUID().slice(0, 8)}@example.org` },
    // The admin form sends every question for every attendee; the other type's blank ones are dropped.
    attendees: [attendee(ticketTypeId, { answers: { profession: 'Peer worker', dietary: '' }, ...extra })],
  });

  it('makes a complimentary order free and paid at once, confirmed, audited, priced at 0 on every line', async () => {
    const { order } = await createManualOrder(fx.ctx, staff, {
      eventId: fx.event.id,
      source: 'complimentary',
      registration: form(fx.fullPass.id, { workshopIds: [fx.workshops[0]!.id] }),
    });
    expect(order).toMatchObject({
      status: 'paid',
      source: 'complimentary',
      subtotal: 0,
      discount: 0,
      total: 0,
      expiresAt: null,
      paidAt: FIXTURE_NOW,
    });
    const lines = await t.db.select().from(tickets).where(eq(tickets.orderId, order.id));
    expect(lines.map((l) => [l.price, l.discount])).toEqual([[0, 0]]);
    expect(await confirmations(order.id)).toHaveLength(1);
    expect(await auditOf(order.id, 'order.create_complimentary')).toEqual([
      expect.objectContaining({ actorUserId: staff.id, summary: 'Registered 1 attendee free of charge' }),
    ]);
  });

  it('takes complimentary seats through the locked path: concurrent ones never exceed the capacity', async () => {
    const small = await buildPaymentFixture(t.db, { slug: 'adm-comp', fullPassCapacity: 3 });
    const keys: string[][] = [];
    const spy: PoolLocker = {
      lockStatements: (k, ms) => {
        keys.push(k);
        return poolLocker.lockStatements(k, ms);
      },
      locks: true,
    };
    const ctx = { ...small.ctx, locker: spy };
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () =>
        createManualOrder(ctx, staff, {
          eventId: small.event.id,
          source: 'complimentary',
          registration: form(small.fullPass.id),
        }).then(
          () => 'ok',
          (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(3);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'SOLD_OUT')).toBe(true);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    expect(keys.every((k) => k.includes(`ticket_type:${small.fullPass.id}`))).toBe(true);
    const sold = await t.db.select().from(orders).where(eq(orders.eventId, small.event.id));
    expect(sold.filter((o) => o.status === 'paid')).toHaveLength(3);
    expect(sold.every((o) => o.source === 'complimentary' && o.total === 0)).toBe(true);
  });

  it('makes a manual order a priced hold the buyer pays, with no confirmation yet', async () => {
    const { order, accessToken } = await createManualOrder(fx.ctx, staff, {
      eventId: fx.event.id,
      source: 'manual',
      registration: form(fx.fullPass.id),
    });
    expect(order).toMatchObject({
      status: 'pending_payment',
      source: 'manual',
      total: 30000,
      paidAt: null,
      clientKey: null,
    });
    expect(order.expiresAt).toEqual(new Date(FIXTURE_NOW.getTime() + 15 * 60_000));
    expect(accessToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await confirmations(order.id)).toHaveLength(0);
    expect(await auditOf(order.id, 'order.create_manual')).toHaveLength(1);
  });

  it('refuses an unknown source and invalid attendees, creating nothing', async () => {
    const before = await t.db.select().from(orders);
    const badSource = await errorOf(
      createManualOrder(fx.ctx, staff, {
        eventId: fx.event.id,
        source: 'online' as 'manual',
        registration: form(fx.fullPass.id),
      }),
    );
    expect(Object.keys(badSource.fieldErrors)).toEqual(['source']);
    const bad = await errorOf(
      createManualOrder(fx.ctx, staff, {
        eventId: fx.event.id,
        source: 'complimentary',
        registration: form(fx.fullPass.id, { email: 'nope', answers: { profession: '' } }),
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['attendees.0.email']);
    const missing = await errorOf(
      createManualOrder(fx.ctx, staff, {
        eventId: fx.event.id,
        source: 'complimentary',
        registration: form(fx.fullPass.id, { answers: { profession: '' } }),
      }),
    );
    expect(missing.fieldErrors).toEqual({ 'attendees.0.answers.profession': ['Profession is required'] });
    expect(await t.db.select().from(orders)).toHaveLength(before.length);
  });

  it('offers visible ticket types with their price now, workshops and the questions asked', async () => {
    const offer = await getManualOrderForm(fx.ctx, fx.event.id);
    expect(offer.ticketTypes.map((tt) => [tt.publicLabel, tt.price])).toEqual([
      ['Full pass', 30000],
      ['Online pass', 9000],
    ]);
    expect(offer.workshops.map((w) => w.title)).toEqual(['Workshop 1', 'Workshop 2']);
    expect(offer.questions.map((q) => q.key)).toEqual(['dietary', 'profession']);
  });
});

describe('order list and page', () => {
  it('searches by reference, buyer name or email, filters by effective status and pages', async () => {
    const email = `findme-${randomUUID().slice(0, 8)}@example.org`;
    const paid = await paidOrder(email);
    const hold = await placeOrder(fx);
    const query = { eventId: fx.event.id, page: 1, pageSize: 50 };
    expect((await listOrders(fx.ctx, { ...query, q: email.toUpperCase() })).rows.map((r) => r.id)).toEqual([paid.id]);
    expect((await listOrders(fx.ctx, { ...query, q: paid.reference.toLowerCase() })).rows.map((r) => r.id)).toEqual([
      paid.id,
    ]);
    expect((await listOrders(fx.ctx, { ...query, q: '%' })).total).toBe(0);
    const paidOnly = await listOrders(fx.ctx, { ...query, status: 'paid' });
    expect(paidOnly.rows.every((r) => r.status === 'paid')).toBe(true);
    expect(paidOnly.rows.map((r) => r.id)).toContain(paid.id);
    expect((await listOrders(fx.ctx, { ...query, status: 'pending_payment' })).rows.map((r) => r.id)).toContain(
      hold.order.id,
    );
    // Once the hold has lapsed it lists as expired, whether or not housekeeping ran.
    const later = { ...fx.ctx, clock: { now: () => new Date(FIXTURE_NOW.getTime() + 60 * 60_000) } };
    expect((await listOrders(later, { ...query, status: 'expired' })).rows.map((r) => r.id)).toContain(hold.order.id);
    expect((await listOrders(later, { ...query, status: 'pending_payment' })).rows.map((r) => r.id)).not.toContain(
      hold.order.id,
    );

    const all = await listOrders(fx.ctx, { ...query, pageSize: 2 });
    expect(all.rows).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const beyond = await listOrders(fx.ctx, { ...query, pageSize: 2, page: 1000 });
    expect(beyond).toMatchObject({ rows: [], total: all.total });
    expect(
      (await errorOf(listOrders(fx.ctx, { ...query, status: 'shipped' as 'paid' }))).fieldErrors.status,
    ).toBeTruthy();
  });

  it('shows an order with its tickets, money, emails and trail; null for unknown ids', async () => {
    const order = await paidOrder();
    const detail = await getOrderDetail(fx.ctx, order.id);
    expect(detail).toMatchObject({ status: 'paid', timezone: 'Europe/Amsterdam', refundable: 30000 });
    expect(detail!.tickets).toEqual([
      expect.objectContaining({ label: 'Full pass', internalLabel: 'Full pass (in person)', price: 30000 }),
    ]);
    expect(detail!.emails.map((e) => e.kind)).toContain('order_confirmation');
    expect(await getOrderDetail(fx.ctx, randomUUID())).toBeNull();
    expect(await getOrderDetail(fx.ctx, 'x')).toBeNull();
  });
});

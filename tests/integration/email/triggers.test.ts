// Emails are written to the outbox in the transaction of the change that causes them, once per change however
// often it is replayed, and composed at send time from the database with fresh links that open what they name.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, events, orders, ticketTokens, type EmailMessage } from '@/db/schema';
import { composeEmail } from '@/lib/email/compose';
import { enqueueEmail } from '@/lib/outbox/enqueue';
import { enqueueEmails } from '@/lib/outbox/enqueue-batch';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { expireLapsedHolds, getOrderByToken } from '@/lib/orders/queries';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { cancelOrder, refundOrder } from '@/lib/orders/refund-order';
import { orderCalendarByToken, ticketCalendarByToken, ticketQrPng } from '@/lib/tickets/by-token';
import { hashToken } from '@/lib/tokens';
import { findLiveOffer, offerFreedSeats } from '@/lib/waitlist/offers';
import { attendee, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { joinAndConfirm } from '../../support/waitlist';
import {
  buildPaymentFixture,
  expired,
  failed,
  placeOrder,
  shuffle,
  succeeded,
  type PaymentFixture,
} from '../payments/helpers';

const t = useTestDb();

const SENSITIVE =
  /addiction|recovery|relapse|rehab|substance|alcohol|drug|sobriety|sober|overdose|glutamate|scholarship|sponsored|clinician|community rate/i;
const HOLD_MS = 15 * 60_000;

async function messages(orderIds: string[]): Promise<EmailMessage[]> {
  return orderIds.length ? t.db.select().from(emailMessages).where(inArray(emailMessages.orderId, orderIds)) : [];
}

async function message(idempotencyKey: string): Promise<EmailMessage> {
  const [row] = await t.db.select().from(emailMessages).where(eq(emailMessages.idempotencyKey, idempotencyKey));
  if (!row) throw new Error(`no message ${idempotencyKey}`);
  return row;
}

const kindsOf = (rows: EmailMessage[]) => rows.map((m) => m.kind).sort();

async function jobsFor(
  ids: string[],
): Promise<{ key: string; payload: { messageId: string }; max_attempts: number; run_at: Date }[]> {
  return t.db.execute(sql`select j.key, j.payload, j.max_attempts, j.run_at from graphile_worker._private_jobs j
    join graphile_worker._private_tasks k on k.id = j.task_id
    where k.identifier = 'send_email' and (j.payload->>'messageId')::uuid in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`) as never;
}

function pay(fx: PaymentFixture, placed: Awaited<ReturnType<typeof placeOrder>>) {
  fx.gateway.pay(placed.sessionId);
  return succeeded(fx, placed);
}

describe('confirmation triggers', () => {
  it('queues exactly one confirmation for a free order, in its own transaction, however many try for the last free place', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-free' });
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        createOrder(
          fx.ctx,
          fx.event.id,
          registration([attendee(fx.scholarship.id, { answers: {} })], { voucherCode: 'SCHOLAR1' }),
          { clientKey: null },
        ).then(
          (r) => r.order,
          (e: unknown) => (e instanceof DomainError ? e.code : Promise.reject(e)),
        ),
      ),
    );
    const made = attempts.filter((a) => typeof a !== 'string');
    expect(made).toHaveLength(1);
    const order = made[0]!;
    expect(order.status).toBe('paid');
    const all = await t.db.select().from(emailMessages).where(eq(emailMessages.kind, 'order_confirmation'));
    expect(all.filter((m) => m.orderId === order.id)).toHaveLength(1);
    // A free order has no receipt; the attendee (another address) gets a ticket; the reminder waits for its time.
    const rows = await messages([order.id]);
    expect(kindsOf(rows)).toEqual(['order_confirmation', 'reminder', 'ticket']);
    expect(rows.find((m) => m.kind === 'reminder')?.sendAfter).toEqual(new Date('2030-03-25T23:00:00Z'));
    expect(await jobsFor(rows.map((m) => m.id))).toHaveLength(3);
    // Refused orders queued nothing: no message points at an order that does not exist.
    const [orphans] = await t.db.execute<{ n: number }>(
      sql`select count(*)::int as n from email_messages m where m.order_id is null and m.kind in ('order_confirmation', 'ticket', 'reminder')`,
    );
    expect(orphans!.n).toBe(0);
  });

  it('queues one confirmation when the same payment is reported three times and once more as a twin', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-dup' });
    const placed = await placeOrder(fx, 'dup-buyer@example.org');
    const event = pay(fx, placed);
    const outcomes = await Promise.all(
      [event, event, event, { ...event, id: `${event.id}_twin` }].map((e) =>
        handlePaymentEvent(fx.pctx, e).then((r) => r.outcome),
      ),
    );
    expect(outcomes.sort()).toEqual(['already_paid', 'duplicate', 'duplicate', 'paid']);
    const rows = await messages([placed.order.id]);
    expect(kindsOf(rows)).toEqual(['order_confirmation', 'payment_receipt', 'reminder', 'ticket']);
    expect(
      rows
        .filter((m) => m.toEmail === 'dup-buyer@example.org')
        .map((m) => m.kind)
        .sort(),
    ).toEqual(['order_confirmation', 'payment_receipt', 'reminder']);
    // Ids only, never names or answers, in what waits in the outbox.
    for (const m of rows) expect(m.params).toEqual({});
    const reminder = await composeEmail(
      fx.ctx,
      rows.find((m) => m.kind === 'reminder')!,
    );
    expect(reminder?.subject).toBe('Reminder: your conference starts soon');
    expect(reminder?.attachments).toBeUndefined();
    expect(reminder?.html).toMatch(/\/tickets\/[A-Za-z0-9_-]{20,}\/qr\.png/);
  });

  it('queues exactly 20 confirmations for 20 orders paid concurrently with duplicate events', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-20' });
    const placed = await Promise.all(Array.from({ length: 20 }, (_, i) => placeOrder(fx, `em20-${i}@example.org`)));
    const completions = placed.map((p) => pay(fx, p));
    const deliveries = shuffle([...completions, ...completions, ...placed.slice(0, 5).map((p) => succeeded(fx, p))]);
    await Promise.all(deliveries.map((e) => handlePaymentEvent(fx.pctx, e)));
    const rows = await messages(placed.map((p) => p.order.id));
    const confirmations = rows.filter((m) => m.kind === 'order_confirmation');
    expect(confirmations).toHaveLength(20);
    expect(new Set(confirmations.map((m) => m.orderId)).size).toBe(20);
    expect(await jobsFor(confirmations.map((m) => m.id))).toHaveLength(20);
  });

  it("sends ticket emails only to attendees whose address differs from the buyer's", async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-tix' });
    const { order } = await createOrder(
      fx.ctx,
      fx.event.id,
      registration(
        [
          attendee(fx.fullPass.id, { email: 'Same.Person@example.org' }),
          attendee(fx.fullPass.id, { email: 'colleague@example.org', legalName: 'Cleo Colleague' }),
          attendee(fx.virtual.id, { email: 'same.person@example.org', answers: {} }),
        ],
        { buyer: { name: 'Same Person', email: 'same.person@example.org' } },
      ),
      { clientKey: null },
    );
    const checkout = await fx.gateway.createCheckout({
      orderId: order.id,
      reference: order.reference,
      currency: order.currency,
      amount: order.total,
      email: order.buyerEmail,
      lines: [{ label: 'Tickets', unitAmount: order.total, quantity: 1 }],
      successUrl: 'https://example.org/ok',
      cancelUrl: 'https://example.org/no',
      holdExpiresAt: order.expiresAt!,
      idempotencyKey: `checkout:${order.id}`,
    });
    await t.db.update(orders).set({ checkoutSessionId: checkout.sessionId }).where(eq(orders.id, order.id));
    fx.gateway.pay(checkout.sessionId);
    const s = fx.gateway.sessions.get(checkout.sessionId)!;
    await handlePaymentEvent(fx.pctx, {
      id: `evt_tix_${order.id}`,
      type: 'payment_succeeded',
      orderId: order.id,
      sessionId: checkout.sessionId,
      amount: s.amountTotal,
      currency: s.currency,
      paymentReference: s.paymentReference,
    });
    const tickets = (await messages([order.id])).filter((m) => m.kind === 'ticket');
    expect(tickets.map((m) => m.toEmail)).toEqual(['colleague@example.org']);
    expect(tickets[0]!.ticketId).toBeTruthy();
    // The attendee's own ticket only: no private order link (it would show the others and allow cancelling).
    const composed = await composeEmail(fx.ctx, tickets[0]!);
    expect(composed?.subject).toBe('Your ticket');
    expect(composed?.text).toContain('Hello Cleo Colleague');
    expect(composed?.html).toContain('alt="QR code for the ticket of Cleo Colleague"');
    expect(composed?.text).not.toContain('/orders/');
    expect(composed?.text).not.toContain('Same Person');
    // No attachments (so it can go in a batch): the QR image and the calendar are served under the ticket's token.
    expect(composed?.attachments).toBeUndefined();
    const ticketToken = /\/tickets\/([A-Za-z0-9_-]{20,})\/calendar\.ics/.exec(composed!.text)?.[1];
    expect(ticketToken).toBeTruthy();
    expect(composed?.html).toContain(`/tickets/${ticketToken}/qr.png`);
    const calendar = await ticketCalendarByToken(fx.ctx, ticketToken!);
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).not.toContain('Same Person');
  });
});

describe('other triggers', () => {
  it('queues payment_failed once per session, and hold_expired when the checkout or the hold ends', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-fail' });
    const a = await placeOrder(fx, 'fail@example.org');
    const failure = failed(a);
    await handlePaymentEvent(fx.pctx, failure);
    await handlePaymentEvent(fx.pctx, failure);
    await handlePaymentEvent(fx.pctx, { ...failure, id: `${failure.id}_again` });
    expect(kindsOf(await messages([a.order.id]))).toEqual(['payment_failed']);
    expect((await message(`payment_failed:${a.order.id}:${a.sessionId}`)).toEmail).toBe('fail@example.org');

    await handlePaymentEvent(fx.pctx, expired(a));
    expect(kindsOf(await messages([a.order.id]))).toEqual(['hold_expired', 'payment_failed']);

    // Housekeeping tells only the buyers whose holds it expired, once.
    const b = await placeOrder(fx, 'lapse@example.org');
    const c = await placeOrder(fx, 'paid@example.org');
    await handlePaymentEvent(fx.pctx, pay(fx, c));
    fx.clock.advance(HOLD_MS + 1000);
    expect(await expireLapsedHolds(fx.ctx)).toEqual([b.order.id]);
    expect(await expireLapsedHolds(fx.ctx)).toEqual([]);
    expect(kindsOf(await messages([b.order.id]))).toEqual(['hold_expired']);
    expect(kindsOf(await messages([c.order.id]))).not.toContain('hold_expired');
  });

  it('queues a refund email when an organizer refund goes through, and a cancellation', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-refund' });
    const placed = await placeOrder(fx, 'refund@example.org');
    await handlePaymentEvent(fx.pctx, pay(fx, placed));
    const { refund } = await refundOrder(fx.pctx, { orderId: placed.order.id, amount: 5000, reason: 'partial' });
    expect(refund.status).toBe('succeeded');
    expect((await message(`refund:${refund.id}`)).params).toEqual({ refundId: refund.id });
    await cancelOrder(fx.pctx, { orderId: placed.order.id, refund: true });
    const kinds = kindsOf(await messages([placed.order.id]));
    expect(kinds.filter((k) => k === 'refund')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'cancellation')).toHaveLength(1);
  });

  it('tells the buyer once when a late payment is refunded because the seats were gone', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-late', fullPassCapacity: 1 });
    const late = await placeOrder(fx, 'late@example.org');
    const payment = pay(fx, late);
    fx.clock.advance(HOLD_MS + 60_000);
    const quick = await placeOrder(fx, 'quick@example.org');
    await handlePaymentEvent(fx.pctx, pay(fx, quick));
    await Promise.all(
      [payment, payment, { ...payment, id: `${payment.id}_twin` }].map((e) => handlePaymentEvent(fx.pctx, e)),
    );
    const rows = await messages([late.order.id]);
    expect(kindsOf(rows)).toEqual(['late_payment_refunded']);
    expect(rows[0]!.params).toMatchObject({ reason: 'seats_gone' });
    const composed = await composeEmail(fx.ctx, rows[0]!);
    expect(composed?.subject).toBe('Your payment was refunded');
    expect(composed?.text).toContain(late.order.reference);
  });

  it('queues a waiting-list offer whose composed link opens the offer, while the first link keeps working', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-wait', fullPassCapacity: 1 });
    const holder = await placeOrder(fx, 'holder@example.org');
    await joinAndConfirm(fx.ctx, fx.event.id, {
      name: 'Noor',
      email: 'noor@example.org',
      ticketTypeId: fx.fullPass.id,
    });
    fx.clock.advance(HOLD_MS + 1000);
    const [offer] = await offerFreedSeats(fx.ctx, fx.event.id);
    expect(offer).toBeTruthy();
    const row = await message(`waitlist_offer:${offer!.entryId}:${fx.clock.now().toISOString()}`);
    expect(row).toMatchObject({ toEmail: 'noor@example.org', params: { entryId: offer!.entryId } });
    expect(JSON.stringify(row.params)).not.toContain(offer!.token);

    const first = await composeEmail(fx.ctx, row);
    const second = await composeEmail(fx.ctx, row);
    const link = (c: typeof first) => /register\?offer=([A-Za-z0-9_-]+)/.exec(c?.text ?? '')?.[1];
    expect(first?.subject).toBe('A place is available for you');
    expect(link(first)).toBeTruthy();
    expect(link(first)).not.toBe(link(second));
    for (const token of [link(first)!, link(second)!, offer!.token]) {
      expect((await findLiveOffer(t.db, fx.event.id, token, fx.clock.now()))?.id).toBe(offer!.entryId);
    }
    // Once the offer lapses, the email no longer applies.
    fx.clock.advance(3 * 24 * 3_600_000);
    expect(await composeEmail(fx.ctx, row)).toBeNull();
    void holder;
  });
});

describe('composeEmail', () => {
  it('renders a real confirmation: hosted QR images, a calendar link, public labels only, and a manage link that opens the order', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-compose' });
    const { order } = await createOrder(
      fx.ctx,
      fx.event.id,
      registration(
        [
          attendee(fx.scholarship.id, {
            legalName: 'Ana Attendee',
            email: 'ana@example.org',
            answers: {},
            workshopIds: [fx.workshops[0]!.id],
          }),
        ],
        { voucherCode: 'SCHOLAR1', buyer: { name: 'Ana Attendee', email: 'ana@example.org' } },
      ),
      { clientKey: null },
    );
    const row = await message(`order_confirmation:${order.id}`);
    const composed = await composeEmail(fx.ctx, row);
    expect(composed).not.toBeNull();
    const { subject, html, text, attachments } = composed!;
    expect(attachments).toBeUndefined();
    expect(subject).toBe('Your registration is confirmed');
    expect(subject).not.toMatch(SENSITIVE);
    // The ticket type's public label, never its internal one ('Scholarship'), nor the event's name.
    expect(text).toContain('Conference pass');
    expect(`${html}\n${text}\n${subject}`).not.toMatch(/scholarship/i);
    expect(`${html}\n${text}`).not.toContain('Fixture conference');
    expect(text).toContain('Workshop 1');
    expect(text).toContain(order.reference);
    expect(html).toMatch(/<html[^>]*lang="en"/);
    expect(html).toContain('alt="QR code for the ticket of Ana Attendee"');

    const qrToken = /\/tickets\/([A-Za-z0-9_-]{20,})\/qr\.png/.exec(html)?.[1];
    expect(qrToken).toBeTruthy();
    const png = await ticketQrPng(fx.ctx, qrToken!);
    expect(png?.subarray(1, 4).toString()).toBe('PNG');
    const calendarToken = /\/orders\/([A-Za-z0-9_-]{20,})\/calendar\.ics/.exec(text)?.[1];
    expect(calendarToken).toBeTruthy();
    const calendar = (await orderCalendarByToken(fx.ctx, calendarToken!))!;
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('SUMMARY:Conference workshop');
    expect(calendar).not.toContain('Workshop 1');
    // One fresh ticket token per in-person ticket, stored hashed.
    const tokens = await t.db.select().from(ticketTokens);
    expect(tokens.filter((r) => r.tokenHash.length === 64)).toHaveLength(tokens.length);
    expect(tokens.length).toBeGreaterThanOrEqual(1);

    const manage = /\/orders\/([A-Za-z0-9_-]{20,})/.exec(text)?.[1];
    expect(manage).toBeTruthy();
    const view = await getOrderByToken(fx.ctx, manage!);
    expect(view?.order.id).toBe(order.id);
    expect(JSON.stringify(row)).not.toContain(manage!);
  });

  it('names the conference in the subject and calendar once the event opts in', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-named' });
    await t.db.update(events).set({ nameInEmailSubjects: true }).where(eq(events.id, fx.event.id));
    const placed = await placeOrder(fx, 'named@example.org');
    await handlePaymentEvent(fx.pctx, pay(fx, placed));
    const composed = await composeEmail(fx.ctx, await message(`order_confirmation:${placed.order.id}`));
    expect(composed?.subject).toBe('Your registration is confirmed – Fixture conference');
    const calendarToken = /\/orders\/([A-Za-z0-9_-]{20,})\/calendar\.ics/.exec(composed!.text)?.[1];
    expect(await orderCalendarByToken(fx.ctx, calendarToken!)).toContain('SUMMARY:Fixture conference');
    const receipt = await composeEmail(fx.ctx, await message(`payment_receipt:${placed.order.id}`));
    expect(receipt?.subject).toBe('Payment receipt for your registration – Fixture conference');
    expect(receipt?.text).toContain('€300.00');
  });

  it('returns null for emails that no longer apply', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-null' });
    // Failed, then paid: the failure email is moot.
    const a = await placeOrder(fx, 'a@example.org');
    await handlePaymentEvent(fx.pctx, failed(a));
    await handlePaymentEvent(fx.pctx, pay(fx, a));
    expect(await composeEmail(fx.ctx, await message(`payment_failed:${a.order.id}:${a.sessionId}`))).toBeNull();
    // Expired by housekeeping, then paid late while seats remain: the hold_expired email is moot.
    const b = await placeOrder(fx, 'b@example.org');
    fx.clock.advance(HOLD_MS + 1000);
    await expireLapsedHolds(fx.ctx);
    expect((await handlePaymentEvent(fx.pctx, pay(fx, b))).outcome).toBe('late_paid');
    expect(await composeEmail(fx.ctx, await message(`hold_expired:${b.order.id}`))).toBeNull();
    expect(await composeEmail(fx.ctx, await message(`order_confirmation:${b.order.id}`))).not.toBeNull();
    // Cancelled before the reminder went: no reminder.
    await cancelOrder(fx.pctx, { orderId: b.order.id });
    expect(await composeEmail(fx.ctx, await message(`reminder:${b.order.id}`))).toBeNull();
    expect((await composeEmail(fx.ctx, await message(`cancellation:${b.order.id}`)))?.subject).toBe(
      'Your registration was cancelled',
    );
  });

  it('writes the same rows and jobs in a batch as one at a time', async () => {
    const now = new Date('2030-01-10T10:00:00Z');
    const later = new Date('2030-03-01T00:00:00Z');
    await enqueueEmail(t.db, {
      kind: 'x',
      to: 'One@Example.org',
      idempotencyKey: 'cmp:single',
      now,
      sendAfter: later,
      params: { a: 1 },
    });
    await enqueueEmails(t.db, [
      { kind: 'x', to: 'One@Example.org', idempotencyKey: 'cmp:batch', now, sendAfter: later, params: { a: 1 } },
      { kind: 'x', to: 'one@example.org', idempotencyKey: 'cmp:single', now },
    ]);
    const rows = await t.db
      .select()
      .from(emailMessages)
      .where(inArray(emailMessages.idempotencyKey, ['cmp:single', 'cmp:batch']));
    expect(rows).toHaveLength(2);
    const strip = ({ id: _i, idempotencyKey: _k, ...rest }: EmailMessage) => rest;
    expect(strip(rows[0]!)).toEqual(strip(rows[1]!));
    const jobs = await jobsFor(rows.map((r) => r.id));
    expect(jobs).toHaveLength(2);
    for (const r of rows) {
      expect(jobs.find((j) => j.payload.messageId === r.id)).toMatchObject({ key: `email:${r.id}`, max_attempts: 25 });
    }
    expect(jobs.map((j) => new Date(j.run_at).getTime())).toEqual([later.getTime(), later.getTime()]);
  });

  it('issues ticket tokens that check-in can find by their hash', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'em-tok' });
    const placed = await placeOrder(fx, 'tok@example.org');
    const [ticket] = await t.db.execute<{ id: string }>(
      sql`select id from tickets where order_id = ${placed.order.id}::uuid`,
    );
    const tokens = await issueTicketTokens(t.db, [ticket!.id], fx.clock.now());
    const token = tokens.get(ticket!.id)!;
    const [row] = await t.db
      .select()
      .from(ticketTokens)
      .where(and(eq(ticketTokens.tokenHash, hashToken(token)), eq(ticketTokens.ticketId, ticket!.id)));
    expect(row?.revokedAt).toBeNull();
  });
});

// Cancelling through the order link within the refund policy: before refund_until the order is cancelled, its
// seats freed and the payment refunded in full through the gateway, audited as the attendee's action; after it
// (or with no self-service refunds) nothing changes. Confirmation is required; a made-up link reaches nothing.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { refunds } from '@/db/schema';
import { measureTaken, poolKey } from '@/lib/capacity/availability';
import { cancelRegistration } from '@/lib/self-service/cancel';
import { getManageView } from '@/lib/self-service/manage';
import { attendee } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { reload } from '../payments/helpers';
import { auditFor, buildManageFixture, emailsFor, outcome, paidOrder, rejection, setEvent } from './manage-fixture';

const t = useTestDb();
const DAY = 86_400_000;
const confirmed = { confirm: true };

describe('cancelRegistration', () => {
  it('cancels and refunds in full through the gateway before refund_until, freeing the seats, with an audit entry', async () => {
    const fx = await buildManageFixture(t.db, { workshopCapacities: [5, 5] });
    const [w1] = fx.workshops;
    await setEvent(t.db, fx, {
      refundUntil: new Date(fx.clock.now().getTime() + DAY),
      refundPolicy: 'Full refund until a day from now.',
    });
    const { order, token } = await paidOrder(fx, [
      attendee(fx.fullPass.id, { workshopIds: [w1!.id] }),
      attendee(fx.fullPass.id),
    ]);
    expect(order.amountPaid).toBe(60000);
    const takenBefore = await measureTaken(t.db, fx.clock.now(), {
      eventId: fx.event.id,
      sessionIds: [w1!.id],
      ticketTypeIds: [fx.fullPass.id],
    });
    expect((await getManageView(fx.ctx, token))!.cancel).toMatchObject({
      open: true,
      policy: 'Full refund until a day from now.',
    });

    const result = await cancelRegistration(fx.pctx, { token, confirmation: confirmed });
    expect(result).toEqual({ orderId: order.id, refundAmount: 60000, refundPending: false });
    expect(await reload(t.db, order.id)).toMatchObject({
      status: 'cancelled',
      amountPaid: 60000,
      amountRefunded: 60000,
      paymentState: 'refunded',
    });
    const made = [...fx.gateway.refundsMade.values()].filter((r) => r.paymentReference === order.paymentReference);
    expect(made.map((r) => r.amount)).toEqual([60000]);
    expect(
      await t.db
        .select({ amount: refunds.amount, status: refunds.status })
        .from(refunds)
        .where(eq(refunds.orderId, order.id)),
    ).toEqual([{ amount: 60000, status: 'succeeded' }]);

    const takenAfter = await measureTaken(t.db, fx.clock.now(), {
      eventId: fx.event.id,
      sessionIds: [w1!.id],
      ticketTypeIds: [fx.fullPass.id],
    });
    expect(takenAfter.get(poolKey.session(w1!.id)) ?? 0).toBe((takenBefore.get(poolKey.session(w1!.id)) ?? 0) - 1);
    expect(takenAfter.get(poolKey.ticketType(fx.fullPass.id)) ?? 0).toBe(
      (takenBefore.get(poolKey.ticketType(fx.fullPass.id)) ?? 0) - 2,
    );

    const kinds = (await emailsFor(t.db, order.id)).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['cancellation', 'refund']));
    const trail = await auditFor(t.db, order.id);
    expect(trail.filter((e) => e.action === 'order.cancel')).toEqual([
      expect.objectContaining({ actorType: 'attendee', orderId: order.id }),
    ]);
    expect(trail.filter((e) => e.action === 'order.refund')).toEqual([
      expect.objectContaining({ actorType: 'attendee' }),
    ]);

    // Once cancelled, the link shows the state but cannot cancel again.
    expect(await outcome(cancelRegistration(fx.pctx, { token, confirmation: confirmed }))).toBe('CONFLICT');
    expect(fx.gateway.refundsMade.size).toBe(1);
  });

  it('is refused from refund_until on, and when the event offers no self-service refunds, changing nothing', async () => {
    const fx = await buildManageFixture(t.db);
    const until = new Date(fx.clock.now().getTime() + 60_000);
    await setEvent(t.db, fx, { refundUntil: until, refundPolicy: 'Refunds in full until 1 March; after that, none.' });
    const { order, token } = await paidOrder(fx);
    fx.clock.set(until);
    const late = await rejection(cancelRegistration(fx.pctx, { token, confirmation: confirmed }));
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toMatch(
      /^Cancellation with a refund closed on \d+ January 2030, \d\d:\d\d .+ Please contact the organizers\.$/,
    );
    const view = await getManageView(fx.ctx, token);
    expect(view!.cancel).toEqual({ open: false, until, policy: 'Refunds in full until 1 March; after that, none.' });

    await setEvent(t.db, fx, { refundUntil: null });
    expect(await rejection(cancelRegistration(fx.pctx, { token, confirmation: confirmed }))).toMatchObject({
      code: 'CONFLICT',
      message: 'This registration cannot be cancelled online. Please contact the organizers.',
    });
    expect(await reload(t.db, order.id)).toMatchObject({ status: 'paid', amountRefunded: 0 });
    expect(fx.gateway.refundCalls.filter((c) => c.paymentReference === order.paymentReference)).toEqual([]);
    expect(await auditFor(t.db, order.id, 'order.cancel')).toEqual([]);
  });

  it('needs the confirmation, and a made-up or malformed link reaches nothing', async () => {
    const fx = await buildManageFixture(t.db);
    await setEvent(t.db, fx, { refundUntil: new Date(fx.clock.now().getTime() + DAY) });
    const { order, token } = await paidOrder(fx);
    for (const confirmation of [{}, { confirm: false }, { confirm: 'yes' }, undefined]) {
      const error = await rejection(cancelRegistration(fx.pctx, { token, confirmation }));
      expect(error.code).toBe('VALIDATION');
    }
    expect((await rejection(cancelRegistration(fx.pctx, { token, confirmation: {} }))).fieldErrors.confirm).toEqual([
      'Tick the box to confirm that you want to cancel this registration.',
    ]);
    for (const bad of ['A'.repeat(43), `${token}x`, '', 42, null]) {
      expect(await outcome(cancelRegistration(fx.pctx, { token: bad, confirmation: confirmed }))).toBe('NOT_FOUND');
    }
    expect(await reload(t.db, order.id)).toMatchObject({ status: 'paid', amountRefunded: 0 });
  });

  it('cancels even while the payment provider is down, keeping the refund pending for a retry under its key', async () => {
    const fx = await buildManageFixture(t.db);
    await setEvent(t.db, fx, { refundUntil: new Date(fx.clock.now().getTime() + DAY) });
    const { order, token } = await paidOrder(fx);
    fx.gateway.failRefunds(1, true);
    expect(await cancelRegistration(fx.pctx, { token, confirmation: confirmed })).toEqual({
      orderId: order.id,
      refundAmount: 30000,
      refundPending: true,
    });
    expect(await reload(t.db, order.id)).toMatchObject({ status: 'cancelled', amountRefunded: 0 });
    expect(
      await t.db
        .select({ amount: refunds.amount, status: refunds.status })
        .from(refunds)
        .where(eq(refunds.orderId, order.id)),
    ).toEqual([{ amount: 30000, status: 'pending' }]);
  });
});

// Links that outlive their purpose (issue 11, item 6): a cancelled or fully refunded order's ticket tokens are
// revoked in the transaction that changes the order, so its QR images and ticket calendars stop opening, whichever
// way it happened (the attendee, an organizer, the payment provider). A partial refund changes nothing.
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ticketTokens, users } from '@/db/schema';
import { cancelOrderAsStaff, refundOrderAsStaff } from '@/lib/orders/staff-actions';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { cancelRegistration } from '@/lib/self-service/cancel';
import { ticketCalendarByToken, ticketQrPng } from '@/lib/tickets/by-token';
import { attendee } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { refundUpdated, reload } from '../payments/helpers';
import {
  buildManageFixture,
  paidOrder,
  setEvent,
  type ManageFixture,
  type PaidOrder,
} from '../self-service/manage-fixture';

const t = useTestDb();
let staff: { id: string; email: string };
beforeAll(async () => {
  const [u] = await t.db.insert(users).values({ email: 'organizer@staff.example', role: 'organizer' }).returning();
  staff = { id: u!.id, email: u!.email };
});

/** A paid order of two tickets whose confirmation was composed: one QR token per ticket. */
async function ticketed(fx: ManageFixture): Promise<PaidOrder & { tokens: string[] }> {
  const paid = await paidOrder(fx, [attendee(fx.fullPass.id), attendee(fx.fullPass.id)]);
  const tokens = [...(await issueTicketTokens(t.db, paid.ticketIds, fx.clock.now())).values()];
  return { ...paid, tokens };
}

async function opens(fx: ManageFixture, token: string) {
  return {
    qr: (await ticketQrPng(fx.ctx, token)) !== null,
    calendar: (await ticketCalendarByToken(fx.ctx, token)) !== null,
  };
}

async function reasons(ticketIds: string[]) {
  const rows = await t.db
    .select({ reason: ticketTokens.revokedReason, at: ticketTokens.revokedAt })
    .from(ticketTokens)
    .where(inArray(ticketTokens.ticketId, ticketIds));
  return rows.map((r) => (r.at ? r.reason : 'live'));
}

describe('ticket tokens of an order that is no longer paid', () => {
  it('open the QR image and the calendar while the order is paid', async () => {
    const fx = await buildManageFixture(t.db);
    const { tokens } = await ticketed(fx);
    for (const token of tokens) expect(await opens(fx, token)).toEqual({ qr: true, calendar: true });
  });

  it('stop opening when the attendee cancels through the order link', async () => {
    const fx = await buildManageFixture(t.db);
    await setEvent(t.db, fx, { refundUntil: new Date(fx.clock.now().getTime() + 86_400_000) });
    const { order, token, ticketIds, tokens } = await ticketed(fx);
    await cancelRegistration(fx.pctx, { token, confirmation: { confirm: true } });
    expect((await reload(t.db, order.id)).status).toBe('cancelled');
    expect(await reasons(ticketIds)).toEqual(['cancelled', 'cancelled']);
    for (const tk of tokens) expect(await opens(fx, tk)).toEqual({ qr: false, calendar: false });
  });

  it('stop opening when an organizer cancels the order, refunded or not', async () => {
    const fx = await buildManageFixture(t.db);
    for (const refund of [false, true]) {
      const { order, ticketIds, tokens } = await ticketed(fx);
      await cancelOrderAsStaff(fx.pctx, staff, { orderId: order.id, refund });
      expect(await reasons(ticketIds)).toEqual(['cancelled', 'cancelled']);
      for (const tk of tokens) expect(await opens(fx, tk)).toEqual({ qr: false, calendar: false });
    }
  });

  it('stop opening on a full refund by an organizer, and not on a partial one', async () => {
    const fx = await buildManageFixture(t.db);
    const { order, ticketIds, tokens } = await ticketed(fx);
    await refundOrderAsStaff(fx.pctx, staff, { orderId: order.id, amount: '100', reason: 'partial' });
    expect((await reload(t.db, order.id)).status).toBe('paid');
    expect(await reasons(ticketIds)).toEqual(['live', 'live']);
    expect(await opens(fx, tokens[0]!)).toEqual({ qr: true, calendar: true });

    await refundOrderAsStaff(fx.pctx, staff, {
      orderId: order.id,
      amount: String((order.amountPaid - 10_000) / 100),
      reason: 'the rest',
    });
    expect((await reload(t.db, order.id)).status).toBe('refunded');
    expect(await reasons(ticketIds)).toEqual(['refunded', 'refunded']);
    for (const tk of tokens) expect(await opens(fx, tk)).toEqual({ qr: false, calendar: false });
  });

  it('stop opening when the payment provider reports a full refund made in its dashboard', async () => {
    const fx = await buildManageFixture(t.db);
    const { order, ticketIds, tokens } = await ticketed(fx);
    await handlePaymentEvent(fx.pctx, refundUpdated(order.paymentReference!, order.amountPaid));
    expect((await reload(t.db, order.id)).status).toBe('refunded');
    expect(await reasons(ticketIds)).toEqual(['refunded', 'refunded']);
    for (const tk of tokens) expect(await opens(fx, tk)).toEqual({ qr: false, calendar: false });
  });

  it('keep a transfer as the reason of a token already revoked, and refuse a token issued after the cancellation', async () => {
    const fx = await buildManageFixture(t.db);
    const { order, ticketIds } = await ticketed(fx);
    const passedOn = ticketIds[0]!;
    await t.db
      .update(ticketTokens)
      .set({ revokedAt: fx.clock.now(), revokedReason: 'transferred' })
      .where(eq(ticketTokens.ticketId, passedOn));
    await cancelOrderAsStaff(fx.pctx, staff, { orderId: order.id });
    expect((await reasons(ticketIds)).sort()).toEqual(['cancelled', 'transferred']);
    // An email composed later (a resend) issues a fresh token: it opens nothing either.
    const [late] = (await issueTicketTokens(t.db, [ticketIds[1]!], fx.clock.now())).values();
    expect(await opens(fx, late!)).toEqual({ qr: false, calendar: false });
  });
});

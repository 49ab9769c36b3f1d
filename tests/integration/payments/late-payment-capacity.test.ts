// R7 with an organizer at work: a payment arriving after its hold lapsed is honoured only if the order fits the
// capacities as they are once the pool locks are held. An organizer lowering a capacity holds the same lock, so
// a late payment that read the old figure first would oversell.
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events, orders, tickets, ticketTypes } from '@/db/schema';
import { poolKey } from '@/lib/capacity/availability';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { whileHoldingPools } from '../../support/pool-lock';
import { useTestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, reload, succeeded, type PaymentFixture } from './helpers';

const t = useTestDb();

const HOLD_MS = 15 * 60_000;

async function paidSeats(fx: PaymentFixture) {
  const [row] = await t.db
    .select({ n: count() })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(and(eq(orders.eventId, fx.event.id), inArray(orders.status, ['paid'])));
  return row!.n;
}

/** One order paid in time and one whose payment comes after its hold lapsed, for a full pass of capacity 2. */
async function lateScenario(slug: string) {
  const fx = await buildPaymentFixture(t.db, { slug, fullPassCapacity: 2 });
  const late = await placeOrder(fx, 'late@example.org');
  const onTime = await placeOrder(fx, 'ontime@example.org');
  fx.gateway.pay(late.sessionId);
  fx.gateway.pay(onTime.sessionId);
  expect((await handlePaymentEvent(fx.pctx, succeeded(fx, onTime))).outcome).toBe('paid');
  fx.clock.advance(HOLD_MS + 1000);
  return { fx, late };
}

async function payLateWhile(
  fx: PaymentFixture,
  late: Awaited<ReturnType<typeof placeOrder>>,
  key: string,
  change: Parameters<typeof whileHoldingPools>[2],
) {
  const [result] = await whileHoldingPools(t.db, [key], change, [
    () => handlePaymentEvent(fx.pctx, succeeded(fx, late)),
  ]);
  if (result!.status === 'rejected') throw result!.reason;
  return result!.value.outcome;
}

describe('late payments while a capacity is lowered', () => {
  it('refunds a late payment when the ticket type capacity was lowered under the lock meanwhile, never overselling', async () => {
    const { fx, late } = await lateScenario('lp-type');
    // Allowed: the lapsed hold takes nothing, so one paid seat fits a capacity of 1.
    const outcome = await payLateWhile(fx, late, poolKey.ticketType(fx.fullPass.id), async (tx) => {
      await tx.update(ticketTypes).set({ capacity: 1 }).where(eq(ticketTypes.id, fx.fullPass.id));
    });
    expect(outcome).toBe('late_refund');
    expect(await paidSeats(fx)).toBe(1);
    expect((await reload(t.db, late.order.id)).status).toBe('expired');
    expect(fx.gateway.refundCalls).toHaveLength(1);
  });

  it('refunds a late payment when the event was given a total under the lock meanwhile, never overselling', async () => {
    const { fx, late } = await lateScenario('lp-event');
    // The event had no total when the order was placed; now it has one, equal to the seats paid for.
    const outcome = await payLateWhile(fx, late, poolKey.event(fx.event.id), async (tx) => {
      await tx.update(events).set({ capacity: 1 }).where(eq(events.id, fx.event.id));
    });
    expect(outcome).toBe('late_refund');
    expect(await paidSeats(fx)).toBe(1);
  });

  it('still honours the late payment when the lowered capacity leaves room for it', async () => {
    const { fx, late } = await lateScenario('lp-room');
    await t.db.update(ticketTypes).set({ capacity: 5 }).where(eq(ticketTypes.id, fx.fullPass.id));
    const outcome = await payLateWhile(fx, late, poolKey.ticketType(fx.fullPass.id), async (tx) => {
      await tx.update(ticketTypes).set({ capacity: 2 }).where(eq(ticketTypes.id, fx.fullPass.id));
    });
    expect(outcome).toBe('late_paid');
    expect(await paidSeats(fx)).toBe(2);
  });
});

// R4: 500 completions, each delivered 3 times concurrently in shuffled order, plus 100 twin events (a new event
// id for an already completed session): 500 paid orders, one confirmation each, no double, and exactly 500
// confirmation emails in the outbox.
import { and, count, countDistinct, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailMessages, orders, paymentEvents } from '@/db/schema';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { useTestDb } from '../../support/test-db';
import { buildPaymentFixture, eventsFor, placeOrder, shuffle, succeeded, type PlacedOrder } from './helpers';

const t = useTestDb();

async function inBatches<T>(items: T[], size: number, work: (item: T, i: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size)
    await Promise.all(items.slice(i, i + size).map((item, j) => work(item, i + j)));
}

describe('duplicate webhooks (R4)', () => {
  it('confirms each of 500 orders exactly once under triple delivery and 100 twin events', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r4', fullPassCapacity: 600 });
    const placed: PlacedOrder[] = [];
    await inBatches(
      Array.from({ length: 500 }, (_, i) => i),
      25,
      async (i) => {
        placed.push(await placeOrder(fx, `r4-buyer-${i}@example.org`));
      },
    );
    expect(placed).toHaveLength(500);
    for (const p of placed) fx.gateway.pay(p.sessionId);

    const completions = placed.map((p) => succeeded(fx, p));
    const deliveries = shuffle([
      ...completions,
      ...completions,
      ...completions,
      // Twins: the same session reported again under a fresh event id.
      ...shuffle(placed)
        .slice(0, 100)
        .map((p) => succeeded(fx, p)),
    ]);
    expect(deliveries).toHaveLength(1600);
    const outcomes = await Promise.all(deliveries.map((e) => handlePaymentEvent(fx.pctx, e).then((r) => r.outcome)));

    const tally = outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
    expect(tally).toEqual({ paid: 500, duplicate: 1000, already_paid: 100 });

    const ids = placed.map((p) => p.order.id);
    const [paid] = await t.db
      .select({ n: count() })
      .from(orders)
      .where(and(inArray(orders.id, ids), eq(orders.status, 'paid'), eq(orders.paymentState, 'paid')));
    expect(paid!.n).toBe(500);
    const rows = await eventsFor(t.db, ids);
    // One row per distinct event id; exactly one confirmation per order.
    expect(rows).toHaveLength(600);
    const confirmations = rows.filter((r) => r.outcome === 'paid');
    expect(confirmations).toHaveLength(500);
    expect(new Set(confirmations.map((r) => r.orderId)).size).toBe(500);
    const [distinct] = await t.db.select({ n: count() }).from(paymentEvents).where(eq(paymentEvents.outcome, 'paid'));
    expect(distinct!.n).toBe(500);
    // Exactly 500 confirmation emails, one per order, written with the payment (one query, so the test's
    // runtime barely moves).
    const [mail] = await t.db
      .select({ n: count(), orders: countDistinct(emailMessages.orderId) })
      .from(emailMessages)
      .where(and(eq(emailMessages.kind, 'order_confirmation'), inArray(emailMessages.orderId, ids)));
    expect(mail).toEqual({ n: 500, orders: 500 });
  });
});

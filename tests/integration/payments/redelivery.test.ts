// R13: the webhook endpoint is down while 200 events happen; the provider then redelivers them all (some
// twice, in any order): each is applied once and every order ends where the provider says.
import { describe, expect, it } from 'vitest';
import type { PaymentEvent } from '@/lib/adapters/payments/types';
import { receivePaymentWebhook } from '@/lib/payments/webhook';
import { testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import {
  buildPaymentFixture,
  eventsFor,
  expired,
  placeOrder,
  processing,
  reload,
  shuffle,
  succeeded,
  type PlacedOrder,
} from './helpers';

const t = useTestDb();

describe('redelivery after an outage (R13)', () => {
  it('applies all 200 events once when they are redelivered after the endpoint was down', async () => {
    const fx = await buildPaymentFixture(t.db, { slug: 'r13', fullPassCapacity: 500 });
    const placed: PlacedOrder[] = [];
    for (let i = 0; i < 160; i += 20) {
      placed.push(
        ...(await Promise.all(Array.from({ length: 20 }, (_, j) => placeOrder(fx, `r13-${i + j}@example.org`)))),
      );
    }
    const [cards, debits, abandoned] = [placed.slice(0, 100), placed.slice(100, 140), placed.slice(140)];
    const events: PaymentEvent[] = [];
    for (const p of cards) {
      fx.gateway.pay(p.sessionId);
      events.push(succeeded(fx, p));
    }
    for (const p of debits) {
      fx.gateway.startAsync(p.sessionId);
      events.push(processing(p));
      fx.gateway.settleAsync(p.sessionId);
      events.push(succeeded(fx, p));
    }
    for (const p of abandoned) events.push(expired(p));
    expect(events).toHaveLength(200);
    const signed = events.map((e) => fx.gateway.webhook(e));

    // While the endpoint is down nothing arrives. Part of the way back it answers 503 (the database is still
    // unreachable), and the provider keeps those for later.
    const down = {
      ...fx.pctx,
      db: {
        transaction: () => Promise.reject(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' })),
      },
    } as unknown as typeof fx.pctx;
    const early = await Promise.all(signed.slice(0, 30).map((s) => receivePaymentWebhook(down, s.body, s.signature)));
    expect(early.every((a) => a.status === 503)).toBe(true);
    expect(
      await eventsFor(
        t.db,
        placed.map((p) => p.order.id),
      ),
    ).toHaveLength(0);

    // Then everything is redelivered, a quarter of it twice, shuffled and concurrently. The holds have not run
    // out yet for these buyers.
    const ctx = { ...fx.pctx, config: testConfig({ ORDER_LOCK_TIMEOUT_MS: '10000' }) };
    const deliveries = shuffle([...signed, ...shuffle(signed).slice(0, 50)]);
    const answers = await Promise.all(deliveries.map((s) => receivePaymentWebhook(ctx, s.body, s.signature)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.outcome === 'duplicate')).toHaveLength(50);

    const rows = await eventsFor(
      t.db,
      placed.map((p) => p.order.id),
    );
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.providerEventId)).size).toBe(200);
    expect(rows.filter((r) => r.outcome === 'paid')).toHaveLength(140);
    for (const p of [...cards, ...debits])
      expect(await reload(t.db, p.order.id)).toMatchObject({
        status: 'paid',
        paymentState: 'paid',
        amountPaid: p.order.total,
      });
    for (const p of abandoned) expect((await reload(t.db, p.order.id)).status).toBe('expired');
  });
});

// R5: events arrive in any order (succeeded before completed, expired after completed, failed after succeeded);
// the final state matches the provider's for every order, and nothing paid ever goes back to unpaid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentEvent } from '@/lib/adapters/payments/types';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { createTestDb, type TestDb } from '../../support/test-db';
import {
  buildPaymentFixture,
  expired,
  failed,
  placeOrder,
  processing,
  reload,
  shuffle,
  succeeded,
  type PaymentFixture,
  type PlacedOrder,
} from './helpers';

let t: TestDb;
let fx: PaymentFixture;
beforeAll(async () => {
  t = await createTestDb();
  fx = await buildPaymentFixture(t.db, { slug: 'r5' });
});
afterAll(async () => {
  await t.drop();
});

type Story = { placed: PlacedOrder; events: PaymentEvent[]; provider: 'paid' | 'unpaid' };

/** Applies a story's events one at a time in the given order, watching for a paid order going back. */
async function play(story: Story, order: PaymentEvent[]) {
  let wasPaid = false;
  let regressions = 0;
  for (const e of order) {
    await handlePaymentEvent(fx.pctx, e);
    const o = await reload(t.db, story.placed.order.id);
    if (wasPaid && (o.status !== 'paid' || o.paymentState !== 'paid')) regressions++;
    wasPaid ||= o.status === 'paid';
  }
  return regressions;
}

describe('out-of-order payment events (R5)', () => {
  it('ends every order in the provider’s state, whatever order its events arrive in, with no paid order regressing', async () => {
    const stories: Story[] = [];
    for (let i = 0; i < 8; i++) {
      // A bank debit: completed (unpaid, so processing), then succeeded; the checkout later reports expiry noise
      // and a stale failure from an earlier attempt.
      const a = await placeOrder(fx);
      fx.gateway.startAsync(a.sessionId);
      const aProcessing = processing(a);
      fx.gateway.settleAsync(a.sessionId);
      stories.push({ placed: a, provider: 'paid', events: [aProcessing, succeeded(fx, a), expired(a), failed(a)] });
      // A card: completed and paid, with a failed attempt before it.
      const b = await placeOrder(fx);
      const bFailed = failed(b);
      fx.gateway.pay(b.sessionId);
      stories.push({ placed: b, provider: 'paid', events: [bFailed, succeeded(fx, b), expired(b)] });
      // Abandoned: a failure, then the session expires.
      const c = await placeOrder(fx);
      stories.push({ placed: c, provider: 'unpaid', events: [failed(c), processing(c), expired(c)] });
    }
    let regressions = 0;
    for (const story of stories) {
      // Every event of the story in reverse, and again shuffled: the second pass is all duplicates.
      regressions += await play(story, [...story.events].reverse());
      regressions += await play(story, shuffle(story.events));
    }
    expect(regressions).toBe(0);
    for (const { placed, provider } of stories) {
      const o = await reload(t.db, placed.order.id);
      if (provider === 'paid')
        expect(o).toMatchObject({ status: 'paid', paymentState: 'paid', amountPaid: placed.order.total });
      else expect(o).toMatchObject({ status: 'expired', amountPaid: 0 });
    }
  });

  it('keeps a paid order paid when expiry and failure arrive after the success, delivered concurrently', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
    const late = [expired(placed), failed(placed), processing(placed), expired(placed), failed(placed)];
    const outcomes = await Promise.all(late.map((e) => handlePaymentEvent(fx.pctx, e).then((r) => r.outcome)));
    expect(new Set(outcomes)).toEqual(new Set(['no_change']));
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'paid', paymentState: 'paid' });
  });

  it('confirms a payment that succeeds before the checkout reports completion, and ignores the completion', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.startAsync(placed.sessionId);
    const completedUnpaid = processing(placed);
    fx.gateway.settleAsync(placed.sessionId);
    expect((await handlePaymentEvent(fx.pctx, succeeded(fx, placed))).outcome).toBe('paid');
    expect((await handlePaymentEvent(fx.pctx, completedUnpaid)).outcome).toBe('no_change');
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'paid', paymentState: 'paid' });
  });
});

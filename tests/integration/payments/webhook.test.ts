import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paymentEvents } from '@/db/schema';
import { receivePaymentWebhook } from '@/lib/payments/webhook';
import { testConfig } from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';
import { buildPaymentFixture, placeOrder, reload, succeeded, type PaymentFixture } from './helpers';

let t: TestDb;
let fx: PaymentFixture;
beforeAll(async () => {
  t = await createTestDb();
  fx = await buildPaymentFixture(t.db, { slug: 'hook' });
});
afterAll(async () => {
  await t.drop();
});

async function eventRows() {
  const [row] = await t.db.select({ n: count() }).from(paymentEvents);
  return row!.n;
}

describe('receivePaymentWebhook', () => {
  it('answers 400 to a bad signature and writes nothing at all', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    const before = await eventRows();
    for (const header of [null, '', 'v1=forged', signature.replace(/.$/, (c) => (c === '0' ? '1' : '0'))]) {
      expect(await receivePaymentWebhook(fx.pctx, body, header)).toEqual({
        status: 400,
        body: { error: 'invalid signature' },
      });
    }
    // The right signature over a different body is as bad as none.
    expect((await receivePaymentWebhook(fx.pctx, body.replace('"amount":30000', '"amount":1'), signature)).status).toBe(
      400,
    );
    expect(await eventRows()).toBe(before);
    expect(await reload(t.db, placed.order.id)).toEqual(placed.order);
  });

  it('applies a verified event once and acknowledges its redelivery', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    expect(await receivePaymentWebhook(fx.pctx, body, signature)).toEqual({
      status: 200,
      body: { received: true, outcome: 'paid' },
    });
    expect(await receivePaymentWebhook(fx.pctx, body, signature)).toEqual({
      status: 200,
      body: { received: true, outcome: 'duplicate' },
    });
    expect((await reload(t.db, placed.order.id)).status).toBe('paid');
  });

  it('acknowledges event types it does not handle without recording them', async () => {
    const before = await eventRows();
    const { body, signature } = fx.gateway.webhook({
      id: 'evt_ignored',
      type: 'ignored',
      providerType: 'customer.created',
    });
    expect(await receivePaymentWebhook(fx.pctx, body, signature)).toEqual({
      status: 200,
      body: { received: true, ignored: true },
    });
    expect(await eventRows()).toBe(before);
  });

  it('answers 503 while the order is locked elsewhere, keeps no trace, and applies the redelivery', async () => {
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    const quick = { ...fx.pctx, config: testConfig({ ORDER_LOCK_TIMEOUT_MS: '100' }) };
    const other = await t.sql.reserve();
    try {
      await other`begin`;
      await other`select id from orders where id = ${placed.order.id} for update`;
      const answer = await receivePaymentWebhook(quick, body, signature);
      expect(answer.status).toBe(503);
      expect(JSON.stringify(answer.body)).not.toMatch(/at |Error|lock/);
      await other`rollback`;
    } finally {
      other.release();
    }
    expect(await reload(t.db, placed.order.id)).toMatchObject({ status: 'pending_payment', paymentState: 'none' });
    expect(await receivePaymentWebhook(quick, body, signature)).toEqual({
      status: 200,
      body: { received: true, outcome: 'paid' },
    });
  });

  it('answers 500 with a generic body when applying fails for a reason a retry may not fix', async () => {
    const placed = await placeOrder(fx);
    const broken = {
      ...fx.pctx,
      db: {
        transaction: () =>
          Promise.reject(Object.assign(new Error('relation "orders" does not exist at line 1'), { code: '42P01' })),
      },
    } as unknown as typeof fx.pctx;
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    const answer = await receivePaymentWebhook(broken, body, signature);
    expect(answer).toEqual({ status: 500, body: { error: 'internal error' } });
  });

  it('answers 503 when the database cannot be reached, so the provider retries', async () => {
    const placed = await placeOrder(fx);
    const down = {
      ...fx.pctx,
      db: {
        transaction: () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
      },
    } as unknown as typeof fx.pctx;
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    expect((await receivePaymentWebhook(down, body, signature)).status).toBe(503);
  });
});

// Webhook routes refuse an oversize body while it streams (issue 11, item 5): the real route handlers, called with
// a body larger than the limit, answer 413 after reading little more than the limit, and change nothing.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailEvents, paymentEvents } from '@/db/schema';
import type { AppContextHandle } from '@/lib/context';
import { buildPaymentFixture, placeOrder, reload, succeeded, type PaymentFixture } from '../payments/helpers';
import { countingStream, streamingPost } from '../../support/counting-stream';
import { testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

// The routes' Next-only marker; the handlers themselves are plain functions of a Request.
vi.mock('server-only', () => ({}));

const t = useTestDb();
let fx: PaymentFixture;
const g = globalThis as unknown as { __appContext?: AppContextHandle };

beforeAll(async () => {
  fx = await buildPaymentFixture(t.db, { slug: 'wbl' });
  // The context the routes get from getContext(): the test database and the in-memory gateway (receiving a
  // webhook sends no mail, so there is no mailer).
  const config = testConfig({ RESEND_WEBHOOK_SECRET: 'whsec_dGVzdC1zZWNyZXQtdGVzdC1zZWNyZXQ=' });
  g.__appContext = { ...fx.pctx, config, close: async () => {} } as unknown as AppContextHandle;
});
afterAll(() => {
  delete g.__appContext;
});

const CHUNK = 64 * 1024;
const rows = async () => ({
  payments: (await t.db.select({ n: count() }).from(paymentEvents))[0]!.n,
  emails: (await t.db.select({ n: count() }).from(emailEvents))[0]!.n,
});

describe('POST /api/webhooks/stripe and /api/webhooks/resend with an oversize body', () => {
  it.each([
    ['stripe', { 'stripe-signature': 't=1,v1=00' }],
    ['resend', { 'svix-id': 'msg_1', 'svix-timestamp': '1', 'svix-signature': 'v1,AA==' }],
  ] as const)('%s answers 413 having read at most the limit, and writes nothing', async (provider, headers) => {
    const { POST } = (await import(`@/app/api/webhooks/${provider}/route`)) as {
      POST: (r: Request) => Promise<Response>;
    };
    const before = await rows();
    const body = countingStream(160, CHUNK); // 10 MB on offer
    const response = await POST(
      streamingPost(`http://localhost/api/webhooks/${provider}`, body.stream, {
        'content-type': 'application/json',
        ...headers,
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'body too large' });
    expect(body.pulls).toBeLessThanOrEqual(Math.ceil(1_000_000 / CHUNK) + 1);
    expect(body.cancelled).toBe(true);
    expect(await rows()).toEqual(before);
  });

  it('still applies a signed event of ordinary size, streamed', async () => {
    const { POST } = await import('@/app/api/webhooks/stripe/route');
    const placed = await placeOrder(fx);
    fx.gateway.pay(placed.sessionId);
    const { body, signature } = fx.gateway.webhook(succeeded(fx, placed));
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 10));
        c.enqueue(bytes.slice(10));
        c.close();
      },
    });
    const response = await POST(
      streamingPost('http://localhost/api/webhooks/stripe', stream, { 'stripe-signature': signature }),
    );
    expect(response.status).toBe(200);
    expect((await reload(t.db, placed.order.id)).status).toBe('paid');
  });
});

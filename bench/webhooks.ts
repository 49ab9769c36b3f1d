// P3: signed Stripe webhook ingestion over HTTP, with 30 % of deliveries repeated (same event id), against
// the app server and real Postgres. Last line is JSON: eventsPerSecond, noopRps (same server, same run),
// paidOrders and doubleConfirmations (both from the database after the run). The web server runs with the worker
// apart (WORKER_IN_PROCESS=false), as a deployment that runs `npm run worker` on its own does: the confirmations
// the webhooks queue stay in the outbox, and the figure is the web server's own.
import http from 'node:http';
import { count, eq, sql } from 'drizzle-orm';
import { createDb } from '../db/client';
import { orders } from '../db/schema';
import { createManualClock } from '../lib/adapters/clock';
import { buildCheckoutSessionEvent } from '../lib/adapters/payments/stripe-events';
import { signStripeWebhook } from '../lib/adapters/payments/webhook-signature';
import { parseEnv } from '../lib/env';
import { createOrder } from '../lib/orders/create-order';
import { createEvent } from '../lib/programme/build';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { load, percentile, request } from './support/load';
import { benchDatabase, startApp } from './support/server';
import { testVault } from '../tests/support/vault';

const ORDERS = 500;
const DUPLICATE_SHARE = 0.3;
const CONCURRENCY = 20;
const SECRET = 'whsec_bench_webhooks_only';

async function main() {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 10 });
  const ctx = {
    db: handle.db,
    clock: createManualClock(new Date()),
    config: parseEnv({
      DATABASE_URL: database.url,
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
      HOLD_MAX_PER_CLIENT: '1000000',
    }),
    vault: testVault,
  };
  const event = await createEvent(ctx, {
    slug: 'hooks',
    name: 'Webhooks',
    timezone: 'Europe/Amsterdam',
    startsOn: '2030-05-01',
    endsOn: '2030-05-02',
    currency: 'EUR',
    holdMinutes: 60,
  });
  const type = await createTicketType(ctx, event.id, {
    code: 'pass',
    publicLabel: 'Conference pass',
    internalLabel: 'Pass',
    prices: [{ label: 'Regular', amount: 12000 }],
  });
  const made = [];
  for (let i = 0; i < ORDERS; i += 25) {
    made.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(25, ORDERS - i) }, (_, j) =>
          createOrder(
            ctx,
            event.id,
            {
              buyer: { name: 'Buyer', email: `buyer${i + j}@hooks.example` },
              attendees: [{ ticketTypeId: type.id, legalName: 'Buyer Person', email: `buyer${i + j}@hooks.example` }],
            },
            { clientKey: null },
          ),
        ),
      )),
    );
  }
  // As if each buyer had opened a Checkout Session.
  for (const [i, { order }] of made.entries()) {
    await handle.db
      .update(orders)
      .set({ checkoutSessionId: `cs_bench_${i}` })
      .where(eq(orders.id, order.id));
  }

  const deliveries = made.map(({ order }, i) => {
    const payload = JSON.stringify(
      buildCheckoutSessionEvent({
        type: 'checkout.session.completed',
        created: new Date(),
        eventId: `evt_bench_${i}`,
        session: {
          id: `cs_bench_${i}`,
          status: 'complete',
          payment_status: 'paid',
          amount_total: order.total,
          currency: 'eur',
          payment_intent: `pi_bench_${i}`,
          client_reference_id: order.id,
          metadata: { order_id: order.id, reference: order.reference },
          url: null,
        },
      }),
    );
    return payload;
  });
  const duplicates = deliveries.slice(0, Math.round(ORDERS * DUPLICATE_SHARE));
  const all = [...deliveries, ...duplicates].sort(() => Math.random() - 0.5);

  const app = await startApp({
    DATABASE_URL: database.url,
    EVENT_SLUG: 'hooks',
    STRIPE_WEBHOOK_SECRET: SECRET,
    WORKER_IN_PROCESS: 'false',
  });
  try {
    const noop = await load(`${app.baseUrl}/api/live`, CONCURRENCY, 5);
    console.log(`no-op route: ${noop.rps.toFixed(0)} req/s, p95 ${noop.p95Ms.toFixed(1)} ms`);
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const statuses: Record<number, number> = {};
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < all.length) {
          const body = all[next++]!;
          const r = await request(agent, `${app.baseUrl}/api/webhooks/stripe`, {
            method: 'POST',
            body,
            headers: { 'Stripe-Signature': signStripeWebhook(body, SECRET, new Date()) },
          });
          statuses[r.status] = (statuses[r.status] ?? 0) + 1;
          latencies.push(r.ms);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);

    const [paid] = await handle.db.select({ n: count() }).from(orders).where(eq(orders.status, 'paid'));
    const doubled = await handle.db.execute<{ n: number }>(sql`select count(*)::int as n from (
      select order_id from payment_events where outcome in ('paid', 'late_paid') group by order_id having count(*) > 1) d`);
    const result = {
      deliveries: all.length,
      distinctEvents: ORDERS,
      duplicateDeliveries: duplicates.length,
      statuses,
      seconds: Number(seconds.toFixed(3)),
      eventsPerSecond: Number((all.length / seconds).toFixed(1)),
      p95Ms: Number(percentile(latencies, 95).toFixed(1)),
      noopRps: Number(noop.rps.toFixed(1)),
      ratioToNoop: Number((all.length / seconds / noop.rps).toFixed(2)),
      paidOrders: paid?.n ?? 0,
      doubleConfirmations: doubled[0]?.n ?? 0,
      workerInProcess: false,
      bar: 'eventsPerSecond >= 0.3 x noopRps (worker apart); paidOrders = 500; doubleConfirmations = 0',
    };
    console.log(
      `webhooks: ${result.eventsPerSecond} events/s (${result.ratioToNoop} x no-op), p95 ${result.p95Ms} ms; ` +
        `${result.paidOrders} paid orders, ${result.doubleConfirmations} double confirmations; statuses ${JSON.stringify(statuses)}`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await app.stop();
    await handle.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// P1: 200 concurrent buyers (unique emails) for 100 seats, over HTTP against the app server and real Postgres, in
// two scenarios: one ticket type of 100 seats ("single"), and four ticket types sharing an event total of 100 seats
// ("mixed", the buyers spread over the types: orders for different types meet only at the event's total). Each
// scenario runs under both ways an order checks room (ORDER_SEAT_CHECK): "counters", a guarded increment of each
// pool's seat_counters row (the default), and "count", the seats counted from the orders under the pool lock (the
// earlier design). Prints the figures, then a last line of JSON: per way and scenario sold, soldOut, errors5xx,
// oversold (from the database), registrationsPerSecond, p95Ms and ratioToNoop (a no-op route on the same server,
// same run).
import http from 'node:http';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createDb } from '../db/client';
import { events, orders, tickets } from '../db/schema';
import { createEvent } from '../lib/programme/build';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { benchDatabase, startApp } from './support/server';
import { load, percentile, request } from './support/load';

const BUYERS = 200;
const SEATS = Number(process.env.SEATS || 100);
const WAYS = ['counters', 'count'] as const;
const SCENARIOS = ['single', 'mixed'] as const;
const MIXED_TYPES = 4;

/**
 * Each buyer is a different person on a different connection, as in a real ticket drop: the app runs with
 * TRUST_PROXY=true, as behind a proxy, so the right-most X-Forwarded-For entry is the client's address. The
 * header only labels the request; nothing is sent to these documentation-prefix (2001:db8::/32) addresses.
 */
function buyerAddress(i: number): Record<string, string> {
  return { 'X-Forwarded-For': `2001:db8:${i.toString(16)}::1` };
}

async function drop(way: (typeof WAYS)[number], scenario: (typeof SCENARIOS)[number]) {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 2 });
  const event = await createEvent(
    { db: handle.db },
    {
      slug: 'drop',
      name: 'Ticket drop',
      timezone: 'Europe/Amsterdam',
      startsOn: '2030-05-01',
      endsOn: '2030-05-02',
      currency: 'EUR',
    },
  );
  // single: one type of SEATS seats; mixed: MIXED_TYPES types without limits of their own under an event total.
  const types: { id: string }[] = [];
  for (let i = 0; i < (scenario === 'single' ? 1 : MIXED_TYPES); i++) {
    types.push(
      await createTicketType({ db: handle.db }, event.id, {
        code: `drop${i}`,
        publicLabel: `Conference pass ${i + 1}`,
        internalLabel: `Drop ${i + 1}`,
        capacity: scenario === 'single' ? SEATS : null,
        prices: [{ label: 'Regular', amount: 10000 }],
      }),
    );
  }
  // A second type only to warm the server up (JIT, connection pool) before the drop, as a live site would be.
  const warm = await createTicketType({ db: handle.db }, event.id, {
    code: 'warm',
    publicLabel: 'Warm-up pass',
    internalLabel: 'Warm-up',
    prices: [{ label: 'Regular', amount: 10000 }],
  });
  const app = await startApp({
    DATABASE_URL: database.url,
    EVENT_SLUG: 'drop',
    TRUST_PROXY: 'true',
    ORDER_SEAT_CHECK: way,
    ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
    HOLD_MAX_PER_CLIENT: '1000000',
    HOLD_MAX_PER_EMAIL: '10',
  });
  try {
    const noop = await load(`${app.baseUrl}/api/live`, 50, 5);
    console.log(`no-op route: ${noop.rps.toFixed(0)} req/s, p95 ${noop.p95Ms.toFixed(1)} ms`);

    const agent = new http.Agent({ keepAlive: true, maxSockets: BUYERS });
    // Warm up: 400 orders of the warm-up type, 20 at a time.
    const order = (email: string, ticketTypeId: string) =>
      JSON.stringify({
        buyer: { name: 'Buyer', email },
        attendees: [{ ticketTypeId, legalName: 'Buyer Person', email }],
      });
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = 0; i < 20; i++)
          await request(agent, `${app.baseUrl}/api/v1/orders`, {
            method: 'POST',
            body: order(`warm${w}-${i}@drop.example`, warm.id),
            headers: buyerAddress(1000 + w * 20 + i),
          });
      }),
    );
    // The event's total: SEATS more than the warm-up holds, which count against it too.
    if (scenario === 'mixed') {
      const [held] = await handle.db
        .select({ n: count() })
        .from(tickets)
        .innerJoin(orders, eq(orders.id, tickets.orderId))
        .where(eq(orders.eventId, event.id));
      await handle.db
        .update(events)
        .set({ capacity: (held?.n ?? 0) + SEATS })
        .where(eq(events.id, event.id));
    }
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: BUYERS }, (_, i) =>
        request(agent, `${app.baseUrl}/api/v1/orders`, {
          method: 'POST',
          headers: buyerAddress(i),
          body: JSON.stringify({
            buyer: { name: `Buyer ${i}`, email: `buyer${i}@drop.example` },
            attendees: [
              {
                ticketTypeId: types[i % types.length]!.id,
                legalName: `Buyer Number ${i}`,
                email: `buyer${i}@drop.example`,
              },
            ],
          }),
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();

    const by = (pred: (a: { status: number; body: string }) => boolean) => answers.filter(pred).length;
    const sold = by((a) => a.status === 201);
    const soldOut = by((a) => a.status === 409 && a.body.includes('SOLD_OUT'));
    const errors5xx = by((a) => a.status >= 500);
    const other = BUYERS - sold - soldOut - errors5xx;
    const [row] = await handle.db
      .select({ n: count() })
      .from(tickets)
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(
        and(
          inArray(
            tickets.ticketTypeId,
            types.map((t) => t.id),
          ),
          inArray(orders.status, ['paid', 'pending_payment']),
        ),
      );
    const inDatabase = row?.n ?? 0;
    const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
    const result = {
      way,
      scenario,
      buyers: BUYERS,
      seats: SEATS,
      sold,
      soldOut,
      errors5xx,
      otherAnswers: other,
      soldInDatabase: inDatabase,
      oversold: Math.max(0, inDatabase - SEATS),
      seconds: Number(seconds.toFixed(3)),
      registrationsPerSecond: Number((BUYERS / seconds).toFixed(1)),
      p50Ms: Number(percentile(latencies, 50).toFixed(1)),
      p95Ms: Number(percentile(latencies, 95).toFixed(1)),
      noopRps: Number(noop.rps.toFixed(1)),
      ratioToNoop: Number((BUYERS / seconds / noop.rps).toFixed(2)),
    };
    console.log(
      `ticket drop (${way}, ${scenario}): ${sold} sold, ${soldOut} sold out, ${errors5xx} 5xx, ${other} other, ${inDatabase} in the database; ` +
        `${result.registrationsPerSecond} registrations/s (${result.ratioToNoop} x no-op), p95 ${result.p95Ms} ms`,
    );
    return result;
  } finally {
    await app.stop();
    await handle.close();
    await database.drop();
  }
}

async function main() {
  const results: Record<string, Record<string, Awaited<ReturnType<typeof drop>>>> = {};
  for (const scenario of SCENARIOS) for (const way of WAYS) (results[way] ??= {})[scenario] = await drop(way, scenario);
  console.log(
    JSON.stringify({
      ...results,
      bar: 'sold=100, soldOut=100, oversold=0, errors5xx=0, registrationsPerSecond >= 0.4 x noopRps (counters, the default)',
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

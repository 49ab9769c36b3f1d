// P2: the public pages against a static file served by the same server, in one run: 20 keep-alive clients for
// BENCH_SECONDS (default 5) per route, on the seeded demo conference; then how long an organizer's edit takes to
// show on the cached programme (written straight to the database, as another instance of the app would: the
// instance serving the page learns of it only from its one-second revalidation), and how stale "seats left" gets
// on /register and GET /api/v1/ticket-types after an order.
// Prints the figures, then a last line of JSON: { routes: { "/": { rps, p95Ms, ratio, p95Ratio } ... },
// staticRps, staticP95Ms, editVisibleMs, seatsVisibleMs, seatsFreshAfterIdle }.
import { eq } from 'drizzle-orm';
import { createDb } from '../db/client';
import { sessions } from '../db/schema';
import { seedConference } from '../scripts/seed/seed';
import { benchDatabase, startApp } from './support/server';
import { demoOrderBody, runBenchmark, type ListedTicketType } from './support/demo-order';
import { load, request } from './support/load';
import http from 'node:http';

const CLIENTS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS || 5);

async function waitFor(check: () => Promise<boolean>, limitMs = 15_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > limitMs) return Number.POSITIVE_INFINITY;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main() {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 2 });
  const { eventId } = await seedConference({ db: handle.db }, { now: new Date() });
  const [session] = await handle.db
    .select({ id: sessions.id, slug: sessions.slug, title: sessions.title })
    .from(sessions)
    .where(eq(sessions.eventId, eventId))
    .limit(1);
  if (!session) throw new Error('the seed made no sessions');
  const app = await startApp({ DATABASE_URL: database.url, ORDER_RATE_LIMIT_PER_MINUTE: '1000000' });
  const routes = ['/', '/programme', '/speakers', `/sessions/${session.slug}`, '/register', '/api/v1/sessions'];
  try {
    // Warm up: JIT, the database pool, and the first render of each cached page.
    for (const path of ['/robots.txt', ...routes]) await load(`${app.baseUrl}${path}`, 4, 1);
    const stat = await load(`${app.baseUrl}/robots.txt`, CLIENTS, SECONDS);
    console.log(`static file /robots.txt: ${stat.rps.toFixed(0)} req/s, p95 ${stat.p95Ms.toFixed(1)} ms`);
    const results: Record<string, { rps: number; p95Ms: number; ratio: number; p95Ratio: number }> = {};
    for (const path of routes) {
      const r = await load(`${app.baseUrl}${path}`, CLIENTS, SECONDS);
      const bad = Object.entries(r.statuses).filter(([s]) => s !== '200');
      const ratio = r.rps / stat.rps;
      const p95Ratio = r.p95Ms / stat.p95Ms;
      results[path] = {
        rps: Math.round(r.rps),
        p95Ms: Number(r.p95Ms.toFixed(1)),
        ratio: Number(ratio.toFixed(2)),
        p95Ratio: Number(p95Ratio.toFixed(2)),
      };
      console.log(
        `${path}: ${r.rps.toFixed(0)} req/s (${ratio.toFixed(2)}x static), p95 ${r.p95Ms.toFixed(1)} ms (${p95Ratio.toFixed(2)}x)` +
          (bad.length ? `  non-200: ${JSON.stringify(Object.fromEntries(bad))}` : ''),
      );
    }

    // An edit by another instance: only the one-second revalidation brings it to this one.
    const agent = new http.Agent({ keepAlive: true });
    const marker = `Edited ${Date.now()}`;
    await handle.db.update(sessions).set({ title: marker }).where(eq(sessions.id, session.id));
    const editVisibleMs = await waitFor(async () =>
      (await request(agent, `${app.baseUrl}/sessions/${session.slug}`)).body.includes(marker),
    );
    console.log(`an edit shows on the cached session page after ${editVisibleMs.toFixed(0)} ms`);

    // Seats left: take one seat of the first ticket type with a capacity, and wait for both listings to show it.
    const listing = JSON.parse((await request(agent, `${app.baseUrl}/api/v1/ticket-types`)).body) as {
      ticketTypes: (ListedTicketType & { remaining: number | null })[];
    };
    const limited = listing.ticketTypes.find((t) => typeof t.remaining === 'number' && t.remaining > 1);
    let seatsVisibleMs = Number.NaN;
    let seatsFreshAfterIdle: boolean | null = null;
    if (limited) {
      const before = limited.remaining!;
      const body = demoOrderBody(limited, `bench-${Date.now()}@example.org`);
      const created = await request(agent, `${app.baseUrl}/api/v1/orders`, { method: 'POST', body });
      if (created.status !== 201) console.log(`order: ${created.status} ${created.body.slice(0, 200)}`);
      seatsVisibleMs = await waitFor(async () => {
        const now = JSON.parse((await request(agent, `${app.baseUrl}/api/v1/ticket-types`)).body) as typeof listing;
        return (now.ticketTypes.find((t) => t.id === limited.id)?.remaining ?? before) < before;
      });
      console.log(`seats left show an order after ${seatsVisibleMs.toFixed(0)} ms`);
      // The same after a quiet spell: no request for 3 s, then an order and at once one look at each listing. A
      // cached copy older than a second is never served as it is (it is rendered again while the request waits).
      await new Promise((r) => setTimeout(r, 3000));
      const again = JSON.parse((await request(agent, `${app.baseUrl}/api/v1/ticket-types`)).body) as typeof listing;
      const beforeIdle = again.ticketTypes.find((t) => t.id === limited.id)?.remaining ?? 0;
      await new Promise((r) => setTimeout(r, 3000));
      const second = await request(agent, `${app.baseUrl}/api/v1/orders`, {
        method: 'POST',
        body: demoOrderBody(limited, `bench-idle-${Date.now()}@example.org`),
      });
      if (second.status !== 201) console.log(`order: ${second.status} ${second.body.slice(0, 200)}`);
      const seen = JSON.parse((await request(agent, `${app.baseUrl}/api/v1/ticket-types`)).body) as typeof listing;
      seatsFreshAfterIdle = (seen.ticketTypes.find((t) => t.id === limited.id)?.remaining ?? beforeIdle) < beforeIdle;
      console.log(
        `after 3 s without requests, the first look at the seats left ${seatsFreshAfterIdle ? 'shows' : 'does NOT show'} an order made just before`,
      );
    }
    agent.destroy();
    console.log(
      JSON.stringify({
        routes: results,
        staticRps: Math.round(stat.rps),
        staticP95Ms: Number(stat.p95Ms.toFixed(1)),
        editVisibleMs: Math.round(editVisibleMs),
        seatsVisibleMs: Math.round(seatsVisibleMs),
        seatsFreshAfterIdle,
      }),
    );
  } finally {
    await app.stop();
    await handle.close();
    await database.drop();
  }
}

runBenchmark(main);

// P6: what a modern browser loads on each public page, and Lighthouse's mobile scores, on the production build
// (the seeded demo conference, one order for the order page). For each page: the JavaScript fetched (transfer
// size, gzipped as served, scripts only; the `nomodule` polyfill a modern browser skips is not fetched), the same
// for an almost empty page of the same build (a 404: the root layout and a heading), and Lighthouse 12.2.3's
// performance and accessibility scores (mobile, simulated throttling) in Debian's Chromium (CHROMIUM_PATH).
// Prints the figures, then a last line of JSON: { pages: { "/": { jsKb, performance, accessibility } ... },
// emptyPageJsKb, budgetKb }.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { createDb } from '../db/client';
import { seedConference } from '../scripts/seed/seed';
import { benchDatabase, startApp } from './support/server';

const BUDGET_KB = 120;
const CHROME = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
  url: string;
}

async function audit(port: number, url: string) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    // An occasional run fails to trace the navigation (NO_NAVSTART and the like): retry once.
    if (lhr && !lhr.runtimeError && lhr.categories.performance?.score != null) {
      const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkRequest[] } | undefined)?.items ??
        []) as NetworkRequest[];
      const jsBytes = requests
        .filter((r) => r.resourceType === 'Script')
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
      return {
        jsKb: Number((jsBytes / 1024).toFixed(1)),
        performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      };
    }
    if (attempt >= 2) throw new Error(`Lighthouse could not audit ${url}: ${lhr?.runtimeError?.message ?? 'no score'}`);
  }
}

async function main() {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 2 });
  await seedConference({ db: handle.db }, { now: new Date() });
  const app = await startApp({ DATABASE_URL: database.url });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROME,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const sessions = (await (await fetch(`${app.baseUrl}/api/v1/sessions`)).json()) as { sessions: { slug: string }[] };
    const listing = (await (await fetch(`${app.baseUrl}/api/v1/ticket-types`)).json()) as {
      ticketTypes: {
        id: string;
        status: string;
        questions: { key: string; kind: string; options: string[]; isRequired: boolean }[];
      }[];
    };
    const type = listing.ticketTypes.find((t) => t.status === 'available');
    if (!type) throw new Error('nothing on sale in the seed');
    const answers = Object.fromEntries(
      type.questions
        .filter((q) => q.isRequired)
        .map((q) => [q.key, q.kind === 'select' ? q.options[0] : q.kind === 'checkbox' ? true : 'Bench']),
    );
    const email = `frontend-${Date.now()}@example.org`;
    const order = await fetch(`${app.baseUrl}/api/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        buyer: { name: 'Bench Buyer', email },
        attendees: [{ ticketTypeId: type.id, legalName: 'Bench Buyer', email, answers }],
      }),
    });
    const orderUrl = ((await order.json()) as { orderUrl?: string }).orderUrl;
    if (!orderUrl) throw new Error(`could not create an order (${order.status})`);
    const orderPath = new URL(orderUrl).pathname;

    const pages: Record<string, string> = {
      '/': '/',
      '/programme': '/programme',
      '/register': '/register',
      '/sessions/<slug>': `/sessions/${sessions.sessions[0]!.slug}`,
      '/orders/<token>': orderPath,
    };
    // Warm the cached pages, so each audit sees what visitors get.
    for (const path of Object.values(pages)) await fetch(`${app.baseUrl}${path}`);
    const empty = await audit(chrome.port, `${app.baseUrl}/an-empty-page-for-the-benchmark`);
    console.log(`an almost empty page (404): ${empty.jsKb} kB of JavaScript`);
    const results: Record<string, Awaited<ReturnType<typeof audit>>> = {};
    for (const [name, path] of Object.entries(pages)) {
      const r = await audit(chrome.port, `${app.baseUrl}${path}`);
      results[name] = r;
      console.log(
        `${name}: ${r.jsKb} kB JavaScript (${(r.jsKb - empty.jsKb).toFixed(1)} kB over the empty page; budget ${BUDGET_KB} kB), performance ${r.performance}, accessibility ${r.accessibility}`,
      );
    }
    console.log(JSON.stringify({ pages: results, emptyPageJsKb: empty.jsKb, budgetKb: BUDGET_KB }));
  } finally {
    chrome.kill();
    await app.stop();
    await handle.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

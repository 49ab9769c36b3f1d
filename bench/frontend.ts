// P6: what a modern browser loads on each public page, and Lighthouse's mobile scores, on the production build
// (the seeded demo conference, one order for the order page). For each page: the JavaScript fetched (transfer
// size, gzipped as served, scripts only; the `nomodule` polyfill a modern browser skips is not fetched), the same
// for an almost empty page of the same build (a 404: the root layout and a heading; from its HTML, since
// Lighthouse will not audit a 404), and Lighthouse 12.2.3's
// performance and accessibility scores (mobile, simulated throttling, Lighthouse's defaults) in Debian's Chromium
// (CHROMIUM_PATH): the median performance of LIGHTHOUSE_RUNS runs (default 3), the lowest accessibility. The load
// average is printed before and after: the scores drop when other work shares the CPU.
// Prints the figures, then a last line of JSON: { pages: { "/": { jsKb, performance, accessibility } ... },
// emptyPageJsKb, budgetKb }.
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createDb } from '../db/client';
import { seedConference } from '../scripts/seed/seed';
import { demoOrderBody, runBenchmark, type ListedTicketType } from './support/demo-order';
import { benchDatabase, startApp } from './support/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium';

const BUDGET_KB = 120;
// Lighthouse's scores vary from run to run, more so on a shared machine; its own docs (docs/variability.md)
// advise several runs and the median. LIGHTHOUSE_RUNS sets how many (default 3).
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 3));
const CHROME = CHROMIUM_PATH;

interface NetworkRequest {
  resourceType?: string;
  transferSize?: number;
  url: string;
}

// Headless is Lighthouse's own new mode; the rest as the end-to-end tests start Chromium.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS.filter((a) => a !== '--headless')].join(' ');

// Lighthouse runs as its own command (its code is evaluated in the page, which must not go through tsx).
const run = promisify(execFile);
const LIGHTHOUSE = path.resolve(__dirname, '../node_modules/lighthouse/cli/index.js');

interface Report {
  runtimeError?: { message?: string };
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { details?: unknown } | undefined>;
}

async function audit(url: string) {
  const out = path.join(os.tmpdir(), `lighthouse-${process.pid}-${Date.now()}.json`);
  for (let attempt = 1; ; attempt++) {
    let lhr: Report | null = null;
    try {
      await run(
        process.execPath,
        [
          LIGHTHOUSE,
          url,
          '--output=json',
          `--output-path=${out}`,
          '--only-categories=performance,accessibility',
          '--quiet',
          `--chrome-flags=${CHROME_FLAGS}`,
        ],
        { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 64 * 1024 * 1024 },
      );
      lhr = JSON.parse(await readFile(out, 'utf8')) as Report;
    } catch (error) {
      if (attempt >= 2) throw error;
    } finally {
      await rm(out, { force: true });
    }
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

/**
 * The scripts a modern browser fetches for a page as it arrives (its <script src> tags, not the `nomodule`
 * polyfill), gzipped: Lighthouse cannot audit a 404, so the almost empty page is measured this way, and
 * every page too, to compare like with like.
 */
async function htmlScriptsKb(url: string): Promise<number> {
  const html = await (await fetch(url)).text();
  const sources = [...html.matchAll(/<script\b([^>]*)\bsrc="([^"]+)"([^>]*)>/g)]
    .filter(([, before, , after]) => !/nomodule/i.test(`${before}${after}`))
    .map(([, , src]) => new URL(src!, url).toString());
  let bytes = 0;
  for (const src of new Set(sources)) {
    // fetch hands back the plain script whatever the server sent: gzip it here, at the level browsers get.
    bytes += gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer())).length;
  }
  return Number((bytes / 1024).toFixed(1));
}

async function main() {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 2 });
  await seedConference({ db: handle.db }, { now: new Date() });
  const app = await startApp({ DATABASE_URL: database.url });
  try {
    const sessions = (await (await fetch(`${app.baseUrl}/api/v1/sessions`)).json()) as { sessions: { slug: string }[] };
    const listing = (await (await fetch(`${app.baseUrl}/api/v1/ticket-types`)).json()) as {
      ticketTypes: (ListedTicketType & { status: string })[];
    };
    const type = listing.ticketTypes.find((t) => t.status === 'available');
    if (!type) throw new Error('nothing on sale in the seed');
    const order = await fetch(`${app.baseUrl}/api/v1/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: demoOrderBody(type, `frontend-${Date.now()}@example.org`),
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
    console.log(
      `load average before: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    const emptyKb = await htmlScriptsKb(`${app.baseUrl}/an-empty-page-for-the-benchmark`);
    console.log(`an almost empty page (a 404 of the same build): ${emptyKb} kB of JavaScript in its HTML`);
    const results: Record<
      string,
      Awaited<ReturnType<typeof audit>> & { htmlScriptsKb: number; performanceRuns: number[] }
    > = {};
    for (const [name, path] of Object.entries(pages)) {
      const runs: Awaited<ReturnType<typeof audit>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await audit(`${app.baseUrl}${path}`));
      const sorted = [...runs].sort((a, b) => a.performance - b.performance);
      const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
      const r = {
        ...median,
        accessibility: Math.min(...runs.map((x) => x.accessibility)),
        performanceRuns: runs.map((x) => x.performance),
        htmlScriptsKb: await htmlScriptsKb(`${app.baseUrl}${path}`),
      };
      results[name] = r;
      console.log(
        `${name}: ${r.jsKb} kB JavaScript fetched (Lighthouse; budget ${BUDGET_KB} kB); ${r.htmlScriptsKb} kB in its HTML, ${(r.htmlScriptsKb - emptyKb).toFixed(1)} kB over the empty page; performance ${r.performance} (median of ${RUNS}: ${r.performanceRuns.join(', ')}), accessibility ${r.accessibility}`,
      );
    }
    console.log(
      `load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
    console.log(JSON.stringify({ pages: results, emptyPageJsKb: emptyKb, budgetKb: BUDGET_KB, runs: RUNS }));
  } finally {
    await app.stop();
    await handle.close();
    await database.drop();
  }
}

runBenchmark(main);

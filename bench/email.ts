// P4: drain 500 order confirmations through the real worker (real compose, real resend SDK) against a fake
// Resend limited to 2 requests/s, on real Postgres. The orders are free registrations made through createOrder,
// which queues each confirmation in its own transaction; the worker starts once all are queued.
// Last line is JSON: drainSeconds, idealSeconds (what the limit allows with batch sending: ceil(500 / batch
// size) requests at 2/s), idealSecondsForContent (the same, counting emails with attachments as one request each,
// since Resend's batch endpoint cannot carry attachments), delivered / lost / duplicates (counted by the fake),
// requests and maxRequestsPerSecond (the most requests the fake saw in any one-second window).
//   npm run bench:email               the real confirmations
//   npm run bench:email -- --stub     a stub compose without attachments (shows batch sending)
import { and, count, eq, inArray } from 'drizzle-orm';
import { createDb } from '../db/client';
import { emailMessages } from '../db/schema';
import { systemClock } from '../lib/adapters/clock';
import { createMailer } from '../lib/adapters/mailer';
import { composeEmail } from '../lib/email/compose';
import type { ComposeFn } from '../lib/email/send';
import { startEmailWorker } from '../lib/email/worker';
import { parseEnv } from '../lib/env';
import { createOrder } from '../lib/orders/create-order';
import { createEvent } from '../lib/programme/build';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { createFakeResend } from '../tests/support/fake-resend';
import { benchDatabase } from './support/server';
import { testVault } from '../tests/support/vault';

const COUNT = Number(process.argv.find((a) => a.startsWith('--count='))?.split('=')[1] ?? 500);
const STUB = process.argv.includes('--stub');
const RATE = 2;
const BATCH = 100;

const stubCompose: ComposeFn = async (_ctx, message) => ({
  subject: 'Your registration is confirmed',
  html: `<p>Confirmation ${message.id}</p>`,
  text: `Confirmation ${message.id}`,
});

async function main() {
  const database = await benchDatabase();
  const fake = await createFakeResend({ limitPerSecond: RATE });
  const handle = createDb(database.url, { max: 10 });
  try {
    const config = parseEnv({
      DATABASE_URL: database.url,
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
      HOLD_MAX_PER_CLIENT: '1000000',
      HOLD_MAX_PER_EMAIL: '1000000',
      RESEND_API_KEY: fake.apiKey,
      RESEND_BASE_URL: fake.url,
      EMAIL_RATE_LIMIT_PER_SECOND: String(RATE),
      EMAIL_BATCH_SIZE: String(BATCH),
      EMAIL_FROM: 'Conference registration <registration@example.org>',
      APP_URL: 'http://localhost:3000',
    });
    const ctx = { db: handle.db, clock: systemClock, config, mailer: createMailer(config), vault: testVault };
    // Far enough ahead that no reminder is due: only the confirmations are sent now.
    const event = await createEvent(ctx, {
      slug: 'mail',
      name: 'Mail',
      timezone: 'Europe/Amsterdam',
      startsOn: '2099-05-01',
      endsOn: '2099-05-02',
      currency: 'EUR',
      holdMinutes: 60,
    });
    const type = await createTicketType(ctx, event.id, {
      code: 'pass',
      publicLabel: 'Conference pass',
      internalLabel: 'Pass',
      prices: [{ label: 'Free', amount: 0 }],
    });
    for (let i = 0; i < COUNT; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, COUNT - i) }, (_, j) =>
          createOrder(
            ctx,
            event.id,
            {
              buyer: { name: 'Buyer Person', email: `buyer${i + j}@mail.example` },
              attendees: [{ ticketTypeId: type.id, legalName: 'Buyer Person', email: `buyer${i + j}@mail.example` }],
            },
            { clientKey: null },
          ),
        ),
      );
    }
    const confirmations = (
      await handle.db
        .select({ id: emailMessages.id })
        .from(emailMessages)
        .where(eq(emailMessages.kind, 'order_confirmation'))
    ).map((r) => r.id);
    if (confirmations.length !== COUNT)
      throw new Error(`expected ${COUNT} queued confirmations, found ${confirmations.length}`);
    const queued = async () =>
      (
        await handle.db
          .select({ n: count() })
          .from(emailMessages)
          .where(and(inArray(emailMessages.id, confirmations), eq(emailMessages.status, 'queued')))
      )[0]!.n;

    if (process.env.BENCH_COMPOSE_PROBE) {
      const rows = await handle.db
        .select()
        .from(emailMessages)
        .where(eq(emailMessages.kind, 'order_confirmation'))
        .limit(40);
      for (const r of rows.slice(0, 10)) await composeEmail(ctx, r);
      const t0 = performance.now();
      for (const r of rows.slice(10)) await composeEmail(ctx, r);
      console.log(`compose probe: ${((performance.now() - t0) / 30).toFixed(1)} ms per confirmation, one at a time`);
    }
    console.log(
      `${COUNT} confirmations queued; draining with ${STUB ? 'a stub compose' : 'the real compose'} at ${RATE} requests/s, batches of ${BATCH}`,
    );
    const started = performance.now();
    const composedAt: number[] = [];
    const timed: ComposeFn = async (c, m) => {
      const out = await (STUB ? stubCompose : composeEmail)(c, m);
      composedAt.push(performance.now() - started);
      return out;
    };
    const worker = await startEmailWorker({ connectionString: database.url, ctx, compose: timed });
    let lastReport = started;
    while ((await queued()) > 0) {
      await new Promise((r) => setTimeout(r, 50));
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.log(
          `  ${((lastReport - started) / 1000).toFixed(0)} s: ${await queued()} still queued, ${fake.requests.length} requests so far`,
        );
      }
    }
    const drainSeconds = (performance.now() - started) / 1000;
    if (process.env.BENCH_DEBUG)
      console.log(
        `composed: first at ${(composedAt[0]! / 1000).toFixed(2)} s, 100th at ${((composedAt[99] ?? 0) / 1000).toFixed(2)} s, 200th at ${((composedAt[199] ?? 0) / 1000).toFixed(2)} s, last at ${((composedAt.at(-1) ?? 0) / 1000).toFixed(2)} s`,
      );
    if (process.env.BENCH_DEBUG)
      console.log(`requests at ${fake.requests.map((r) => ((r.at - started) / 1000).toFixed(2)).join(', ')} s`);
    await worker.stop();

    const stats = fake.stats(confirmations);
    const withAttachments = new Set(fake.deliveries.filter((d) => d.attachments > 0).map((d) => d.ref)).size;
    const statuses = await handle.db
      .select({ status: emailMessages.status, n: count() })
      .from(emailMessages)
      .where(inArray(emailMessages.id, confirmations))
      .groupBy(emailMessages.status);
    const requestsFor = (batchable: number, single: number) => Math.ceil(batchable / BATCH) + single;
    const result = {
      compose: STUB ? 'stub' : 'real',
      emails: COUNT,
      drainSeconds: Number(drainSeconds.toFixed(2)),
      idealSeconds: Number((requestsFor(COUNT, 0) / RATE).toFixed(2)),
      idealSecondsForContent: Number((requestsFor(COUNT - withAttachments, withAttachments) / RATE).toFixed(2)),
      delivered: stats.delivered,
      lost: stats.lost,
      duplicates: stats.duplicates,
      requests: stats.requests,
      maxRequestsPerSecond: stats.maxRequestsPerSecond,
      refusedByLimiter: stats.limited,
      withAttachments,
      rateLimitPerSecond: RATE,
      batchSize: BATCH,
      statuses: Object.fromEntries(statuses.map((s) => [s.status, s.n])),
      bar: 'drainSeconds <= 1.2 x idealSeconds; lost = 0; duplicates = 0; maxRequestsPerSecond <= 2',
    };
    console.log(
      `email drain: ${result.drainSeconds} s for ${COUNT} confirmations (ideal ${result.idealSeconds} s with batches, ` +
        `${result.idealSecondsForContent} s for this content: ${withAttachments} carry attachments); ${result.requests} requests, ` +
        `at most ${result.maxRequestsPerSecond} in any second; ${result.delivered} delivered, ${result.lost} lost, ${result.duplicates} duplicates`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await fake.close();
    await handle.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

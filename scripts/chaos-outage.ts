// `npm run chaos:outage` (QUALITY R9, R14, R16; issue 11 items 9-11): two app instances (scripts/server.ts on the
// .next-test build, email worker in-process) on one database, under steady traffic (scripts/lib/chaos-traffic.ts:
// registrations, ticket-type reads, pages), through four faults in turn:
//   1. kill -9 of instance A while both instances' workers have email batches in flight (the fake Resend answers
//      slowly meanwhile); A is started again a few seconds later;
//   2. SIGTERM of instance B mid-traffic: it must exit 0 having answered everything it took, and leave no job
//      locked; B is started again;
//   3. the database stopped for real (an embedded PostgreSQL this run owns, in a temporary directory, so no shared
//      server is disturbed) and started again; meanwhile A is stopped and started, so it starts before the database.
// Then traffic stops and the outbox must drain. Free registrations for a ticket type of CAPACITY seats (it sells
// out during the run). Last line: one JSON object with oversold, lostOrders, emailsStuckAfter2Min,
// emailDuplicates, answers5xx, slowestAnswerMs (answers to requests sent during the outage), recoverySeconds
// (database back -> both instances healthy); exits non-zero when an invariant breaks.
import { mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedHandle } from '../db/embedded';
import { migrateDatabase } from '../db/migrate';
import { createDb } from '../db/client';
import { systemClock } from '../lib/adapters/clock';
import { LIVENESS_LOCK_SPACE } from '../lib/email/worker-recovery';
import { parseEnv } from '../lib/env';
import { createEvent } from '../lib/programme/build';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { createFakeResend, type FakeResend } from '../tests/support/fake-resend';
import { freePort } from '../tests/support/postgres-server';
import { AppProcess } from './lib/app-process';
import { ensureBuild } from './lib/build';
import { isServerError, startTraffic, type Answer } from './lib/chaos-traffic';

const ROOT = path.resolve(__dirname, '..');
const CAPACITY = Number(process.env.CHAOS_CAPACITY ?? 150);
const CLIENTS = Number(process.env.CHAOS_CLIENTS ?? 8);
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_MS ?? 8_000);
const EMAIL_BOUND_MS = 120_000;
const ANSWER_BOUND_MS = 3_000;
const RECOVERY_BOUND_S = 10;
const HARD_DEADLINE_MS = 900_000;
const SLUG = 'chaos-outage';

const T0 = Date.now();
const at = (ms: number) => `+${((ms - T0) / 1000).toFixed(1)}s`;
const log = (line: string) => console.log(`[chaos ${at(Date.now())}] ${line}`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return true;
    if (Date.now() > deadline) return false;
    await sleep(intervalMs);
  }
}

async function healthy(app: AppProcess): Promise<boolean> {
  try {
    return (await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  await ensureBuild(ROOT, '.next-test', log);
  const dir = await mkdtemp(path.join(tmpdir(), 'conference-chaos-outage-'));
  const dbPort = await freePort();
  const dbOptions = { dataDir: path.join(dir, 'data'), port: dbPort, database: 'chaos', log: () => {} };
  let database: EmbeddedHandle | null = null;
  let fake: FakeResend | null = null;
  const apps: AppProcess[] = [];
  let sql: postgres.Sql | null = null;
  let verdict: string[] = [];
  let cleaning: Promise<void> | null = null;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await Promise.all(apps.map((a) => a.stop().catch(() => undefined)));
      await sql?.end({ timeout: 1 }).catch(() => undefined);
      await fake?.close().catch(() => undefined);
      await database?.stop().catch(() => undefined);
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      log('cleaned up: apps stopped, fake Resend closed, database stopped and removed');
    })());
  process.once('exit', () => apps.forEach((a) => a.stopNow()));
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
    process.on(signal, () => void cleanup().finally(() => process.exit(128 + constants.signals[signal])));
  }
  const watchdog = setTimeout(() => {
    console.error(`[chaos] the run did not finish within ${HARD_DEADLINE_MS / 1000} s; stopping`);
    void cleanup().finally(() => process.exit(2));
  }, HARD_DEADLINE_MS);
  watchdog.unref();

  try {
    database = await startEmbeddedPostgres(dbOptions);
    await migrateDatabase(database.url);
    const handle = createDb(database.url, { max: 2 });
    const ctx = { db: handle.db, clock: systemClock, config: parseEnv({ DATABASE_URL: database.url }) };
    const event = await createEvent(ctx, {
      slug: SLUG,
      name: 'Chaos outage',
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
      capacity: CAPACITY,
      prices: [{ label: 'Free', amount: 0 }],
    });
    await handle.close();
    // The run's own connection for checks; postgres.js reconnects after the database's restart.
    sql = postgres(database.url, { max: 2, onnotice: () => {}, connect_timeout: 2, backoff: () => 0.2 });
    const db = sql;

    fake = await createFakeResend({ limitPerSecond: 2 });
    const provider = fake;
    const env = (port: number): Record<string, string> => ({
      NEXT_DIST_DIR: '.next-test',
      NODE_ENV: 'production',
      APP_ENV: 'test',
      AUTH_SECRET: 'chaos-outage-secret-chaos-outage-0000',
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: database!.url,
      EVENT_SLUG: SLUG,
      DATABASE_POOL_MAX: '8',
      ORDER_RATE_LIMIT_PER_MINUTE: '1000000',
      HOLD_MAX_PER_CLIENT: '1000000',
      HOLD_MAX_PER_EMAIL: '1000000',
      RESEND_API_KEY: provider.apiKey,
      RESEND_BASE_URL: provider.url,
      EMAIL_FROM: 'Conference registration <registration@example.org>',
      EMAIL_RATE_LIMIT_PER_SECOND: '2',
      EMAIL_BATCH_SIZE: '5',
      EMAIL_SEND_TIMEOUT_MS: '8000',
      HOUSEKEEPING_INTERVAL_SECONDS: '5',
      SHUTDOWN_TIMEOUT_MS: '10000',
    });
    const [portA, portB] = [await freePort(), await freePort()];
    const a = new AppProcess(portA, env(portA), { requireHealthy: false });
    const b = new AppProcess(portB, env(portB));
    apps.push(a, b);
    await Promise.all([a.start(), b.start()]);
    await waitUntil(() => healthy(a), 30_000);
    log(
      `instances A ${a.baseUrl} and B ${b.baseUrl}; database on port ${dbPort}; fake Resend ${provider.url}; ${CLIENTS} clients, ${CAPACITY} seats`,
    );

    const traffic = startTraffic({
      instances: () => apps.filter((x) => x.inRotation).map((x) => x.baseUrl),
      ticketTypeId: type.id,
      clients: CLIENTS,
      thinkMs: [20, 120],
      timeoutMs: 15_000,
    });
    await sleep(4_000);

    // 1. kill -9 of A with batches in flight on both instances.
    provider.failNext(6, 'slow', { slowMs: 4_000 });
    const livePools = async () =>
      (
        await db<
          { n: number }[]
        >`select count(distinct locked_by)::int as n from graphile_worker.jobs where locked_by is not null`
      )[0]!.n;
    const busy = await waitUntil(async () => (await livePools()) >= 2, 30_000, 50);
    const killAt = new Date();
    const killedPid = await a.kill();
    await sleep(300);
    const [stranded] = await db<
      { n: number }[]
    >`select count(*)::int as n from graphile_worker.jobs j where j.locked_by is not null
      and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.classid = ${LIVENESS_LOCK_SPACE}::int::oid
        and l.objid = hashtext(j.locked_by)::oid and l.objsubid = 2)`;
    log(
      `1. kill -9 of A (pid ${killedPid}) with ${busy ? 'both' : 'not both'} workers busy: ${stranded!.n} jobs left locked by its dead worker`,
    );
    await sleep(3_000);
    log(`   A started again in ${(await a.start()).toFixed(0)} ms`);
    // Reminders are queued for long before the event (in 2099 here): only emails due now count.
    const preKill = async () =>
      (
        await db<{ n: number }[]>`select count(*)::int as n from email_messages
      where created_at < ${killAt} and status = 'queued' and (send_after is null or send_after < now() + interval '1 day')`
      )[0]!.n;
    const emailsRecovered = await waitUntil(
      async () => (await preKill()) === 0,
      EMAIL_BOUND_MS - (Date.now() - killAt.getTime()),
      250,
    );
    const emailRecoverySeconds = (Date.now() - killAt.getTime()) / 1000;
    log(
      `   emails queued before the kill: ${emailsRecovered ? `all sent ${emailRecoverySeconds.toFixed(1)} s after it` : `${await preKill()} still queued after 2 minutes`}`,
    );

    // 2. SIGTERM of B mid-traffic.
    const termAt = Date.now();
    const sigtermExitCode = await b.terminate(30_000);
    const sigtermSeconds = (Date.now() - termAt) / 1000;
    const orphans = await db<
      { task: string; key: string | null; age: number; attempts: number; lastError: string | null }[]
    >`
      select j.task_identifier as task, j.key, extract(epoch from now() - j.locked_at)::float as age, j.attempts, j.last_error as "lastError"
      from graphile_worker.jobs j where j.locked_by is not null
        and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.classid = ${LIVENESS_LOCK_SPACE}::int::oid
          and l.objid = hashtext(j.locked_by)::oid and l.objsubid = 2)`;
    const left = { n: orphans.length };
    for (const o of orphans)
      log(
        `   left locked: ${o.task} ${o.key ?? ''} locked ${o.age.toFixed(1)} s ago, attempt ${o.attempts}${o.lastError ? `, last error ${o.lastError}` : ''}`,
      );
    const inFlightAtTerm = traffic.answers.filter(
      (x) => x.instance === b.baseUrl && x.started < termAt && x.started + x.ms > termAt,
    );
    log(
      `2. SIGTERM of B: exit code ${sigtermExitCode} after ${sigtermSeconds.toFixed(1)} s; of its ${inFlightAtTerm.length} requests in flight, ` +
        `${inFlightAtTerm.filter((x) => x.status > 0 && x.status < 500).length} answered; ${left!.n} jobs left locked`,
    );
    log(`   B started again in ${(await b.start()).toFixed(0)} ms`);
    await sleep(3_000);

    // 3. The database stops; A restarts while it is down; the database starts again.
    const outageStart = Date.now();
    await database.stop();
    log(`3. database stopped (${((Date.now() - outageStart) / 1000).toFixed(1)} s to stop)`);
    await sleep(OUTAGE_MS / 2);
    const restartExit = await a.terminate(30_000);
    await a.start();
    log(`   A stopped (exit ${restartExit}) and started again while the database is down`);
    await sleep(OUTAGE_MS / 2);
    const restartAt = Date.now();
    database = await startEmbeddedPostgres(dbOptions);
    const backAt = Date.now();
    const recovered = await waitUntil(async () => (await healthy(a)) && (await healthy(b)), 60_000, 100);
    const recoverySeconds = recovered ? (Date.now() - backAt) / 1000 : Infinity;
    log(
      `   database started again in ${((backAt - restartAt) / 1000).toFixed(1)} s; both instances healthy ${recoverySeconds.toFixed(1)} s later`,
    );
    await sleep(4_000);
    await traffic.stop();

    // Settle: the outbox drains.
    const settleStart = Date.now();
    await waitUntil(
      async () =>
        (
          await db<{ n: number }[]>`select count(*)::int as n from email_messages where status = 'queued'
      and (send_after is null or send_after < now() + interval '1 day')`
        )[0]!.n === 0,
      EMAIL_BOUND_MS,
      250,
    );
    log(`outbox drained ${((Date.now() - settleStart) / 1000).toFixed(1)} s after the traffic stopped`);

    // The verdict, from the answers, the database and the fake.
    const answers = traffic.answers;
    const duringOutage = answers.filter((x: Answer) => x.started >= outageStart && x.started < backAt);
    const accepted = answers
      .filter((x) => x.op === 'order' && x.status === 201 && x.reference)
      .map((x) => x.reference!);
    const found = new Set(
      (await db<{ reference: string }[]>`select reference from orders where reference = any(${accepted})`).map(
        (r) => r.reference,
      ),
    );
    const [sold] = await db<{ n: number }[]>`select count(*)::int as n from tickets t join orders o on o.id = t.order_id
      where t.ticket_type_id = ${type.id} and o.status = 'paid'`;
    // Still queued after the settle, or queued before the kill and sent more than two minutes after it.
    const [stuck] = await db<{ n: number }[]>`select count(*)::int as n from email_messages
      where (status = 'queued' and (send_after is null or send_after < now() + interval '1 day'))
        or (status = 'sent' and created_at < ${killAt} and sent_at > ${new Date(killAt.getTime() + EMAIL_BOUND_MS)})`;
    const [scheduled] = await db<
      { n: number }[]
    >`select count(*)::int as n from email_messages where status = 'queued'`;
    const stuckRows = await db<
      { id: string; kind: string; pin: number | null; attempts: number; lastError: string | null }[]
    >`
      select id, kind, extract(epoch from send_after - now())::float as pin, attempts, last_error as "lastError" from email_messages
      where status = 'queued' and (send_after is null or send_after < now() + interval '1 day')`;
    for (const m of stuckRows) {
      const jobs = await db<
        {
          task: string;
          key: string | null;
          runIn: number;
          locked: boolean;
          attempts: number;
          lastError: string | null;
        }[]
      >`
        select task_identifier as task, key, extract(epoch from run_at - now())::float as "runIn", locked_by is not null as locked, attempts,
          last_error as "lastError" from graphile_worker.jobs where key = ${`email:${m.id}`} or payload::jsonb -> 'ids' ? ${m.id}`;
      log(
        `   stuck: ${m.kind} ${m.id} pinned for ${m.pin?.toFixed(0) ?? '-'} s more, ${m.attempts} attempts${m.lastError ? ` (${m.lastError})` : ''}; jobs: ` +
          `${jobs.map((j) => `${j.task} ${j.key} in ${j.runIn.toFixed(0)} s${j.locked ? ' locked' : ''} attempt ${j.attempts}${j.lastError ? ` (${j.lastError})` : ''}`).join('; ') || 'none'}`,
      );
    }
    for (const x of answers.filter((y) => y.status === 0)) {
      log(
        `   no answer: ${x.op} to ${x.instance === a.baseUrl ? 'A' : 'B'} after ${x.ms.toFixed(0)} ms, sent at ${at(x.started)}`,
      );
    }
    const [emails] = await db<{ n: number }[]>`select count(*)::int as n from email_messages`;
    for (const x of [...duringOutage].sort((p, q) => q.ms - p.ms).slice(0, 5)) {
      log(
        `   slow during the outage: ${x.op} to ${x.instance === a.baseUrl ? 'A' : 'B'} sent ${((x.started - outageStart) / 1000).toFixed(1)} s into it: ${x.status} after ${x.ms.toFixed(0)} ms`,
      );
    }
    const byStatus = (list: Answer[]) =>
      list.reduce<Record<string, number>>((acc, x) => ((acc[x.status] = (acc[x.status] ?? 0) + 1), acc), {});
    const stats = provider.stats();
    const result = {
      oversold: Math.max(0, sold!.n - CAPACITY),
      lostOrders: accepted.filter((r) => !found.has(r)).length,
      emailsStuckAfter2Min: stuck!.n,
      emailDuplicates: stats.duplicates,
      answers5xx: answers.filter(isServerError).length,
      slowestAnswerMs: Math.round(Math.max(0, ...duringOutage.map((x) => x.ms))),
      recoverySeconds: Number(recoverySeconds.toFixed(1)),
      sold: sold!.n,
      capacity: CAPACITY,
      ordersAccepted: accepted.length,
      answers: answers.length,
      answersByStatus: byStatus(answers),
      outageAnswersByStatus: byStatus(duringOutage),
      outageAnswersWithoutRetryAfter: duringOutage.filter((x) => x.status === 503 && !x.retryAfter).length,
      connectionFailovers: traffic.connectionFailures,
      strandedJobsAfterKill: stranded!.n,
      emailRecoverySecondsAfterKill: Number(emailRecoverySeconds.toFixed(1)),
      sigtermExitCode,
      sigtermSeconds: Number(sigtermSeconds.toFixed(1)),
      sigtermInFlight: inFlightAtTerm.length,
      sigtermInFlightAnswered: inFlightAtTerm.filter((x) => x.status > 0 && x.status < 500).length,
      jobsLockedAfterSigterm: left!.n,
      restartDuringOutageExitCode: restartExit,
      emails: emails!.n,
      emailsScheduledForLater: scheduled!.n,
      emailsDelivered: stats.delivered,
      providerRequests: stats.requests,
      providerRefusedByLimit: stats.limited,
      database: 'embedded PostgreSQL owned by the run, stopped and started for real',
      bar: 'oversold = 0; lostOrders = 0; emailsStuckAfter2Min = 0; emailDuplicates = 0; answers5xx = 0; slowestAnswerMs <= 3000; recoverySeconds <= 10; SIGTERM exits 0 with no job left locked',
    };
    const pass =
      result.oversold === 0 &&
      result.lostOrders === 0 &&
      result.emailsStuckAfter2Min === 0 &&
      result.emailDuplicates === 0 &&
      result.answers5xx === 0 &&
      result.slowestAnswerMs <= ANSWER_BOUND_MS &&
      result.recoverySeconds <= RECOVERY_BOUND_S &&
      result.sigtermExitCode === 0 &&
      result.jobsLockedAfterSigterm === 0 &&
      result.outageAnswersWithoutRetryAfter === 0 &&
      result.sigtermInFlightAnswered === result.sigtermInFlight;
    verdict = [`[chaos] ${pass ? 'PASS' : 'FAIL'}`, JSON.stringify(result)];
    return pass ? 0 : 1;
  } catch (error) {
    console.error(`[chaos] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    for (const [i, app] of apps.entries()) console.error(`[chaos] last stderr of instance ${'AB'[i]}:\n${app.tail}`);
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

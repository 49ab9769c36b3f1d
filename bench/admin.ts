// P5: the admin attendee search and CSV export at 10,000 and 100,000 registrations, through the real lib
// functions on a fresh database (TEST_DATABASE_URL, else the local server). Registrations are seeded in bulk SQL.
// Prints the figures, then a last line of JSON: searchP95Ms (100k), exportSeconds10k, exportSeconds100k and
// exportMemoryGrowthMb (100k).
import v8 from 'node:v8';
import vm from 'node:vm';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { createDb, type Db } from '../db/client';
import { createManualClock } from '../lib/adapters/clock';
import {
  attendeeSearchSchema,
  attendeeSearchStatement,
  eventTicketTypeIds,
  searchAttendees,
  type AttendeeSearchQuery,
} from '../lib/attendees/search';
import { exportAttendeesCsv } from '../lib/attendees/export';
import { createEvent, createRoom } from '../lib/programme/build';
import { createSession } from '../lib/programme/create-session';
import { createQuestion } from '../lib/catalogue/setup';
import { createTicketType } from '../lib/catalogue/ticket-types';
import { zonedTimeToUtc } from '../lib/time';
import { percentile } from './support/load';
import { benchDatabase } from './support/server';
import { sealPlaintext } from '../lib/privacy/rotate';
import { testVault } from '../tests/support/vault';

process.env.TEST_DATABASE_URL ||= 'postgres://root@127.0.0.1:5432/postgres';
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const NOW = new Date('2030-03-01T12:00:00Z');
const SMALL = 10_000;
const LARGE = Number(process.env.REGISTRATIONS || 100_000);
const SEARCHES = Number(process.env.SEARCHES || 600);
const BENCH_USER = '00000000-0000-4000-8000-00000000be0c';

const FIRST = [
  'Anna',
  'Maria',
  'Sofia',
  'Emma',
  'Olivia',
  'Lucas',
  'Liam',
  'Noah',
  'Oliver',
  'Elias',
  'Mateo',
  'Martin',
  'Marta',
  'Jan',
  'Johannes',
  'Pieter',
  'Sanne',
  'Femke',
  'Daan',
  'Søren',
  'Ingrid',
  'Astrid',
  'Lars',
  'Mikko',
  'Aino',
  'Łukasz',
  'Katarzyna',
  'Piotr',
  'Zoë',
  'José',
  'Lucía',
  'Carmen',
  'Javier',
  'Diego',
  'Camila',
  'Valentina',
  'João',
  'Ana',
  'Giulia',
  'Marco',
  'Francesca',
  'Luca',
  'Chiara',
  'Amélie',
  'Chloé',
  'Hugo',
  'Louis',
  'Léa',
  'Aoife',
  'Siobhan',
  'Cian',
  'Niamh',
  'Priya',
  'Arjun',
  'Ananya',
  'Rahul',
  'Mei',
  'Wei',
  'Hiroshi',
  'Yuki',
  'Haruto',
  'Min-jun',
  'Ji-woo',
  'Thanh',
  'Linh',
  'Kwame',
  'Amara',
  'Chidi',
  'Ngozi',
  'Fatima',
  'Omar',
  'Layla',
  'Yusuf',
  'Leila',
  'Tomasz',
  'Olga',
  'Dmitri',
  'Nadia',
  'Sarah',
  'David',
  'Rachel',
  'Michael',
  'Jennifer',
  'James',
  'Robert',
  'Patricia',
  'Linda',
  'Thomas',
  'Karen',
  'Christopher',
  'Aroha',
  'Tane',
  'Kalani',
  'Isabella',
  'Gabriel',
  'Rafael',
  'Beatriz',
];
const LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'García',
  'Martínez',
  'Rodríguez',
  'López',
  'Hernández',
  'González',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'de Vries',
  'van den Berg',
  'Jansen',
  'Bakker',
  'Visser',
  'Nielsen',
  'Hansen',
  'Andersson',
  'Johansson',
  'Lindberg',
  'Virtanen',
  'Korhonen',
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Novák',
  'Rossi',
  'Russo',
  'Ferrari',
  'Esposito',
  'Bianchi',
  'Martin',
  'Bernard',
  'Dubois',
  'Moreau',
  'Laurent',
  'Silva',
  'Santos',
  'Oliveira',
  'Costa',
  'Pereira',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Walsh',
  'Sharma',
  'Patel',
  'Singh',
  'Kumar',
  'Gupta',
  'Wang',
  'Li',
  'Zhang',
  'Chen',
  'Liu',
  'Tanaka',
  'Suzuki',
  'Sato',
  'Kim',
  'Lee',
  'Park',
  'Nguyen',
  'Tran',
  'Mensah',
  'Okafor',
  'Adeyemi',
  'Nwosu',
  'Haddad',
  'Khalil',
  'Yilmaz',
  'Kaya',
  'Ivanov',
  'Petrov',
  'Cohen',
  'Levi',
  'Taylor',
  'Anderson',
  'Thomas',
  'Moore',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
  'Nelson',
  'Hill',
  'Campbell',
  'Mitchell',
  'Roberts',
  'Carter',
  'Phillips',
  'Evans',
  'Turner',
  'Torres',
  'Parker',
  'Collins',
  'Edwards',
  'Stewart',
  'Morris',
  'Ngata',
  'Te Rangi',
];
const DOMAINS = [
  'example.org',
  'clinic.example',
  'uni.example.edu',
  'mail.example',
  'recovery.example.net',
  'health.example',
];

interface Setup {
  eventId: string;
  types: { id: string; price: number }[];
  workshopIds: string[];
  questionIds: Record<string, string>;
}

async function setUp(db: Db): Promise<Setup> {
  const ctx = { db };
  const tz = 'Europe/Amsterdam';
  const event = await createEvent(ctx, {
    slug: 'iac',
    name: 'Integrative Addiction Conference',
    timezone: tz,
    startsOn: '2030-06-10',
    endsOn: '2030-06-12',
    currency: 'EUR',
  });
  const profession = await createQuestion(ctx, event.id, {
    key: 'profession',
    label: 'Profession',
    kind: 'select',
    options: ['Clinician', 'Researcher', 'Peer worker', 'Family member', 'Other'],
  });
  const dietary = await createQuestion(ctx, event.id, {
    key: 'dietary',
    label: 'Dietary needs',
    kind: 'text',
    isSensitive: true,
    sortOrder: 1,
  });
  const captions = await createQuestion(ctx, event.id, {
    key: 'captions',
    label: 'I need live captions',
    kind: 'checkbox',
    isSensitive: true,
    sortOrder: 2,
  });
  const qs = [profession, dietary, captions].map((q) => ({ questionId: q.id }));
  const spec = [
    ['full', 'Full pass', 40000],
    ['virtual', 'Virtual pass', 9000],
    ['day', 'Day pass', 15000],
    ['student', 'Student', 12000],
    ['clinician', 'Clinician with CE', 52000],
  ] as const;
  const types = [];
  for (const [code, label, price] of spec) {
    const type = await createTicketType(ctx, event.id, {
      code,
      publicLabel: 'Conference pass',
      internalLabel: label,
      prices: [{ label: 'Regular', amount: price }],
      questions: qs,
    });
    types.push({ id: type.id, price });
  }
  const workshopIds = [];
  for (let i = 0; i < 6; i++) {
    const room = await createRoom(ctx, event.id, { name: `Workshop room ${i + 1}` });
    const session = await createSession(ctx, event.id, {
      title: `Relapse prevention workshop ${i + 1}`,
      format: 'workshop',
      capacity: 100_000,
      roomId: room.id,
      // Three slots of two workshops each: 1 and 4, 2 and 5, 3 and 6 run at the same time.
      startsAt: zonedTimeToUtc('2030-06-10', `${10 + 2 * (i % 3)}:00`, tz),
      endsAt: zonedTimeToUtc('2030-06-10', `${11 + 2 * (i % 3)}:30`, tz),
    });
    workshopIds.push(session.id);
  }
  return {
    eventId: event.id,
    types,
    workshopIds,
    questionIds: { profession: profession.id, dietary: dietary.id, captions: captions.id },
  };
}

const pgText = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;

/**
 * Tickets `from+1 .. to` and their orders, in a few set-based statements. Ticket g belongs to order
 * ceil(2g/3): every other order has two attendees. Ids are derived from the numbers, so batches join up.
 */
async function seed(pg: postgres.Sql, s: Setup, from: number, to: number): Promise<void> {
  const h = (seedText: string) => `(('x' || substr(md5(${seedText}), 1, 7))::bit(28)::int)`;
  const first = `(${pgText(FIRST)})[1 + ${h(`'f' || g`)} % ${FIRST.length}]`;
  const last = `(${pgText(LAST)})[1 + ${h(`'l' || g`)} % ${LAST.length}]`;
  const firstK = `(${pgText(FIRST)})[1 + ${h(`'bf' || k`)} % ${FIRST.length}]`;
  const lastK = `(${pgText(LAST)})[1 + ${h(`'bl' || k`)} % ${LAST.length}]`;
  const domain = (seedText: string) => `(${pgText(DOMAINS)})[1 + ${h(seedText)} % ${DOMAINS.length}]`;
  const ascii = (e: string) =>
    `lower(regexp_replace(translate(${e}, 'øØłŁśéèëáíóúüäöåñçãõ', 'oOlLseeeaiouuaoancao'), '[^A-Za-z]', '', 'g'))`;
  const typeIds = pgText(s.types.map((t) => t.id));
  const prices = `array[${s.types.map((t) => t.price).join(',')}]`;
  const typeIndex = `(array[1,1,1,1,1,2,2,3,4,5])[1 + g % 10]`;
  const orderOf = `ceil(g * 2 / 3.0)::int`;
  await pg.begin(async (tx) => {
    await tx.unsafe(
      `
      insert into orders (id, event_id, reference, access_token_hash, status, buyer_name, buyer_email, currency, subtotal, total,
        expires_at, paid_at, payment_state, amount_paid, amount_refunded, source, created_at, updated_at)
      select md5('o' || k)::uuid, $1::uuid,
        'IAC-' || lpad(upper(to_hex(((k::bigint * 2654435761) % 4294967296))), 8, '0'),
        md5('tok' || k) || md5('tok2' || k),
        (case when k % 20 < 16 then 'paid' when k % 20 = 16 then 'pending_payment' when k % 20 = 17 then 'expired'
          when k % 20 = 18 then 'cancelled' else 'refunded' end)::order_status,
        ${firstK} || ' ' || ${lastK},
        ${ascii(firstK)} || '.' || ${ascii(lastK)} || k || '@' || ${domain(`'bd' || k`)},
        'EUR', x.amount, x.amount,
        case when k % 40 = 16 then $2::timestamptz - interval '5 minutes' when k % 20 = 16 then $2::timestamptz + interval '10 minutes'
          else $2::timestamptz - (90000 - k) * interval '1 minute' + interval '15 minutes' end,
        case when k % 20 < 16 or k % 20 = 19 then $2::timestamptz - (90000 - k) * interval '1 minute' + interval '3 minutes' end,
        (case when k % 20 < 16 then 'paid' when k % 20 = 19 then 'refunded' else 'none' end)::payment_state,
        case when k % 20 < 16 or k % 20 = 19 then x.amount else 0 end, case when k % 20 = 19 then x.amount else 0 end,
        case when k % 50 = 0 then 'manual' when k % 97 = 0 then 'complimentary' else 'online' end,
        case when k % 40 = 16 then $2::timestamptz - interval '20 minutes' when k % 40 = 36 then $2::timestamptz - interval '5 minutes'
          else $2::timestamptz - (90000 - k) * interval '1 minute' end,
        $2::timestamptz
      from generate_series(${Math.ceil((2 * from) / 3) + 1}, ${Math.ceil((2 * to) / 3)}) k
      cross join lateral (select sum((${prices})[${typeIndex}])::int as amount
        from generate_series(floor(1.5 * (k - 1))::int + 1, floor(1.5 * k)::int) g) x`,
      [s.eventId, NOW.toISOString()],
    );
    await tx.unsafe(`
      insert into tickets (id, order_id, position, ticket_type_id, price, legal_name, badge_name, email, pronouns,
        directory_opt_in, photo_preference, created_at, updated_at)
      select md5('t' || g)::uuid, o.id, g - 1 - floor(1.5 * (${orderOf} - 1))::int, (${typeIds})[${typeIndex}]::uuid,
        (${prices})[${typeIndex}], ${first} || ' ' || ${last},
        case when g % 3 = 0 then ${first} || ' ' || left(${last}, 1) || '.' else ${first} end,
        ${ascii(first)} || '.' || ${ascii(last)} || g || '@' || ${domain(`'d' || g`)},
        (array['she/her', 'he/him', 'they/them', ''])[1 + g % 4], g % 3 = 0,
        (case when g % 5 = 0 then 'no_photos' else 'ok' end)::photo_preference, o.created_at, o.created_at
      from generate_series(${from + 1}, ${to}) g join orders o on o.id = md5('o' || ${orderOf})::uuid`);
    await tx.unsafe(
      `
      insert into answers (ticket_id, question_id, value)
      select md5('t' || g)::uuid, $1::uuid, (array['Clinician', 'Researcher', 'Peer worker', 'Family member', 'Other'])[1 + g % 5]
        from generate_series(${from + 1}, ${to}) g
      union all
      select md5('t' || g)::uuid, $2::uuid, (array['Vegetarian', 'Vegan', 'No gluten', 'Halal, no alcohol in sauces'])[1 + g % 4]
        from generate_series(${from + 1}, ${to}) g where g % 4 = 0
      union all
      select md5('t' || g)::uuid, $3::uuid, 'yes' from generate_series(${from + 1}, ${to}) g where g % 10 = 0`,
      [s.questionIds.profession!, s.questionIds.dietary!, s.questionIds.captions!],
    );
    await tx.unsafe(
      `
      insert into workshop_seats (ticket_id, session_id, order_id)
      select md5('t' || g)::uuid, ($1::uuid[])[1 + (g / 10) % 6], md5('o' || ${orderOf})::uuid
        from generate_series(${from + 1}, ${to}) g where g % 10 < 5 and g % 3 <> 1
      union all
      select md5('t' || g)::uuid, ($1::uuid[])[1 + (g / 10 + 1) % 6], md5('o' || ${orderOf})::uuid
        from generate_series(${from + 1}, ${to}) g where g % 10 < 5 and g % 9 = 0`,
      [s.workshopIds],
    );
  });
  await pg.unsafe('vacuum analyze orders, tickets, answers, workshop_seats');
}

/**
 * The set-based seed writes sensitive answers and pronouns in clear; seal them as `npm start` does, so the export
 * opens real ciphertext, as it does in production.
 */
async function sealSeeded(db: Db): Promise<void> {
  const [sealed, ms] = await timed(() => sealPlaintext({ db, vault: testVault }, { batchSize: 2000 }));
  console.log(
    `sealed ${sealed.answers.toLocaleString('en')} sensitive answers and ${sealed.pronouns.toLocaleString('en')} pronouns in ${(ms / 1000).toFixed(1)} s`,
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

interface MixItem {
  kind: string;
  query: AttendeeSearchQuery;
}

/** A realistic mix: name fragments, whole names and emails, references, filters alone and combined, pages. */
async function searchMix(pg: postgres.Sql, s: Setup): Promise<MixItem[]> {
  const sample = await pg<{ legal_name: string; email: string; reference: string; buyer_email: string }[]>`
    select t.legal_name, t.email, o.reference, o.buyer_email from tickets t tablesample bernoulli (1) repeatable (7)
    join orders o on o.id = t.order_id limit 40`;
  const base = { eventId: s.eventId, page: 1, pageSize: 50 };
  const mix: MixItem[] = [];
  // Two-letter fragments ("li", "sø") have no trigram, so they scan: kept in, as people do type them.
  for (const q of ['anna', 'mart', 'berg', 'nguyen', 'garc', 'kowal', 'son', "o'br", 'müller', 'li', 'sø', 'zzqx']) {
    mix.push({ kind: q.length < 3 ? 'name fragment, 2 letters' : 'name fragment', query: { ...base, q } });
  }
  for (const [i, row] of sample.entries()) {
    if (i % 4 === 0) mix.push({ kind: 'whole legal name', query: { ...base, q: row.legal_name } });
    if (i % 4 === 1) mix.push({ kind: 'attendee email', query: { ...base, q: row.email } });
    if (i % 4 === 2) mix.push({ kind: 'order reference', query: { ...base, q: row.reference.toLowerCase() } });
    if (i % 4 === 3)
      mix.push({ kind: 'buyer email (local part)', query: { ...base, q: row.buyer_email.split('@')[0]! } });
  }
  mix.push({ kind: 'reference prefix', query: { ...base, q: 'IAC-1' } });
  for (const status of ['paid', 'pending_payment', 'expired', 'cancelled', 'refunded'] as const) {
    mix.push({ kind: `status ${status}`, query: { ...base, status } });
  }
  mix.push({ kind: 'ticket type', query: { ...base, ticketTypeId: s.types[3]!.id } });
  mix.push({ kind: 'workshop', query: { ...base, sessionId: s.workshopIds[2]! } });
  mix.push({
    kind: 'workshop + paid + name',
    query: { ...base, sessionId: s.workshopIds[1]!, status: 'paid', q: 'mar' },
  });
  mix.push({ kind: 'type + paid, page 3', query: { ...base, ticketTypeId: s.types[0]!.id, status: 'paid', page: 3 } });
  for (const page of [1, 2, 10, 100]) mix.push({ kind: 'everyone, a page', query: { ...base, page } });
  mix.push({ kind: 'everyone, 200 a page', query: { ...base, pageSize: 200 } });
  mix.push({ kind: 'name fragment, page 4', query: { ...base, q: 'ann', page: 4 } });
  return mix;
}

/** BENCH_EXPLAIN=1: the plan of the first search of each kind, as the database ran it. */
async function explainMix(db: Db, s: Setup, mix: MixItem[]) {
  const typeIds = await eventTicketTypeIds({ db }, s.eventId);
  const seen = new Set<string>();
  for (const m of mix) {
    if (seen.has(m.kind)) continue;
    seen.add(m.kind);
    const statement = attendeeSearchStatement(attendeeSearchSchema.parse(m.query), typeIds, NOW)!;
    const plan = (await db.execute<{ 'QUERY PLAN': string }>(
      sql`explain (analyze, buffers) ${statement}`,
    )) as unknown as { 'QUERY PLAN': string }[];
    console.log(`\n== ${m.kind}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

async function benchSearch(db: Db, pg: postgres.Sql, s: Setup) {
  const ctx = { db, clock: createManualClock(NOW), vault: testVault };
  const mix = await searchMix(pg, s);
  if (process.env.BENCH_EXPLAIN) await explainMix(db, s, mix);
  for (const m of mix) await searchAttendees(ctx, m.query); // warm-up: caches and statistics, as on a live site
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  for (let i = 0; i < SEARCHES; i++) {
    const m = mix[i % mix.length]!;
    const [, ms] = await timed(() => searchAttendees(ctx, m.query));
    latencies.push(ms);
    byKind.set(m.kind, [...(byKind.get(m.kind) ?? []), ms]);
  }
  latencies.sort((a, b) => a - b);
  for (const [kind, ms] of byKind) {
    ms.sort((a, b) => a - b);
    console.log(
      `  ${kind.padEnd(26)} ${String(ms.length).padStart(4)} x  p50 ${percentile(ms, 50).toFixed(1).padStart(6)} ms  max ${ms[ms.length - 1]!.toFixed(1).padStart(6)} ms`,
    );
  }
  return {
    searches: latencies.length,
    kinds: mix.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    maxMs: latencies[latencies.length - 1]!,
  };
}

const mb = (n: number) => n / 1024 / 1024;

/**
 * Streams the whole export through the lib function as a fast reader would, sampling memory every 10 ms: the
 * peak RSS and heap above what they were before (heap after a full collection), garbage not yet collected included.
 */
async function benchExport(db: Db, s: Setup) {
  const ctx = { db, clock: createManualClock(NOW), vault: testVault };
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const [result, ms] = await timed(async () => {
    const out = await exportAttendeesCsv(ctx, {
      eventId: s.eventId,
      viewer: { id: BENCH_USER, email: 'bench@example.org', role: 'owner' },
    });
    const reader = out.stream.getReader();
    let bytes = 0;
    let lines = 0;
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      for (const b of chunk.value) if (b === 10) lines++;
      sample();
    }
    return { bytes, rows: lines - 1 };
  });
  clearInterval(sampler);
  return {
    ...result,
    seconds: ms / 1000,
    rssGrowthMb: mb(peakRss - before.rss),
    heapGrowthMb: mb(peakHeap - before.heapUsed),
  };
}

function printExport(n: number, e: Awaited<ReturnType<typeof benchExport>>) {
  console.log(
    `export at ${n.toLocaleString('en')}: ${e.rows} rows, ${(e.bytes / 1e6).toFixed(1)} MB of CSV in ${e.seconds.toFixed(2)} s ` +
      `(${((e.seconds * 1e6) / Math.max(1, e.rows)).toFixed(1)} µs a row); peak RSS +${e.rssGrowthMb.toFixed(1)} MB, peak heap +${e.heapGrowthMb.toFixed(1)} MB`,
  );
}

async function main() {
  const database = await benchDatabase();
  const handle = createDb(database.url, { max: 4 });
  try {
    // The export's audit entry names the staff member who ran it.
    await handle.sql`insert into users (id, email, name, role) values (${BENCH_USER}, 'bench@example.org', 'Bench', 'owner')`;
    const setup = await setUp(handle.db);
    const [, seedSmallMs] = await timed(() => seed(handle.sql, setup, 0, SMALL));
    console.log(`seeded ${SMALL.toLocaleString('en')} registrations in ${(seedSmallMs / 1000).toFixed(1)} s`);
    await sealSeeded(handle.db);
    await benchExport(handle.db, setup); // warm-up
    const small = await benchExport(handle.db, setup);
    printExport(SMALL, small);

    const [, seedLargeMs] = await timed(() => seed(handle.sql, setup, SMALL, LARGE));
    console.log(
      `seeded up to ${LARGE.toLocaleString('en')} registrations in ${(seedLargeMs / 1000).toFixed(1)} s more`,
    );
    await sealSeeded(handle.db);
    const search = await benchSearch(handle.db, handle.sql, setup);
    console.log(
      `search at ${LARGE.toLocaleString('en')}: ${search.searches} searches of ${search.kinds} kinds, one at a time: ` +
        `p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms, max ${search.maxMs.toFixed(1)} ms`,
    );
    const large = await benchExport(handle.db, setup);
    printExport(LARGE, large);

    const round = (n: number, d = 1) => Number(n.toFixed(d));
    const growth = (e: typeof small) => round(Math.max(e.rssGrowthMb, e.heapGrowthMb));
    console.log(
      JSON.stringify({
        registrations: LARGE,
        searches: search.searches,
        searchP50Ms: round(search.p50Ms),
        searchP95Ms: round(search.p95Ms),
        searchMaxMs: round(search.maxMs),
        exportRows10k: small.rows,
        exportSeconds10k: round(small.seconds, 3),
        exportRows100k: large.rows,
        exportSeconds100k: round(large.seconds, 3),
        exportTimeRatio: round(large.seconds / small.seconds, 2),
        exportRowRatio: round(large.rows / small.rows, 2),
        exportMemoryGrowthMb10k: growth(small),
        exportMemoryGrowthMb: growth(large),
        exportRssGrowthMb: round(large.rssGrowthMb),
        exportHeapGrowthMb: round(large.heapGrowthMb),
        bar: 'searchP95Ms <= 100, exportTimeRatio close to exportRowRatio, exportMemoryGrowthMb <= 50',
      }),
    );
  } finally {
    await handle.close();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

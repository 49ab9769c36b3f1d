// S1 at the library level: 1,000 generated malformed registrations plus a hand corpus. Each is refused with a
// DomainError (a 4xx with a field message), never a plain error, and nothing is written.
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, orders, tickets, waitlistEntries, workshopSeats } from '@/db/schema';
import { DomainError, toHttpError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { buildRegistrationFixture } from '../../support/registration-fixture';
import { createTestDb, type TestDb } from '../../support/test-db';
import { mulberry32 } from '../../support/random';

let t: TestDb;
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;

beforeAll(async () => {
  t = await createTestDb();
  fx = await buildRegistrationFixture(t.db, { slug: 's1', workshopCapacities: [10, 10, 10] });
});
afterAll(async () => {
  await t.drop();
});

type Json = Record<string, unknown>;
type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));

function randomUuid(rand: Rand): string {
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(rand, ['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

const INJECTIONS = [
  "' OR '1'='1",
  '1; DROP TABLE orders; --',
  "'); DELETE FROM tickets; --",
  '" OR ""="',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '%00',
  '\\x00',
  "admin'--",
  '1 UNION SELECT * FROM users',
  '$where: 1',
  '{"$gt": ""}',
];
const NON_UUIDS = [
  '',
  '1',
  '0',
  'full',
  'fullpass',
  '123e4567e89b12d3a456426614174000',
  '{123e4567-e89b-12d3-a456-426614174000}',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  'zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz',
  ' 123e4567-e89b-42d3-a456-426614174000 x',
  '😀',
  'null',
  'undefined',
  ...INJECTIONS,
];
const BAD_EMAILS = [
  '',
  'plainaddress',
  '@example.org',
  'ana@',
  'ana@@example.org',
  'ana@example..org',
  'ana example@example.org',
  'ana@example.org,ben@example.org',
  'ana@example.org, ben@example.org',
  'ana@example.org;ben@example.org',
  'ana@example.org\nBcc: eve@example.org',
  'ana@example.org\r\nCc: eve@example.org',
  '"Ana" <ana@example.org>',
  '<ana@example.org>',
  'ana@example.org>',
  `${'a'.repeat(250)}@example.org`,
  'ana@-example.org',
  'ana@exam_ple.org',
  "ana'--@example.org; DROP TABLE orders",
  '<script>@example.org',
];
// Characters refused in names (C0/C1 controls, bidi marks, overrides and isolates) and in answers.
const NAME_FORBIDDEN = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const ANSWER_FORBIDDEN = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u000b',
  '\u000c',
  '\u001b',
  '\u007f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
];
const MASS_ASSIGNMENT: [string, unknown][] = [
  ['status', 'paid'],
  ['amountPaid', 0],
  ['total', 0],
  ['subtotal', 0],
  ['discount', 99999],
  ['price', 1],
  ['currency', 'USD'],
  ['paidAt', '2030-01-01'],
  ['expiresAt', null],
  ['isAdmin', true],
  ['role', 'admin'],
  ['id', '00000000-0000-4000-8000-000000000001'],
  ['orderId', '00000000-0000-4000-8000-000000000001'],
  ['eventId', '00000000-0000-4000-8000-000000000001'],
  ['reference', 'X'],
  ['constructor', { prototype: { status: 'paid' } }],
  ['prototype', {}],
  ['quantity', 1000],
];
const NOT_STRINGS = [
  null,
  0,
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  false,
  [],
  {},
  ['x'],
  { value: 'x' },
  [[]],
];
const NOT_BOOLEANS = [null, 0, 1, 'true', 'yes', 'on', [], {}, [true]];

function baseRegistration(rand: Rand, i: number): Json {
  const person = (n: number) => ({
    ticketTypeId: fx.fullPass.id,
    legalName: pick(rand, ['Ana López', 'محمد عبد الله', 'דוד כהן', 'Zoë Ørsted', 'Nguyễn Minh']) + ` ${i}-${n}`,
    email: `s1-${i}-${n}@example.org`,
    answers: { profession: pick(rand, ['Clinician', 'Researcher', 'Peer worker', 'Other']) },
    workshopIds: rand() < 0.5 ? [fx.workshops[0]!.id, fx.workshops[2]!.id] : [],
  });
  return {
    buyer: { name: `S1 Buyer ${i}`, email: `s1-buyer-${i}@example.org` },
    attendees: rand() < 0.3 ? [person(0), person(1)] : [person(0)],
    ...(rand() < 0.3 ? { voucherCode: 'TENOFF' } : {}),
  };
}

const first = (r: Json) => (r.attendees as Json[])[0]!;

/** Mutations that each make a valid registration invalid on their own. */
const MUTATIONS: Record<string, (r: Json, rand: Rand) => unknown> = {
  missingField(r, rand) {
    const a = first(r);
    const which = pick(rand, [
      'buyer',
      'attendees',
      'buyer.name',
      'buyer.email',
      'ticketTypeId',
      'legalName',
      'email',
      'profession',
    ]);
    if (which === 'buyer' || which === 'attendees') delete r[which];
    else if (which.startsWith('buyer.')) delete (r.buyer as Json)[which.slice(6)];
    else if (which === 'profession') delete (a.answers as Json).profession;
    else delete a[which];
    return r;
  },
  wrongType(r, rand) {
    const a = first(r);
    const stringField = pick(rand, [
      'buyer.name',
      'buyer.email',
      'ticketTypeId',
      'legalName',
      'email',
      'badgeName',
      'pronouns',
      'voucherCode',
      'offerToken',
      'profession',
    ]);
    switch (int(rand, 0, 5)) {
      case 0:
        r.buyer = pick(rand, [
          ...NOT_STRINGS.filter((v) => !(v && typeof v === 'object' && !Array.isArray(v))),
          'buyer',
        ]);
        break;
      case 1:
        r.attendees = pick(rand, [null, 0, 'attendees', {}, { 0: a }, true]);
        break;
      case 2:
        a[pick(rand, ['directoryOptIn'])] = pick(rand, NOT_BOOLEANS);
        break;
      case 3:
        a.photoPreference = pick(rand, [null, 0, true, 'yes', 'never', 'OK', []]);
        break;
      case 4:
        a.workshopIds = pick(rand, [null, 0, 'all', {}, { 0: fx.workshops[0]!.id }, true]);
        break;
      default: {
        const value = pick(rand, NOT_STRINGS);
        if (stringField.startsWith('buyer.')) (r.buyer as Json)[stringField.slice(6)] = value;
        else if (stringField === 'voucherCode' || stringField === 'offerToken') r[stringField] = value ?? 0;
        else if (stringField === 'profession')
          (a.answers as Json).profession = typeof value === 'boolean' ? value : (value ?? 1);
        else a[stringField] = value;
      }
    }
    return r;
  },
  wrongNesting(r, rand) {
    const a = first(r);
    switch (int(rand, 0, 5)) {
      case 0:
        r.attendees = [r.attendees];
        break;
      case 1:
        r.buyer = [r.buyer];
        break;
      case 2:
        (a.answers as Json).profession = { value: (a.answers as Json).profession };
        break;
      case 3:
        r.attendees = { list: r.attendees };
        break;
      case 4:
        (r.buyer as Json).legalName = a.legalName;
        break;
      default:
        return { registration: r };
    }
    return r;
  },
  hugeString(r, rand) {
    const a = first(r);
    const n = (min: number) => int(rand, min, min + pick(rand, [5, 500, 50_000, 300_000]));
    switch (int(rand, 0, 6)) {
      case 0:
        a.legalName = 'A'.repeat(n(201));
        break;
      case 1:
        (r.buyer as Json).name = 'B'.repeat(n(201));
        break;
      case 2:
        a.email = `${'e'.repeat(n(250))}@example.org`;
        break;
      case 3:
        r.voucherCode = 'V'.repeat(n(41));
        break;
      case 4:
        (a.answers as Json).dietary = 'd'.repeat(n(301));
        break;
      case 5:
        a.badgeName = 'N'.repeat(n(61));
        break;
      default:
        r.offerToken = 'o'.repeat(n(101));
    }
    return r;
  },
  controlChars(r, rand) {
    const a = first(r);
    const inside = (s: string, c: string) => `${s.slice(0, 2)}${c}${s.slice(2)}`;
    const c = pick(rand, NAME_FORBIDDEN);
    switch (int(rand, 0, 4)) {
      case 0:
        a.legalName = inside(String(a.legalName), c);
        break;
      case 1:
        (r.buyer as Json).name = inside(String((r.buyer as Json).name), c);
        break;
      case 2:
        a.badgeName = inside('Badge', c);
        break;
      case 3:
        a.pronouns = inside('they', c);
        break;
      default:
        (a.answers as Json).dietary = inside('vegetarian', pick(rand, ANSWER_FORBIDDEN));
    }
    return r;
  },
  badEmail(r, rand) {
    if (rand() < 0.5) first(r).email = pick(rand, BAD_EMAILS);
    else (r.buyer as Json).email = pick(rand, BAD_EMAILS);
    return r;
  },
  injection(r, rand) {
    const a = first(r);
    const s = pick(rand, INJECTIONS);
    switch (int(rand, 0, 5)) {
      case 0:
        a.ticketTypeId = s;
        break;
      case 1:
        a.workshopIds = [s];
        break;
      case 2:
        r.voucherCode = s.includes(' ') || /[^A-Za-z0-9_-]/.test(s) ? s : `${s} x`;
        break;
      case 3:
        (a.answers as Json).profession = s;
        break;
      case 4:
        (a.answers as Json)[s.slice(0, 60)] = 'x';
        break;
      default:
        a.email = `${s}@example.org`.includes(' ') ? `${s}@example.org` : `${s}, x@example.org`;
    }
    return r;
  },
  protoKey(r, rand) {
    const where = pick(rand, ['top', 'buyer', 'attendee']);
    const json = JSON.stringify(r);
    const inject = '"__proto__":{"status":"paid","total":0},';
    if (where === 'top') return JSON.parse(json.replace(/^\{/, `{${inject}`));
    if (where === 'buyer') return JSON.parse(json.replace('"buyer":{', `"buyer":{${inject}`));
    return JSON.parse(json.replace('"ticketTypeId"', `${inject}"ticketTypeId"`));
  },
  massAssignment(r, rand) {
    const [key, value] = pick(rand, MASS_ASSIGNMENT);
    const target = pick(rand, ['top', 'buyer', 'attendee']);
    if (target === 'top') r[key] = value;
    else if (target === 'buyer') (r.buyer as Json)[key] = value;
    else first(r)[key] = value;
    return r;
  },
  badQuantity(r, rand) {
    const a = first(r);
    switch (int(rand, 0, 4)) {
      case 0:
        r.attendees = [];
        break;
      case 1:
        r.attendees = Array.from({ length: int(rand, 21, 1000) }, () => structuredClone(a));
        break;
      case 2:
        r.attendees = Array.from({ length: int(rand, 11, 20) }, () => structuredClone(a));
        break; // over the type's max of 10
      case 3:
        a.workshopIds = Array.from({ length: int(rand, 11, 40) }, () => fx.workshops[0]!.id);
        break;
      default:
        r.attendees = [
          { ...a, ticketTypeId: fx.scholarship.id, answers: {} },
          { ...a, ticketTypeId: fx.scholarship.id, answers: {} },
        ];
        r.voucherCode = 'SCHOLAR1';
    }
    return r;
  },
  unknownId(r, rand) {
    const a = first(r);
    switch (int(rand, 0, 3)) {
      case 0:
        a.ticketTypeId = randomUuid(rand);
        break;
      case 1:
        a.workshopIds = [randomUuid(rand)];
        break;
      case 2:
        r.voucherCode = `NOPE${int(rand, 0, 1e6)}`;
        break;
      default:
        r.offerToken = Array.from({ length: 43 }, () =>
          pick(rand, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_']),
        ).join('');
    }
    return r;
  },
  nonUuid(r, rand) {
    const a = first(r);
    if (rand() < 0.6) a.ticketTypeId = pick(rand, NON_UUIDS);
    else a.workshopIds = [pick(rand, NON_UUIDS)];
    return r;
  },
  wrongTicketRules(r, rand) {
    const a = first(r);
    switch (int(rand, 0, 5)) {
      case 0:
        a.ticketTypeId = fx.scholarship.id;
        a.answers = {};
        break; // hidden, no voucher
      case 1:
        a.workshopIds = [fx.workshops[0]!.id, fx.workshops[1]!.id];
        break; // the same time slot
      case 2:
        a.ticketTypeId = fx.virtual.id;
        a.answers = {};
        a.workshopIds = [fx.workshops[2]!.id];
        break;
      case 3:
        (a.answers as Json).profession = pick(rand, ['Astronaut', 'clinician', '', '   ']);
        break;
      case 4:
        (a.answers as Json).profession = true;
        break;
      default:
        (a.answers as Json)[pick(rand, ['shoe_size', 'status', 'constructor', 'toString', 'hasOwnProperty'])] = 'x';
    }
    return r;
  },
};

function generateCorpus(n: number, seed: number): { kind: string; input: unknown }[] {
  const rand = mulberry32(seed);
  const kinds = Object.keys(MUTATIONS);
  return Array.from({ length: n }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    return { kind, input: MUTATIONS[kind]!(baseRegistration(rand, i), rand) };
  });
}

function handCorpus(): { kind: string; input: unknown }[] {
  const valid = () => ({
    buyer: { name: 'Hand Buyer', email: 'hand@example.org' },
    attendees: [
      {
        ticketTypeId: fx.fullPass.id,
        legalName: 'Hand Attendee',
        email: 'hand@example.org',
        answers: { profession: 'Clinician' },
      },
    ],
  });
  const att = (extra: Json) => ({ ...valid(), attendees: [{ ...valid().attendees[0], ...extra }] });
  const cases: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['empty string', ''],
    ['empty object', {}],
    ['empty array', []],
    ['number', 42],
    ['boolean', true],
    ['string body', '{"buyer":{}}'],
    ['only buyer', { buyer: valid().buyer }],
    ['only attendees', { attendees: valid().attendees }],
    ['empty buyer', { ...valid(), buyer: {} }],
    ['empty attendee', { ...valid(), attendees: [{}] }],
    ['null attendee', { ...valid(), attendees: [null] }],
    ['body over 1 MB', att({ legalName: 'x'.repeat(1_100_000) })],
    ['answers over 1 MB', att({ answers: { profession: 'Clinician', dietary: 'y'.repeat(1_100_000) } })],
    [
      '100k answer keys',
      att({ answers: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, 'v'])) }),
    ],
    ['blank name', att({ legalName: '   ' })],
    ['NUL in name', att({ legalName: 'Ana\u0000' + 'Lopez' })],
    ['RTL override name', att({ legalName: 'Ana \u202eredro\u202c Lopez' })],
    ['bidi isolate badge', att({ badgeName: '\u2067evil\u2069' })],
    ['comma-joined email', att({ email: 'a@example.org,b@example.org' })],
    ['CRLF email', { ...valid(), buyer: { name: 'X', email: 'x@example.org\r\nBcc: y@example.org' } }],
    ['SQL ticket type', att({ ticketTypeId: "' OR 1=1 --" })],
    ['HTML workshop', att({ workshopIds: ['<script>alert(1)</script>'] })],
    ['SQL voucher', { ...valid(), voucherCode: "TENOFF' OR '1'='1" }],
    ['proto top', JSON.parse(`{"__proto__":{"status":"paid"},${JSON.stringify(valid()).slice(1)}`)],
    ['status=paid', { ...valid(), status: 'paid' }],
    ['amountPaid=0', { ...valid(), amountPaid: 0 }],
    ['total=0', { ...valid(), total: 0 }],
    ['currency swap', { ...valid(), currency: 'USD' }],
    ['attendee price', att({ price: 0 })],
    ['quantity 1000', { ...valid(), quantity: 1000 }],
    ['zero attendees', { ...valid(), attendees: [] }],
    ['21 attendees', { ...valid(), attendees: Array.from({ length: 21 }, () => valid().attendees[0]) }],
    ['unknown ticket type', att({ ticketTypeId: '00000000-0000-4000-8000-000000000000' })],
    ['unknown workshop', att({ workshopIds: ['00000000-0000-4000-8000-000000000000'] })],
    ['non-uuid ticket type', att({ ticketTypeId: 'full' })],
    ['numeric ticket type', att({ ticketTypeId: 1 })],
    ['voucher null', { ...valid(), voucherCode: null }],
    ['offer token with quotes', { ...valid(), offerToken: "'; --" }],
    ['expired or unknown offer', { ...valid(), offerToken: 'a'.repeat(43) }],
    ['answers array', att({ answers: ['Clinician'] })],
    ['directoryOptIn string', att({ directoryOptIn: 'false' })],
    ['photo preference unknown', att({ photoPreference: 'maybe' })],
    ['hidden type without voucher', att({ ticketTypeId: fx.scholarship.id, answers: {} })],
  ];
  return cases.map(([kind, input]) => ({ kind: `hand: ${kind}`, input }));
}

const ALLOWED = new Set(['VALIDATION', 'SALE_CLOSED', 'NOT_FOUND', 'HOLD_EXPIRED']);

async function runAll(corpus: { kind: string; input: unknown }[]) {
  const results: { kind: string; outcome: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const item = corpus[next++]!;
      const outcome = await createOrder(fx.ctx, fx.event.id, item.input, { clientKey: 's1-client' }).then(
        () => 'CREATED',
        (e: unknown) => e,
      );
      results.push({ kind: item.kind, outcome });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return results;
}

async function tableCounts() {
  const n = async (
    table: typeof orders | typeof tickets | typeof answers | typeof workshopSeats | typeof waitlistEntries,
  ) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  return {
    orders: await n(orders),
    tickets: await n(tickets),
    answers: await n(answers),
    workshopSeats: await n(workshopSeats),
    waitlist: await n(waitlistEntries),
  };
}

function problems(results: { kind: string; outcome: unknown }[]): string[] {
  const out: string[] = [];
  for (const { kind, outcome } of results) {
    if (!(outcome instanceof DomainError)) {
      out.push(`${kind}: ${outcome === 'CREATED' ? 'an order was created' : `plain error ${String(outcome)}`}`);
      continue;
    }
    if (!ALLOWED.has(outcome.code)) out.push(`${kind}: unexpected code ${outcome.code}`);
    const http = toHttpError(outcome);
    if (http.status < 400 || http.status >= 500) out.push(`${kind}: status ${http.status}`);
    const fields = Object.entries(outcome.fieldErrors);
    if (!fields.length) out.push(`${kind}: ${outcome.code} without a field message`);
    if (fields.some(([, m]) => !m.length || m.some((s) => typeof s !== 'string' || !s.trim())))
      out.push(`${kind}: empty field message`);
    // No stack traces, driver names or SQL; field keys may echo the submitted key, so SQL is looked for in the message.
    const text = JSON.stringify(http.body);
    if (
      /\bat .+\.(ts|js):\d+|node_modules|postgres|drizzle/i.test(text) ||
      /select |insert into|update |delete from/i.test(outcome.message)
    ) {
      out.push(`${kind}: internals in ${text.slice(0, 200)}`);
    }
  }
  return out;
}

describe('malformed registrations (S1)', () => {
  it('refuses 1,000 generated malformed registrations with field messages and writes nothing', async () => {
    const corpus = generateCorpus(1000, 0x5e1);
    const results = await runAll(corpus);
    expect(results).toHaveLength(1000);
    expect(problems(results)).toEqual([]);
    expect(await tableCounts()).toEqual({ orders: 0, tickets: 0, answers: 0, workshopSeats: 0, waitlist: 0 });
    // Every kind of mutation was exercised, and most were caught as validation errors.
    const kinds = new Set(results.map((r) => r.kind));
    expect(kinds.size).toBe(Object.keys(MUTATIONS).length);
    const codes = results.map((r) => (r.outcome as DomainError).code);
    expect(codes.filter((c) => c === 'VALIDATION').length).toBeGreaterThan(900);
  });

  it('refuses the hand corpus the same way', async () => {
    const results = await runAll(handCorpus());
    expect(problems(results)).toEqual([]);
    expect(await tableCounts()).toEqual({ orders: 0, tickets: 0, answers: 0, workshopSeats: 0, waitlist: 0 });
  });

  it('generates the same corpus from the same seed', () => {
    const a = JSON.stringify(
      generateCorpus(50, 7).map((c) => c.input),
      (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    );
    const b = JSON.stringify(
      generateCorpus(50, 7).map((c) => c.input),
      (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v),
    );
    expect(a.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id')).toBe(
      b.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'id'),
    );
  });

  it('still accepts the unmutated base registration, so the refusals above are due to the mutations', async () => {
    const rand = mulberry32(1);
    const { order } = await createOrder(fx.ctx, fx.event.id, baseRegistration(rand, 9999), { clientKey: 's1-client' });
    expect(order.status).toBe('pending_payment');
  });
});

// Voucher guessing (issue 11, item 4): public look-ups are throttled per client like order attempts, and a code
// that is unknown, outside its dates or used up answers exactly like no code at all (same listing, same message).
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError, toHttpError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { quoteOrder } from '@/lib/orders/quote';
import { createVoucher } from '@/lib/catalogue/setup';
import { ticketTypesListing } from '@/lib/catalogue/ticket-types-listing';
import { lookUpVoucher } from '@/lib/catalogue/voucher-lookup';
import {
  attendee,
  buildRegistrationFixture,
  FIXTURE_NOW,
  registration,
  testConfig,
} from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
let clients = 0;
/** A client key of its own per test, so the counts of one test never spill into another. */
const newClient = () => `voucher-client-${++clients}`;
const ctxWith = (overrides: Record<string, string> = {}) => ({
  ...fx.ctx,
  config: testConfig({ EVENT_SLUG: 'vl', ...overrides }),
});

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`expected a DomainError, got ${outcome === null ? 'success' : String(outcome)}`);
  return outcome;
}

beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'vl' });
  const day = 86_400_000;
  await createVoucher(fx.ctx, fx.event.id, {
    code: 'LAPSED',
    kind: 'free',
    maxUses: 5,
    ticketTypeIds: [fx.scholarship.id],
    validUntil: new Date(FIXTURE_NOW.getTime() - day),
  });
  await createVoucher(fx.ctx, fx.event.id, {
    code: 'LATER',
    kind: 'free',
    maxUses: 5,
    ticketTypeIds: [fx.scholarship.id],
    validFrom: new Date(FIXTURE_NOW.getTime() + day),
  });
  // SCHOLAR1 has one use: take it, so it is used up.
  await createOrder(
    fx.ctx,
    fx.event.id,
    registration([attendee(fx.scholarship.id, { answers: {} })], { voucherCode: 'SCHOLAR1' }),
    { clientKey: null },
  );
});

describe('GET /api/v1/ticket-types?voucher=', () => {
  it('answers an unknown, expired, not yet valid or used-up code exactly like no code, without the hidden type', async () => {
    const ctx = ctxWith();
    const plain = await ticketTypesListing(ctx, { voucherCode: '', clientKey: newClient() });
    expect(plain.ticketTypes.map((tt) => tt.code)).not.toContain('scholarship');
    for (const code of ['NOSUCHCODE', 'LAPSED', 'LATER', 'SCHOLAR1', 'scholar1', 'bad code!']) {
      const listing = await ticketTypesListing(ctx, { voucherCode: code, clientKey: newClient() });
      expect(JSON.stringify(listing), code).toBe(JSON.stringify(plain));
    }
  });

  it('lists the hidden type for a voucher that can be used now', async () => {
    await createVoucher(fx.ctx, fx.event.id, {
      code: 'OPENDOOR',
      kind: 'free',
      maxUses: 3,
      ticketTypeIds: [fx.scholarship.id],
    });
    const listing = await ticketTypesListing(ctxWith(), { voucherCode: 'opendoor', clientKey: newClient() });
    expect(listing.ticketTypes.map((tt) => tt.code)).toContain('scholarship');
  });

  it('throttles look-ups per client: 429 THROTTLED with a retry time, other clients and plain listings unaffected', async () => {
    const ctx = ctxWith({ VOUCHER_RATE_LIMIT_PER_MINUTE: '3' });
    const guesser = newClient();
    for (let i = 0; i < 3; i++) await ticketTypesListing(ctx, { voucherCode: `GUESS${i}`, clientKey: guesser });
    const e = await refusal(ticketTypesListing(ctx, { voucherCode: 'OPENDOOR', clientKey: guesser }));
    expect(e.code).toBe('THROTTLED');
    const http = toHttpError(e);
    expect(http.status).toBe(429);
    expect(http.body.error.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(http.body.error.details?.retryAfterSeconds).toBeLessThanOrEqual(60);
    // A listing without a code is never counted, and another client still gets its answer.
    expect((await ticketTypesListing(ctx, { voucherCode: '', clientKey: guesser })).ticketTypes.length).toBeGreaterThan(
      0,
    );
    expect(
      (await ticketTypesListing(ctx, { voucherCode: 'OPENDOOR', clientKey: newClient() })).ticketTypes.map(
        (tt) => tt.code,
      ),
    ).toContain('scholarship');
  });

  it('lets the client try again once the minute has passed', async () => {
    const clock = { now: () => new Date(FIXTURE_NOW.getTime()) };
    const ctx = { ...ctxWith({ VOUCHER_RATE_LIMIT_PER_MINUTE: '1' }), clock };
    const client = newClient();
    await lookUpVoucher(ctx, { eventId: fx.event.id, code: 'OPENDOOR', clientKey: client });
    expect(
      (await refusal(lookUpVoucher(ctx, { eventId: fx.event.id, code: 'OPENDOOR', clientKey: client }))).code,
    ).toBe('THROTTLED');
    clock.now = () => new Date(FIXTURE_NOW.getTime() + 61_000);
    expect((await lookUpVoucher(ctx, { eventId: fx.event.id, code: 'OPENDOOR', clientKey: client }))?.code).toBe(
      'OPENDOOR',
    );
  });
});

describe('the review step (quoteOrder)', () => {
  const quote = (ctx: ReturnType<typeof ctxWith>, code: string, clientKey: string) =>
    quoteOrder(ctx, fx.event, registration([attendee(fx.fullPass.id)], { voucherCode: code }), { clientKey });

  it('gives one message for unknown, expired and used-up codes', async () => {
    const messages = new Set<string>();
    for (const code of ['NOSUCHCODE', 'LAPSED', 'LATER', 'SCHOLAR1']) {
      const e = await refusal(quote(ctxWith(), code, newClient()));
      expect(e.code).toBe('VALIDATION');
      messages.add(JSON.stringify(e.fieldErrors));
    }
    expect([...messages]).toEqual([JSON.stringify({ voucherCode: ['This voucher code is not valid'] })]);
  });

  it('counts its look-ups against the same per-client limit', async () => {
    const ctx = ctxWith({ VOUCHER_RATE_LIMIT_PER_MINUTE: '2' });
    const client = newClient();
    await ticketTypesListing(ctx, { voucherCode: 'TENOFF', clientKey: client });
    expect((await quote(ctx, 'TENOFF', client)).discount).toBeGreaterThan(0);
    const e = await refusal(quote(ctx, 'TENOFF', client));
    expect(e.code).toBe('THROTTLED');
    expect(e.fieldErrors.voucherCode?.[0]).toMatch(/Too many voucher codes tried/);
  });
});

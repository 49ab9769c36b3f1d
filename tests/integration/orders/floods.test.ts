// Cheap anonymous work (issue 11, item 5): a registration carrying thousands of unknown keys, answers or attendees
// is refused before any database work with a short, specific answer, and no answer lists more than 50 fields.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, rateLimits } from '@/db/schema';
import { DomainError, MAX_FIELD_ERRORS, toHttpError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { registrationFromForm } from '@/app/_lib/registration-form';
import { quoteOrder } from '@/lib/orders/quote';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'flood' });
});

let clients = 0;
async function refused(input: unknown) {
  const clientKey = `flood-client-${++clients}`;
  const outcome = await createOrder(fx.ctx, fx.event.id, input, { clientKey }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(outcome)}`);
  const http = toHttpError(outcome);
  // Refused before the catalogue statement, which is the one that counts an attempt for the client.
  const counted = await t.db
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, `orders:client:${clientKey}`));
  return { error: outcome, http, size: JSON.stringify(http.body).length, reachedDatabase: counted.length > 0 };
}

async function orderCount() {
  return (await t.db.select({ n: count() }).from(orders).where(eq(orders.eventId, fx.event.id)))[0]!.n;
}

const keys = (n: number, prefix = 'k') =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'x']));

describe('floods of keys', () => {
  it('refuses 40,000 unknown answer keys with one message, before any database work', async () => {
    const before = await orderCount();
    const r = await refused(
      registration([attendee(fx.fullPass.id, { answers: { profession: 'Clinician', ...keys(40_000) } })]),
    );
    expect(r.http.status).toBe(422);
    expect(r.error.fieldErrors).toEqual({ 'attendees.0.answers': ['At most 100 answers per attendee'] });
    expect(r.size).toBeLessThan(1000);
    expect(r.reachedDatabase).toBe(false);
    expect(await orderCount()).toBe(before);
  });

  it('refuses 40,000 unknown top-level, buyer or attendee fields with one short message each', async () => {
    const top = await refused({ ...registration([attendee(fx.fullPass.id)]), ...keys(40_000) });
    expect(top.http.status).toBe(422);
    expect(top.error.fieldErrors._form).toEqual(['Unknown fields: "k0", "k1", "k2", "k3", "k4" and 39,995 more']);
    expect(top.size).toBeLessThan(1000);
    expect(top.reachedDatabase).toBe(false);

    const nested = await refused(
      registration([attendee(fx.fullPass.id, keys(40_000, 'a'))], {
        buyer: { name: 'B', email: 'b@example.org', ...keys(3, 'b') },
      }),
    );
    expect(nested.error.fieldErrors).toMatchObject({
      buyer: ['Unknown fields: "b0", "b1", "b2"'],
      'attendees.0': ['Unknown fields: "a0", "a1", "a2", "a3", "a4" and 39,995 more'],
    });
    expect(nested.size).toBeLessThan(1000);
    expect(nested.reachedDatabase).toBe(false);

    const long = await refused({ ...registration([attendee(fx.fullPass.id)]), ['x'.repeat(100_000)]: 1 });
    expect(long.size).toBeLessThan(500);
  });

  it('refuses 10,000 attendees with one message instead of checking each', async () => {
    const r = await refused(
      registration(Array.from({ length: 10_000 }, () => ({ ...attendee(fx.fullPass.id), legalName: '' }))),
    );
    expect(r.error.fieldErrors).toEqual({ attendees: ['At most 20 attendees per order'] });
    expect(r.reachedDatabase).toBe(false);
  });

  it('lists at most 50 fields, with a summary of the rest, when every answer of 20 attendees is wrong', async () => {
    const input = registration(
      Array.from({ length: 20 }, () =>
        attendee(fx.fullPass.id, { answers: { profession: 'Clinician', ...keys(99, 'unknown_') } }),
      ),
    );
    const r = await refused(input);
    expect(r.http.status).toBe(422);
    const fields = Object.keys(r.error.fieldErrors).filter((k) => k !== '_form');
    expect(fields).toHaveLength(MAX_FIELD_ERRORS);
    // 20 × 99 unknown answers, and "at most 10 full passes per order": 1,981 fields, 50 of them listed.
    expect(r.error.fieldErrors._form).toEqual([
      '1,931 more fields have problems not listed here. Correct the ones listed and try again.',
    ]);
    expect(r.size).toBeLessThan(10_000);
  });

  it('treats the registration form the same: 40,000 answer fields are one message', async () => {
    const form = new FormData();
    form.set('buyer.name', 'Form Buyer');
    form.set('buyer.email', 'form@example.org');
    form.set('attendees.0.ticketTypeId', fx.fullPass.id);
    form.set('attendees.0.legalName', 'Form Attendee');
    form.set('attendees.0.email', 'form@example.org');
    for (let i = 0; i < 40_000; i++) form.append(`attendees.0.answers.q${i}`, 'x');
    const input = registrationFromForm(form);
    const r = await refused(input);
    expect(r.error.fieldErrors).toEqual({ 'attendees.0.answers': ['At most 100 answers per attendee'] });
    expect(r.reachedDatabase).toBe(false);
    // The review step (the same form's first press) refuses it the same way.
    await expect(quoteOrder(fx.ctx, fx.event, input, { clientKey: null })).rejects.toMatchObject({
      fieldErrors: { 'attendees.0.answers': ['At most 100 answers per attendee'] },
    });
  });
});

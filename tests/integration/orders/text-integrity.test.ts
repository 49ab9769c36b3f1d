// Text that is not what was sent (issue 11, item 8): a lone surrogate in a name cannot be stored as sent (the
// database would keep U+FFFD), so it is refused with a field message on both ways in. Over the JSON API the check
// sees the lone surrogate itself (JSON.parse keeps a "\ud800" escape); a browser form has already turned it into
// U+FFFD before it leaves the browser, so that is what the check refuses there.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { orders, tickets } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { createOrder } from '@/lib/orders/create-order';
import { registrationFromForm } from '@/app/_lib/registration-form';
import { attendee, buildRegistrationFixture, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'text' });
});

async function refusal(input: unknown): Promise<DomainError> {
  const outcome = await createOrder(fx.ctx, fx.event.id, input, { clientKey: null }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof DomainError))
    throw new Error(`expected a DomainError, got ${outcome === null ? 'an order' : String(outcome)}`);
  return outcome;
}

const orderCount = async () =>
  (await t.db.select({ n: count() }).from(orders).where(eq(orders.eventId, fx.event.id)))[0]!.n;

/** The API's way in: JSON text, as a client sends it, through the same body reader as POST /api/v1/orders. */
async function overApi(json: string): Promise<unknown> {
  return readJsonBody(
    new Request('http://localhost/api/v1/orders', {
      method: 'POST',
      body: json,
      headers: { 'content-type': 'application/json' },
    }),
  );
}

describe('a lone surrogate in a name', () => {
  it('over the JSON API: reaches the check unchanged and is refused with a field message', async () => {
    const before = await orderCount();
    const body = JSON.stringify(
      registration([attendee(fx.fullPass.id, { legalName: 'Ana LONE' })], {
        buyer: { name: 'Bea LONE', email: 'bea@example.org' },
      }),
    ).replaceAll('LONE', '\\ud800');
    const input = (await overApi(body)) as { attendees: { legalName: string }[] };
    expect(input.attendees[0]!.legalName).toBe('Ana \ud800');
    const e = await refusal(input);
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors['attendees.0.legalName']).toEqual(['Full name contains characters that are not allowed']);
    expect(e.fieldErrors['buyer.name']).toEqual(['Billing name contains characters that are not allowed']);
    expect(await orderCount()).toBe(before);
  });

  it('over the JSON API: a lone low surrogate in a badge name and an Arabic letter mark in pronouns are refused too', async () => {
    const body = JSON.stringify(
      registration([attendee(fx.fullPass.id, { badgeName: 'Ana LOW', pronouns: 'هي\u061c' })]),
    ).replaceAll('LOW', '\\udc00');
    const e = await refusal(await overApi(body));
    expect(Object.keys(e.fieldErrors).sort()).toEqual(['attendees.0.badgeName', 'attendees.0.pronouns']);
  });

  it('through the registration form: arrives as U+FFFD, as a browser encodes it, and is refused', async () => {
    const before = await orderCount();
    const form = new FormData();
    form.set('buyer.name', 'Form Buyer');
    form.set('buyer.email', 'form-buyer@example.org');
    form.set('attendees.0.ticketTypeId', fx.fullPass.id);
    form.set('attendees.0.legalName', 'Ana \ud800');
    form.set('attendees.0.email', 'ana@example.org');
    form.set('attendees.0.answers.profession', 'Clinician');
    // What the server action receives: the form sent as multipart, decoded on arrival.
    const received = await new Request('http://localhost/register/details', { method: 'POST', body: form }).formData();
    expect(received.get('attendees.0.legalName')).toBe('Ana \ufffd');
    const e = await refusal(registrationFromForm(received));
    expect(e.fieldErrors['attendees.0.legalName']).toEqual(['Full name contains characters that are not allowed']);
    expect(await orderCount()).toBe(before);
  });

  it('leaves names with emoji and right-to-left letters alone, stored exactly as sent', async () => {
    const name = 'Ana 😀 محمد';
    const body = JSON.stringify(registration([attendee(fx.fullPass.id, { legalName: name })]));
    const { order } = await createOrder(fx.ctx, fx.event.id, await overApi(body), { clientKey: null });
    const [row] = await t.db
      .select({ legalName: tickets.legalName })
      .from(tickets)
      .where(eq(tickets.orderId, order.id));
    expect(row!.legalName).toBe(name);
  });
});

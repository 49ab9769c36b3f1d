// Changing workshop choices through the order link: seats taken under the same pool locks as orders (20
// concurrent changes into a workshop with 5 seats left give exactly 5), a full workshop changes nothing,
// overlapping workshops and tickets without workshops refused, the cut-off, and another order's ticket (IDOR).
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workshopSeats } from '@/db/schema';
import { unsafeNoLocker } from '@/lib/capacity/seats';
import { DomainError } from '@/lib/errors';
import { changeWorkshops } from '@/lib/self-service/change-workshops';
import { attendee } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { auditFor, buildManageFixture, outcome, paidOrder, rejection, setEvent } from './manage-fixture';

const t = useTestDb();

async function seatsIn(sessionId: string): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(workshopSeats).where(eq(workshopSeats.sessionId, sessionId));
  return row!.n;
}

async function seatsOf(ticketId: string): Promise<string[]> {
  return (
    await t.db.select({ id: workshopSeats.sessionId }).from(workshopSeats).where(eq(workshopSeats.ticketId, ticketId))
  )
    .map((r) => r.id)
    .sort();
}

/** 20 paid tickets holding workshop 3 all ask at once to move into workshop 1, which has 5 of 7 seats left. */
async function contention(withLock: boolean) {
  const fx = await buildManageFixture(t.db, { workshopCapacities: [7, 10, 50] });
  const [w1, , w3] = fx.workshops;
  for (let i = 0; i < 2; i++) await paidOrder(fx, [attendee(fx.fullPass.id, { workshopIds: [w1!.id] })]);
  const holders = [];
  for (let i = 0; i < 20; i++) holders.push(await paidOrder(fx, [attendee(fx.fullPass.id, { workshopIds: [w3!.id] })]));
  expect(await seatsIn(w1!.id)).toBe(2);
  const ctx = withLock ? fx.ctx : { ...fx.ctx, locker: unsafeNoLocker };
  const results = await Promise.all(
    holders.map((h) =>
      changeWorkshops(ctx, { token: h.token, ticketId: h.ticketIds[0], choice: { workshopIds: [w1!.id] } }).then(
        () => 'ok',
        (e: unknown) => (e instanceof DomainError ? `${e.code}: ${e.message}` : `plain: ${String(e)}`),
      ),
    ),
  );
  return { fx, w1: w1!, w3: w3!, holders, results };
}

describe('changeWorkshops', () => {
  it('gives exactly the 5 seats left to 20 concurrent changes, and the other 15 a clear "full" with nothing changed', async () => {
    const { w1, w3, holders, results } = await contention(true);
    expect(results.filter((r) => r === 'ok')).toHaveLength(5);
    expect(results.filter((r) => r !== 'ok')).toEqual(
      Array(15).fill('SOLD_OUT: That workshop is full: “Workshop 1”. Nothing was changed.'),
    );
    expect(await seatsIn(w1.id)).toBe(7);
    // The five who got in left workshop 3; the fifteen refused still hold it, untouched.
    expect(await seatsIn(w3.id)).toBe(15);
    for (const [i, h] of holders.entries()) {
      expect(await seatsOf(h.ticketIds[0]!)).toEqual(results[i] === 'ok' ? [w1.id] : [w3.id]);
      expect(await auditFor(t.db, h.order.id, 'ticket.workshops')).toHaveLength(results[i] === 'ok' ? 1 : 0);
    }
  });

  it('oversells the same race without the pool lock, so the test above would catch a missing lock', async () => {
    const { w1, results } = await contention(false);
    expect(results.filter((r) => r === 'ok').length).toBeGreaterThan(5);
    expect(await seatsIn(w1.id)).toBeGreaterThan(7);
  });

  it('swaps workshops, leaves one, frees its seat at once, and audits joins and leaves', async () => {
    const fx = await buildManageFixture(t.db, { workshopCapacities: [1, 1, 1] });
    const [w1, w2, w3] = fx.workshops;
    const a = await paidOrder(fx, [attendee(fx.fullPass.id, { workshopIds: [w1!.id] })]);
    const b = await paidOrder(fx);
    // Workshop 1 is full (a holds its only seat).
    const full = await rejection(
      changeWorkshops(fx.ctx, { token: b.token, ticketId: b.ticketIds[0], choice: { workshopIds: [w1!.id, w3!.id] } }),
    );
    expect(full).toMatchObject({
      code: 'SOLD_OUT',
      fieldErrors: { workshopIds: ['That workshop is full: “Workshop 1”. Nothing was changed.'] },
    });
    expect(await seatsOf(b.ticketIds[0]!)).toEqual([]);
    // a moves from 1 to 2 (same time slot) and adds 3; then b can take 1.
    expect(
      await changeWorkshops(fx.ctx, {
        token: a.token,
        ticketId: a.ticketIds[0],
        choice: { workshopIds: [w2!.id, w3!.id] },
      }),
    ).toEqual({ added: [w2!.id, w3!.id], removed: [w1!.id] });
    expect(
      await outcome(
        changeWorkshops(fx.ctx, { token: b.token, ticketId: b.ticketIds[0], choice: { workshopIds: [w1!.id] } }),
      ),
    ).toBe('ok');
    expect(await seatsOf(b.ticketIds[0]!)).toEqual([w1!.id]);
    const [entry] = await auditFor(t.db, a.order.id, 'ticket.workshops');
    expect(entry).toMatchObject({
      actorType: 'attendee',
      targetId: a.ticketIds[0],
      summary: 'Attendee changed workshops: joined “Workshop 2”, “Workshop 3”; left “Workshop 1”',
    });
    // Choosing nothing leaves every workshop.
    const left = await changeWorkshops(fx.ctx, {
      token: a.token,
      ticketId: a.ticketIds[0],
      choice: { workshopIds: [] },
    });
    expect(left.added).toEqual([]);
    expect([...left.removed].sort()).toEqual([w2!.id, w3!.id].sort());
    expect(await seatsOf(a.ticketIds[0]!)).toEqual([]);
  });

  it('refuses overlapping workshops, unknown ones, tickets without workshops, and changes after the cut-off', async () => {
    const fx = await buildManageFixture(t.db, { workshopCapacities: [10, 10] });
    const [w1, w2] = fx.workshops;
    const mixed = await paidOrder(fx, [
      attendee(fx.fullPass.id, { workshopIds: [w1!.id] }),
      attendee(fx.virtual.id, { answers: {} }),
    ]);
    const [inPerson, online] = mixed.ticketIds;
    const call = (ticketId: string | undefined, workshopIds: unknown) =>
      changeWorkshops(fx.ctx, { token: mixed.token, ticketId, choice: { workshopIds } });
    expect((await rejection(call(inPerson, [w1!.id, w2!.id]))).fieldErrors.workshopIds).toEqual([
      '“Workshop 2” overlaps “Workshop 1”; choose one of them.',
    ]);
    expect((await rejection(call(online, [w2!.id]))).fieldErrors.workshopIds).toEqual([
      'Online pass does not include workshops.',
    ]);
    expect((await rejection(call(inPerson, ['6f1c1c4e-0000-4000-8000-000000000000']))).fieldErrors.workshopIds).toEqual(
      ['Unknown workshop.'],
    );
    expect(await outcome(call(inPerson, ['nope']))).toBe('VALIDATION');
    expect(await outcome(call(inPerson, 'a string'))).toBe('VALIDATION');
    expect(await seatsOf(inPerson!)).toEqual([w1!.id]);

    await setEvent(t.db, fx, { changesUntil: fx.clock.now() });
    expect(await outcome(call(inPerson, [w2!.id]))).toBe('CONFLICT');
    expect(await seatsOf(inPerson!)).toEqual([w1!.id]);
    expect(await auditFor(t.db, mixed.order.id, 'ticket.workshops')).toEqual([]);
  });

  it('cannot change the workshops of another order’s ticket (IDOR)', async () => {
    const fx = await buildManageFixture(t.db, { workshopCapacities: [10, 10] });
    const [w1, w2] = fx.workshops;
    const a = await paidOrder(fx);
    const b = await paidOrder(fx, [attendee(fx.fullPass.id, { workshopIds: [w1!.id] })]);
    const error = await rejection(
      changeWorkshops(fx.ctx, { token: a.token, ticketId: b.ticketIds[0], choice: { workshopIds: [w2!.id] } }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket not found.' });
    expect(await seatsOf(b.ticketIds[0]!)).toEqual([w1!.id]);
    const [held] = await t.db
      .select({ n: count() })
      .from(workshopSeats)
      .where(and(eq(workshopSeats.sessionId, w2!.id)));
    expect(held!.n).toBe(0);
  });
});

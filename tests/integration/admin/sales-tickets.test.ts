// Ticket types, their price windows and shared capacity pools as organizers set them up: no overlapping price
// windows, amounts in major units stored in minor units, capacities never below seats taken, sold and held
// figures from facts, and an audit row in the same transaction as every change.
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, capacityPools, ticketPrices, ticketTypePools, ticketTypes } from '@/db/schema';
import { createPool, updatePool, attachTicketTypeToPool, detachTicketTypeFromPool } from '@/lib/catalogue/pools';
import { addPriceWindow, removePriceWindow, updatePriceWindow } from '@/lib/catalogue/prices';
import { getTicketTypeForAdmin, listPoolsForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { createTicketType, updateTicketType } from '@/lib/catalogue/ticket-types';
import {
  readNewTicketTypeForm,
  readTicketTypeForm,
  ticketTypeFormValues,
  type NewTicketTypeInput,
  type TicketTypeFormInput,
} from '@/app/admin/tickets/_lib/ticket-type-form';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { useTestDb } from '../../support/test-db';
import { auditRows, buildSalesFixture, heldOrder, paidOrder, refusal, type SalesFixture } from './sales-fixture';

const t = useTestDb();
let slugs = 0;
const fixture = (options: { fullPassCapacity?: number } = {}) =>
  buildSalesFixture(t.db, { slug: `tickets${++slugs}`, ...options });

const newType = (overrides: Partial<NewTicketTypeInput> = {}): NewTicketTypeInput => ({
  code: 'supporter',
  publicLabel: 'Conference pass',
  internalLabel: 'Supporter (pays more)',
  description: '',
  attendance: 'in_person',
  validOn: '',
  capacity: '40',
  saleStartsAt: '',
  saleEndsAt: '',
  minPerOrder: '1',
  maxPerOrder: '4',
  isHidden: '',
  includesWorkshops: 'on',
  sortOrder: '20',
  priceLabel: 'Supporter',
  priceAmount: '650.00',
  ...overrides,
});

// What the admin actions do: read the form's strings, then run the use case.
async function createFromForm(fx: SalesFixture, input: NewTicketTypeInput) {
  return createTicketType(fx.sales, fx.event.id, readNewTicketTypeForm(input, fx.event));
}

async function updateFromForm(fx: SalesFixture, ticketTypeId: string, input: TicketTypeFormInput) {
  return updateTicketType(fx.sales, fx.event.id, ticketTypeId, readTicketTypeForm(input, fx.event));
}

async function prices(ticketTypeId: string) {
  return t.db.select().from(ticketPrices).where(eq(ticketPrices.ticketTypeId, ticketTypeId));
}

async function auditCount(fx: SalesFixture) {
  return (await auditRows(t.db, fx.event.id)).length;
}

describe('ticket types', () => {
  it('creates a ticket type with its first price in minor units, and audits it', async () => {
    const fx = await fixture();
    const type = await createFromForm(fx, newType({ saleEndsAt: '2030-03-27T12:00', isHidden: 'on' }));
    expect(type).toMatchObject({
      code: 'supporter',
      capacity: 40,
      maxPerOrder: 4,
      isHidden: true,
      includesWorkshops: true,
      sortOrder: 20,
    });
    expect(type.saleEndsAt?.toISOString()).toBe('2030-03-27T11:00:00.000Z');
    expect((await prices(type.id)).map((p) => [p.label, p.amount, p.startsAt, p.endsAt])).toEqual([
      ['Supporter', 65000, null, null],
    ]);
    const [audit] = await auditRows(t.db, fx.event.id, 'ticket_type.create');
    expect(audit).toMatchObject({ actorUserId: fx.userId, targetId: type.id });
  });

  it('refuses a duplicate code, bad fields and a sale that closes before it opens, writing nothing', async () => {
    const fx = await fixture();
    const dup = await refusal(createFromForm(fx, newType({ code: 'full' })));
    expect(dup).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { code: ['Another ticket type already uses this code'] },
    });
    const bad = await refusal(
      createFromForm(
        fx,
        newType({
          code: 'Full Pass',
          publicLabel: '',
          capacity: 'lots',
          minPerOrder: '5',
          maxPerOrder: '2',
          priceLabel: '',
        }),
      ),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual([
      'capacity',
      'code',
      'maxPerOrder',
      'priceLabel',
      'publicLabel',
    ]);
    expect((await refusal(createFromForm(fx, newType({ priceAmount: '12.345' })))).fieldErrors.priceAmount).toEqual([
      'Use at most 2 decimals, such as 120.00',
    ]);
    expect((await refusal(createFromForm(fx, newType({ validOn: '2030-04-02' })))).fieldErrors.validOn).toBeDefined();
    const window = await refusal(
      createFromForm(fx, newType({ saleStartsAt: '2030-03-01T10:00', saleEndsAt: '2030-03-01T09:00' })),
    );
    expect(window.fieldErrors.saleEndsAt).toEqual(['The sale must close after it opens']);
    expect(
      await t.db
        .select()
        .from(ticketTypes)
        .where(and(eq(ticketTypes.eventId, fx.event.id), eq(ticketTypes.code, 'supporter'))),
    ).toEqual([]);
    expect(await auditCount(fx)).toBe(0);
  });

  it('edits a ticket type, but never its capacity below the tickets taken', async () => {
    const fx = await fixture();
    await paidOrder(fx, 2);
    await heldOrder(fx);
    const values = ticketTypeFormValues(fx.fullPass, fx.event.timezone);
    const low = await refusal(updateFromForm(fx, fx.fullPass.id, { ...values, capacity: '2', publicLabel: 'Renamed' }));
    expect(low.fieldErrors.capacity![0]).toMatch(/^3 tickets of this type are already taken/);
    const [unchanged] = await t.db.select().from(ticketTypes).where(eq(ticketTypes.id, fx.fullPass.id));
    expect(unchanged).toEqual(fx.fullPass);

    const { type, changed } = await updateFromForm(fx, fx.fullPass.id, {
      ...values,
      capacity: '3',
      publicLabel: 'Conference pass',
      validOn: '2030-03-29',
    });
    expect(changed.sort()).toEqual(['capacity', 'publicLabel', 'validOn']);
    expect(type).toMatchObject({ capacity: 3, publicLabel: 'Conference pass', validOn: '2030-03-29' });
    const [audit] = await auditRows(t.db, fx.event.id, 'ticket_type.update');
    expect(audit!.details).toEqual({
      capacity: { from: 100, to: 3 },
      publicLabel: { from: 'Full pass', to: 'Conference pass' },
      validOn: { from: null, to: '2030-03-29' },
    });

    const clash = await refusal(updateFromForm(fx, fx.fullPass.id, { ...values, code: 'virtual' }));
    expect(clash).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { code: ['Another ticket type already uses this code'] },
    });
    const other = await buildSalesFixture(t.db, { slug: `tickets${++slugs}` });
    expect((await refusal(updateFromForm(fx, other.fullPass.id, values))).code).toBe('NOT_FOUND');
  });

  it('gives typed callers (the seed, fixtures) the same checks, several price windows, and no audit entry without an actor', async () => {
    const fx = await fixture();
    const base = { publicLabel: 'Day pass', internalLabel: 'Day', prices: [{ label: 'Day', amount: 5000 }] };
    const { db } = fx.sales;
    const outside = await refusal(
      createTicketType({ db }, fx.event.id, { ...base, code: 'day', validOn: '2030-04-02' }),
    );
    expect(outside.fieldErrors.validOn).toEqual([
      "Choose one of the event's dates (2030-03-28 to 2030-03-30), or every day",
    ]);
    const backwards = await refusal(
      createTicketType({ db }, fx.event.id, {
        ...base,
        code: 'day',
        saleStartsAt: new Date('2030-03-01T10:00Z'),
        saleEndsAt: new Date('2030-03-01T09:00Z'),
      }),
    );
    expect(backwards.fieldErrors.saleEndsAt).toEqual(['The sale must close after it opens']);
    const dup = await refusal(createTicketType({ db }, fx.event.id, { ...base, code: 'full' }));
    expect(dup).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { code: ['Another ticket type already uses this code'] },
    });

    const early = new Date('2030-02-01T00:00Z');
    const type = await createTicketType({ db }, fx.event.id, {
      ...base,
      code: 'day',
      validOn: '2030-03-29',
      prices: [
        { label: 'Early', amount: 4000, endsAt: early },
        { label: 'Late', amount: 6000, startsAt: early },
      ],
    });
    expect((await prices(type.id)).map((p) => [p.label, p.amount]).sort()).toEqual([
      ['Early', 4000],
      ['Late', 6000],
    ]);
    expect(await auditCount(fx)).toBe(0);
  });

  it('shows sold, held and capacity per ticket type, counting only live holds', async () => {
    const fx = await fixture();
    await paidOrder(fx, 2);
    await heldOrder(fx, [fx.fullPass.id, fx.virtual.id]);
    const { types, event } = await listTicketTypesForAdmin(fx.ctx, fx.event);
    const full = types.find((x) => x.id === fx.fullPass.id)!;
    expect(full.seats).toEqual({ capacity: 100, sold: 2, held: 1, left: 97 });
    expect(types.find((x) => x.id === fx.virtual.id)!.seats).toEqual({ capacity: null, sold: 0, held: 1, left: null });
    expect(event).toMatchObject({ sold: 2, held: 2 });
    expect(full.prices.map((p) => p.label)).toEqual(['Early bird', 'Regular']);
    expect(full.currentPriceId).toBe(full.prices[0]!.id);
    expect(full.pools.map((p) => p.id)).toEqual([fx.venue.id]);
    fx.clock.advance(16 * 60_000);
    expect((await getTicketTypeForAdmin(fx.ctx, fx.event, fx.fullPass.id))!.seats).toEqual({
      capacity: 100,
      sold: 2,
      held: 0,
      left: 98,
    });
  });
});

describe('price windows', () => {
  it('adds a window that starts where another ends, and the public price follows the clock', async () => {
    const fx = await fixture();
    // The fixture's full pass: early bird until 1 Feb 2030 00:00 UTC, regular from then on with no end.
    const [early, regular] = (await getTicketTypeForAdmin(fx.ctx, fx.event, fx.fullPass.id))!.prices;
    await updatePriceWindow(fx.sales, fx.event.id, fx.fullPass.id, regular!.id, {
      label: 'Regular',
      amount: '400.00',
      startsAt: '2030-02-01T01:00',
      endsAt: '2030-03-01T01:00',
    });
    const late = await addPriceWindow(fx.sales, fx.event.id, fx.fullPass.id, {
      label: 'Late',
      amount: '475.50',
      startsAt: '2030-03-01T01:00',
      endsAt: '',
    });
    expect(late).toMatchObject({ label: 'Late', amount: 47550, endsAt: null });
    expect(late.startsAt?.toISOString()).toBe('2030-03-01T00:00:00.000Z');
    expect(early!.endsAt?.toISOString()).toBe('2030-02-01T00:00:00.000Z');

    fx.clock.set(new Date('2030-03-05T12:00:00Z'));
    const onSale = await listOnSale(fx.ctx, fx.event);
    expect(onSale.ticketTypes.find((x) => x.id === fx.fullPass.id)!.price).toEqual({
      amount: 47550,
      currency: 'EUR',
      label: 'Late',
    });
    expect((await auditRows(t.db, fx.event.id)).map((a) => a.action)).toEqual([
      'ticket_price.update',
      'ticket_price.create',
    ]);
  });

  it('refuses a window that overlaps another, beside both of its ends, and changes nothing', async () => {
    const fx = await fixture();
    const before = await prices(fx.fullPass.id);
    const overlap = await refusal(
      addPriceWindow(fx.sales, fx.event.id, fx.fullPass.id, {
        label: 'Flash sale',
        amount: '99',
        startsAt: '2030-01-20T00:00',
        endsAt: '2030-01-25T00:00',
      }),
    );
    expect(overlap.code).toBe('VALIDATION');
    expect(overlap.fieldErrors.startsAt![0]).toBe(
      'This overlaps the price "Early bird" (from the start until 2030-02-01 01:00, Europe/Amsterdam). Change its dates or these first.',
    );
    expect(overlap.fieldErrors.endsAt).toEqual(overlap.fieldErrors.startsAt);
    // An open-ended window overlaps everything after its start.
    expect(
      (
        await refusal(
          addPriceWindow(fx.sales, fx.event.id, fx.fullPass.id, {
            label: 'Late',
            amount: '500',
            startsAt: '2030-03-01T00:00',
            endsAt: '',
          }),
        )
      ).fieldErrors.startsAt![0],
    ).toMatch(/^This overlaps the price "Regular" \(from 2030-02-01 01:00 with no end/);
    // Editing a window into its neighbour is refused too; editing it in place is not.
    const early = before.find((p) => p.label === 'Early bird')!;
    expect(
      (
        await refusal(
          updatePriceWindow(fx.sales, fx.event.id, fx.fullPass.id, early.id, {
            label: 'Early bird',
            amount: '300.00',
            startsAt: '',
            endsAt: '2030-02-01T01:01',
          }),
        )
      ).fieldErrors.endsAt,
    ).toBeDefined();
    expect(await prices(fx.fullPass.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
    await updatePriceWindow(fx.sales, fx.event.id, fx.fullPass.id, early.id, {
      label: 'Early bird',
      amount: '290',
      startsAt: '',
      endsAt: '2030-02-01T01:00',
    });
    expect((await prices(fx.fullPass.id)).find((p) => p.id === early.id)!.amount).toBe(29000);
  });

  it('refuses bad amounts and backwards windows with field messages', async () => {
    const fx = await fixture();
    const add = (amount: string, startsAt = '', endsAt = '') =>
      refusal(addPriceWindow(fx.sales, fx.event.id, fx.virtual.id, { label: 'x', amount, startsAt, endsAt }));
    await removePriceWindow(fx.sales, fx.event.id, fx.fullPass.id, (await prices(fx.fullPass.id))[0]!.id);
    expect((await add('')).fieldErrors.amount).toEqual(['Enter an amount']);
    expect((await add('-5')).fieldErrors.amount).toEqual(['The amount cannot be negative']);
    expect((await add('12,50')).fieldErrors.amount![0]).toMatch(/^Enter an amount in EUR such as 120.00/);
    expect((await add('1.5', '2030-03-01T10:00', '2030-03-01T10:00')).fieldErrors.endsAt).toEqual([
      'The price must end after it starts',
    ]);
    expect((await add('1.5', '2030-13-01T10:00')).fieldErrors.startsAt).toBeDefined();
  });

  it('removes a window but never the last one', async () => {
    const fx = await fixture();
    const [only] = await prices(fx.virtual.id);
    const last = await refusal(removePriceWindow(fx.sales, fx.event.id, fx.virtual.id, only!.id));
    expect(last.code).toBe('CONFLICT');
    expect(await prices(fx.virtual.id)).toHaveLength(1);
    const [early] = await prices(fx.fullPass.id);
    await removePriceWindow(fx.sales, fx.event.id, fx.fullPass.id, early!.id);
    expect(await prices(fx.fullPass.id)).toHaveLength(1);
    const [audit] = await auditRows(t.db, fx.event.id, 'ticket_price.delete');
    expect(audit!.summary).toMatch(/^Removed the price (Early bird|Regular) \(€[\d,.]+\) from ticket type full$/);
    // A price of another ticket type is not found through this one.
    expect(
      (await refusal(removePriceWindow(fx.sales, fx.event.id, fx.virtual.id, (await prices(fx.fullPass.id))[0]!.id)))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('capacity pools', () => {
  it('creates a pool, attaches and detaches ticket types, and audits each step', async () => {
    const fx = await fixture();
    const pool = await createPool(fx.sales, fx.event.id, { name: 'Main hall', capacity: '300' });
    expect(
      (await refusal(createPool(fx.sales, fx.event.id, { name: 'Main hall', capacity: '10' }))).fieldErrors.name,
    ).toEqual(['Another pool already has this name']);
    expect(
      (await refusal(createPool(fx.sales, fx.event.id, { name: 'x', capacity: '-1' }))).fieldErrors.capacity,
    ).toEqual(['Capacity must be at least 0']);
    await attachTicketTypeToPool(fx.sales, fx.event.id, pool.id, fx.virtual.id);
    expect((await refusal(attachTicketTypeToPool(fx.sales, fx.event.id, pool.id, fx.virtual.id))).code).toBe(
      'CONFLICT',
    );
    const listed = (await listPoolsForAdmin(fx.ctx, fx.event.id)).find((p) => p.id === pool.id)!;
    expect(listed).toMatchObject({
      name: 'Main hall',
      capacity: 300,
      taken: 0,
      types: [{ id: fx.virtual.id, code: 'virtual' }],
    });
    await detachTicketTypeFromPool(fx.sales, fx.event.id, pool.id, fx.virtual.id);
    expect(await t.db.select().from(ticketTypePools).where(eq(ticketTypePools.poolId, pool.id))).toEqual([]);
    expect((await auditRows(t.db, fx.event.id)).map((a) => a.action)).toEqual([
      'capacity_pool.create',
      'capacity_pool.attach',
      'capacity_pool.detach',
    ]);
  });

  it('refuses a capacity below the seats the pool has taken, and a ticket type whose seats would not fit', async () => {
    const fx = await fixture();
    await paidOrder(fx, 2);
    await heldOrder(fx, [fx.virtual.id, fx.virtual.id]);
    const low = await refusal(updatePool(fx.sales, fx.event.id, fx.venue.id, { name: 'Venue', capacity: '1' }));
    expect(low.fieldErrors.capacity![0]).toMatch(/^2 seats of this pool are already taken/);
    const [venue] = await t.db.select().from(capacityPools).where(eq(capacityPools.id, fx.venue.id));
    expect(venue!.capacity).toBe(100_000);
    await updatePool(fx.sales, fx.event.id, fx.venue.id, { name: 'Venue seats', capacity: '3' });
    // Two held online passes plus the two paid full passes make four: more than three.
    const tooMany = await refusal(attachTicketTypeToPool(fx.sales, fx.event.id, fx.venue.id, fx.virtual.id));
    expect(tooMany.fieldErrors.ticketTypeId![0]).toMatch(/has 2 tickets taken and the pool 2 of 3 seats/);
    await updatePool(fx.sales, fx.event.id, fx.venue.id, { name: 'Venue seats', capacity: '4' });
    await attachTicketTypeToPool(fx.sales, fx.event.id, fx.venue.id, fx.virtual.id);
    expect((await listPoolsForAdmin(fx.ctx, fx.event.id))[0]).toMatchObject({ capacity: 4, taken: 4, left: 0 });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.targetId, fx.venue.id));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'capacity_pool.attach',
      'capacity_pool.update',
      'capacity_pool.update',
    ]);
  });
});

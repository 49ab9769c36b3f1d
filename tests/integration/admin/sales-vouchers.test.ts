// Vouchers as organizers manage them: codes upper case and unique per event, many random codes at once, uses
// counted from tickets of paid orders and live holds, limits never below uses, ending a voucher, and audit rows.
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { voucherTicketTypes, vouchers } from '@/db/schema';
import { getVoucherForAdmin, listVouchersForAdmin } from '@/lib/catalogue/staff-queries';
import {
  createVoucher,
  createVoucherBatch,
  endVoucher,
  updateVoucher,
  voucherFormValues,
  type VoucherFormInput,
} from '@/lib/catalogue/vouchers';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { auditRows, buildSalesFixture, heldOrder, refusal, type SalesFixture } from './sales-fixture';

const t = useTestDb();
let slugs = 0;
const fixture = () => buildSalesFixture(t.db, { slug: `vouchers${++slugs}` });

const voucher = (overrides: Partial<Record<keyof VoucherFormInput, unknown>> = {}): VoucherFormInput => ({
  code: 'clinic-group',
  kind: 'fixed',
  value: '25.50',
  maxUses: '10',
  validFrom: '',
  validUntil: '',
  note: 'Clinics in the region',
  ticketTypeIds: [],
  ...overrides,
});

async function voucherRows(fx: SalesFixture) {
  return t.db.select().from(vouchers).where(eq(vouchers.eventId, fx.event.id));
}

describe('vouchers', () => {
  it('creates a voucher with an upper-case code, its value in minor units and the ticket types it applies to', async () => {
    const fx = await fixture();
    const v = await createVoucher(
      fx.sales,
      fx.event.id,
      voucher({ ticketTypeIds: [fx.scholarship.id, fx.fullPass.id], validUntil: '2030-03-01T00:00' }),
    );
    expect(v).toMatchObject({
      code: 'CLINIC-GROUP',
      kind: 'fixed',
      value: 2550,
      maxUses: 10,
      note: 'Clinics in the region',
    });
    expect(v.validUntil?.toISOString()).toBe('2030-02-28T23:00:00.000Z');
    const links = await t.db.select().from(voucherTicketTypes).where(eq(voucherTicketTypes.voucherId, v.id));
    expect(links.map((l) => l.ticketTypeId).sort()).toEqual([fx.scholarship.id, fx.fullPass.id].sort());
    expect(voucherFormValues(v, fx.event)).toMatchObject({
      value: '25.50',
      validUntil: '2030-03-01T00:00',
      maxUses: '10',
    });
    const [audit] = await auditRows(t.db, fx.event.id, 'voucher.create');
    expect(audit).toMatchObject({
      actorUserId: fx.userId,
      targetId: v.id,
      summary: 'Created the voucher CLINIC-GROUP (€25.50 off)',
    });
  });

  it('refuses a code already used in the event, whatever its case, and bad terms, beside their fields', async () => {
    const fx = await fixture();
    const before = await voucherRows(fx);
    expect(await refusal(createVoucher(fx.sales, fx.event.id, voucher({ code: 'tenoff' })))).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { code: ['A voucher with this code already exists'] },
    });
    expect(
      (await refusal(createVoucher(fx.sales, fx.event.id, voucher({ kind: 'percent', value: '101' })))).fieldErrors
        .value,
    ).toEqual(['Enter a whole percentage between 1 and 100']);
    expect(
      (await refusal(createVoucher(fx.sales, fx.event.id, voucher({ kind: 'percent', value: '0' })))).fieldErrors.value,
    ).toBeDefined();
    expect((await refusal(createVoucher(fx.sales, fx.event.id, voucher({ value: '0.00' })))).fieldErrors.value).toEqual(
      ['Enter the amount off, above zero'],
    );
    const bad = await refusal(
      createVoucher(
        fx.sales,
        fx.event.id,
        voucher({ code: 'no spaces!', kind: 'half', maxUses: '-1', validFrom: 'tomorrow' }),
      ),
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(['code', 'kind', 'maxUses', 'validFrom']);
    const other = await buildSalesFixture(t.db, { slug: `vouchers${++slugs}` });
    expect(
      (await refusal(createVoucher(fx.sales, fx.event.id, voucher({ ticketTypeIds: [other.fullPass.id] })))).fieldErrors
        .ticketTypeIds,
    ).toEqual(['Unknown ticket type']);
    expect(
      (
        await refusal(
          createVoucher(
            fx.sales,
            fx.event.id,
            voucher({ validFrom: '2030-02-01T00:00', validUntil: '2030-01-01T00:00' }),
          ),
        )
      ).fieldErrors.validUntil,
    ).toBeDefined();
    expect(await voucherRows(fx)).toEqual(before);
    expect(await auditRows(t.db, fx.event.id)).toHaveLength(0);
    // The same code is free to use in another event.
    await createVoucher(other.sales, other.event.id, voucher({ code: 'CLINIC-GROUP' }));
    await createVoucher(fx.sales, fx.event.id, voucher({ code: 'CLINIC-GROUP' }));
  });

  it('creates many vouchers at once with unique, unguessable codes behind the prefix, in one audited step', async () => {
    const fx = await fixture();
    const batch = await createVoucherBatch(fx.sales, fx.event.id, {
      prefix: 'schol',
      count: '200',
      kind: 'free',
      value: '',
      maxUses: '1',
      validFrom: '',
      validUntil: '',
      note: 'Scholarship letters',
      ticketTypeIds: [fx.scholarship.id],
    });
    expect(batch).toHaveLength(200);
    const codes = batch.map((v) => v.code);
    expect(new Set(codes).size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^SCHOL-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(batch.every((v) => v.kind === 'free' && v.maxUses === 1 && v.note === 'Scholarship letters')).toBe(true);
    const links = await t.db
      .select()
      .from(voucherTicketTypes)
      .where(
        inArray(
          voucherTicketTypes.voucherId,
          batch.map((v) => v.id),
        ),
      );
    expect(links).toHaveLength(200);
    const audits = await auditRows(t.db, fx.event.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'voucher.create_batch', summary: 'Created 200 vouchers SCHOL-… (free)' });
    expect((audits[0]!.details as { voucherIds: string[] }).voucherIds).toHaveLength(200);

    // A code from the batch unlocks the hidden scholarship ticket for exactly one person.
    const { order } = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.scholarship.id, { answers: {} })], { voucherCode: codes[0]!.toLowerCase() }),
      { clientKey: null },
    );
    expect(order).toMatchObject({ status: 'paid', total: 0, voucherId: batch[0]!.id });
    const again = await refusal(
      createOrder(
        fx.ctx,
        fx.event.id,
        registration([attendee(fx.scholarship.id, { answers: {} })], { voucherCode: codes[0] }),
        { clientKey: null },
      ),
    );
    expect(again.code).toBe('VOUCHER_EXHAUSTED');

    expect(
      (await refusal(createVoucherBatch(fx.sales, fx.event.id, { prefix: 'x', count: '501', kind: 'free' })))
        .fieldErrors.count,
    ).toEqual(['Number of codes must be at most 500']);
    expect(
      (await refusal(createVoucherBatch(fx.sales, fx.event.id, { prefix: 'a b', count: '0', kind: 'free' })))
        .fieldErrors,
    ).toMatchObject({ prefix: expect.any(Array), count: expect.any(Array) });
  });

  it('counts uses from tickets of paid orders and live holds, and lists the orders that used it', async () => {
    const fx = await fixture();
    const tenOff = fx.vouchers.tenOff;
    const held = await heldOrder(fx, [fx.fullPass.id, fx.fullPass.id], { voucherCode: 'TENOFF' });
    fx.clock.advance(16 * 60_000);
    const lapsed = held;
    const second = await heldOrder(fx, [fx.fullPass.id, fx.virtual.id], { voucherCode: 'tenoff' });
    const { order: free } = await createOrder(
      fx.ctx,
      fx.event.id,
      registration([attendee(fx.scholarship.id, { answers: {} })], { voucherCode: 'SCHOLAR1' }),
      { clientKey: null },
    );

    const { vouchers: list, total } = await listVouchersForAdmin(fx.ctx, fx.event.id);
    expect(total).toBe(2);
    expect(list.find((v) => v.id === tenOff.id)).toMatchObject({ uses: 2, status: 'active', maxUses: 5 });
    expect(list.find((v) => v.id === fx.vouchers.scholar.id)).toMatchObject({
      uses: 1,
      status: 'used_up',
      ticketTypeIds: [fx.scholarship.id],
    });

    const detail = await getVoucherForAdmin(fx.ctx, fx.event.id, tenOff.id);
    expect(detail!.orders.map((o) => [o.reference, o.status, o.tickets])).toEqual([
      [second.reference, 'pending_payment', 2],
      [lapsed.reference, 'pending_payment', 2],
    ]);
    expect(detail!.voucher.uses).toBe(2);
    expect((await getVoucherForAdmin(fx.ctx, fx.event.id, fx.vouchers.scholar.id))!.orders.map((o) => o.id)).toEqual([
      free.id,
    ]);
    expect(await getVoucherForAdmin(fx.ctx, fx.event.id, 'not-a-uuid')).toBeNull();
  });

  it('never lowers the use limit below the uses so far, and changes the terms otherwise', async () => {
    const fx = await fixture();
    await heldOrder(fx, [fx.fullPass.id, fx.fullPass.id, fx.fullPass.id], { voucherCode: 'TENOFF' });
    const values = voucherFormValues(fx.vouchers.tenOff, fx.event);
    const low = await refusal(updateVoucher(fx.sales, fx.event.id, fx.vouchers.tenOff.id, { ...values, maxUses: '2' }));
    expect(low.fieldErrors.maxUses).toEqual([
      'This voucher has already been used 3 times (paid or held); the limit cannot be lower.',
    ]);
    const updated = await updateVoucher(fx.sales, fx.event.id, fx.vouchers.tenOff.id, {
      ...values,
      maxUses: '3',
      value: '15',
      ticketTypeIds: [fx.fullPass.id],
    });
    expect(updated).toMatchObject({ code: 'TENOFF', kind: 'percent', value: 15, maxUses: 3 });
    const [audit] = await auditRows(t.db, fx.event.id, 'voucher.update');
    expect(audit!.summary).toBe('Changed the voucher TENOFF (15% off)');
    expect(audit!.details).toMatchObject({ maxUses: 3, ticketTypes: ['full'] });
    expect(
      (await t.db.select().from(voucherTicketTypes).where(eq(voucherTicketTypes.voucherId, fx.vouchers.tenOff.id))).map(
        (l) => l.ticketTypeId,
      ),
    ).toEqual([fx.fullPass.id]);
  });

  it('ends a voucher now: new orders can no longer use it, and ending it twice is refused', async () => {
    const fx = await fixture();
    const ended = await endVoucher(fx.sales, fx.event.id, fx.vouchers.tenOff.id);
    expect(ended.validUntil).toEqual(fx.clock.now());
    const attempt = await refusal(heldOrder(fx, [fx.fullPass.id], { voucherCode: 'TENOFF' }));
    expect(attempt.fieldErrors.voucherCode).toEqual(['This voucher is not valid at this time']);
    expect(
      (await listVouchersForAdmin(fx.ctx, fx.event.id, { search: 'tenof' })).vouchers.map((v) => [v.id, v.status]),
    ).toEqual([[ended.id, 'ended']]);
    expect((await refusal(endVoucher(fx.sales, fx.event.id, fx.vouchers.tenOff.id))).code).toBe('CONFLICT');
    expect((await auditRows(t.db, fx.event.id)).map((a) => a.action)).toEqual(['voucher.end']);
    const other = await buildSalesFixture(t.db, { slug: `vouchers${++slugs}` });
    expect((await refusal(endVoucher(fx.sales, fx.event.id, other.vouchers.tenOff.id))).code).toBe('NOT_FOUND');
    const [stillThere] = await t.db
      .select()
      .from(vouchers)
      .where(and(eq(vouchers.id, other.vouchers.tenOff.id)));
    expect(stillThere!.validUntil).toBeNull();
  });
});

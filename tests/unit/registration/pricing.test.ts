import { describe, expect, it } from 'vitest';
import {
  currentPrice,
  lineDiscount,
  nextPrice,
  priceOrder,
  windowIsOpen,
  type PriceWindow,
  type VoucherRule,
} from '@/lib/catalogue/pricing';

const FEB1 = new Date('2030-02-01T00:00:00Z');
const MAR1 = new Date('2030-03-01T00:00:00Z');
const earlyBird: PriceWindow = { label: 'Early bird', amount: 30000, startsAt: null, endsAt: FEB1 };
const regular: PriceWindow = { label: 'Regular', amount: 40000, startsAt: FEB1, endsAt: null };
const openRegular: PriceWindow = { label: 'Regular', amount: 40000, startsAt: null, endsAt: null };
const late: PriceWindow = { label: 'Late', amount: 50000, startsAt: MAR1, endsAt: null };

const at = (iso: string) => new Date(iso);

describe('currentPrice', () => {
  it('picks the window in force at the given time', () => {
    expect(currentPrice([earlyBird, regular], at('2030-01-10T10:00:00Z'))?.label).toBe('Early bird');
    expect(currentPrice([earlyBird, regular], at('2030-02-15T10:00:00Z'))?.label).toBe('Regular');
  });

  it('treats the start of a window as inside it and the end as outside it', () => {
    expect(currentPrice([earlyBird, regular], new Date(FEB1.getTime() - 1))?.amount).toBe(30000);
    expect(currentPrice([earlyBird, regular], FEB1)?.amount).toBe(40000);
    expect(windowIsOpen(earlyBird, FEB1)).toBe(false);
    expect(windowIsOpen(regular, FEB1)).toBe(true);
  });

  it('lets the early bird beat an overlapping regular price, whatever the order of the windows', () => {
    const now = at('2030-01-10T10:00:00Z');
    expect(currentPrice([openRegular, earlyBird], now)?.label).toBe('Early bird');
    expect(currentPrice([earlyBird, openRegular], now)?.label).toBe('Early bird');
    // Once the early bird has ended, the open regular window applies.
    expect(currentPrice([openRegular, earlyBird], FEB1)?.label).toBe('Regular');
  });

  it('prefers the window that ends first among several overlapping ones', () => {
    const superEarly: PriceWindow = {
      label: 'Super early',
      amount: 20000,
      startsAt: null,
      endsAt: at('2030-01-15T00:00:00Z'),
    };
    expect(currentPrice([openRegular, earlyBird, superEarly], at('2030-01-10T00:00:00Z'))?.label).toBe('Super early');
    expect(currentPrice([openRegular, earlyBird, superEarly], at('2030-01-20T00:00:00Z'))?.label).toBe('Early bird');
  });

  it('returns null when no window is open (before the first, after the last, or no windows)', () => {
    const closedWindow: PriceWindow = {
      label: 'Only January',
      amount: 100,
      startsAt: at('2030-01-01T00:00:00Z'),
      endsAt: FEB1,
    };
    expect(currentPrice([closedWindow], at('2029-12-31T23:59:59Z'))).toBeNull();
    expect(currentPrice([closedWindow], FEB1)).toBeNull();
    expect(currentPrice([], at('2030-01-10T00:00:00Z'))).toBeNull();
  });

  it('keeps the extra fields of the window it returns', () => {
    const windows = [
      { ...earlyBird, id: 'a' },
      { ...regular, id: 'b' },
    ];
    expect(currentPrice(windows, FEB1)?.id).toBe('b');
  });
});

describe('nextPrice', () => {
  it('names the next window that starts after now, the nearest first', () => {
    expect(nextPrice([late, earlyBird, regular], at('2030-01-10T00:00:00Z'))?.label).toBe('Regular');
    expect(nextPrice([late, earlyBird, regular], FEB1)?.label).toBe('Late');
    expect(nextPrice([late, earlyBird, regular], MAR1)).toBeNull();
  });
});

describe('lineDiscount', () => {
  const percent = (value: number): VoucherRule => ({ kind: 'percent', value, ticketTypeIds: [] });

  it('rounds percentage discounts to the nearest minor unit', () => {
    expect(lineDiscount(percent(10), 30000)).toBe(3000);
    expect(lineDiscount(percent(10), 999)).toBe(100); // 99.9
    expect(lineDiscount(percent(10), 994)).toBe(99); // 99.4
    expect(lineDiscount(percent(10), 995)).toBe(100); // 99.5 rounds half up
    expect(lineDiscount(percent(33), 1001)).toBe(330); // 330.33
    expect(lineDiscount(percent(100), 12345)).toBe(12345);
  });

  it('never takes a fixed discount below zero', () => {
    expect(lineDiscount({ kind: 'fixed', value: 5000, ticketTypeIds: [] }, 30000)).toBe(5000);
    expect(lineDiscount({ kind: 'fixed', value: 5000, ticketTypeIds: [] }, 3000)).toBe(3000);
    expect(lineDiscount({ kind: 'fixed', value: 5000, ticketTypeIds: [] }, 0)).toBe(0);
  });

  it('makes a free voucher discount the whole price', () => {
    expect(lineDiscount({ kind: 'free', value: 0, ticketTypeIds: [] }, 40000)).toBe(40000);
  });
});

describe('priceOrder', () => {
  const lines = [
    { ticketTypeId: 'full', price: 30000 },
    { ticketTypeId: 'full', price: 30000 },
    { ticketTypeId: 'virtual', price: 9000 },
  ];

  it('charges the sum of the lines without a voucher', () => {
    const p = priceOrder(lines, null);
    expect(p).toMatchObject({ subtotal: 69000, discount: 0, total: 69000 });
    expect(p.lines.every((l) => l.discount === 0 && !l.voucherApplied)).toBe(true);
  });

  it('applies a percentage voucher to every line with per-line rounding', () => {
    const p = priceOrder(
      [
        { ticketTypeId: 'a', price: 995 },
        { ticketTypeId: 'a', price: 995 },
      ],
      { kind: 'percent', value: 10, ticketTypeIds: [] },
    );
    expect(p.lines.map((l) => l.discount)).toEqual([100, 100]);
    expect(p).toMatchObject({ subtotal: 1990, discount: 200, total: 1790 });
  });

  it('applies a fixed voucher per line and never makes a line negative', () => {
    const p = priceOrder(
      [
        { ticketTypeId: 'a', price: 30000 },
        { ticketTypeId: 'b', price: 2000 },
      ],
      { kind: 'fixed', value: 5000, ticketTypeIds: [] },
    );
    expect(p.lines.map((l) => l.discount)).toEqual([5000, 2000]);
    expect(p.lines.every((l) => l.price - l.discount >= 0)).toBe(true);
    expect(p).toMatchObject({ subtotal: 32000, discount: 7000, total: 25000 });
  });

  it('makes a free voucher bring the total to zero', () => {
    const p = priceOrder([{ ticketTypeId: 'scholarship', price: 40000 }], {
      kind: 'free',
      value: 0,
      ticketTypeIds: ['scholarship'],
    });
    expect(p).toMatchObject({ subtotal: 40000, discount: 40000, total: 0 });
  });

  it('discounts only the ticket types a limited voucher names', () => {
    const p = priceOrder(lines, { kind: 'percent', value: 10, ticketTypeIds: ['virtual'] });
    expect(p.lines.map((l) => [l.ticketTypeId, l.discount, l.voucherApplied])).toEqual([
      ['full', 0, false],
      ['full', 0, false],
      ['virtual', 900, true],
    ]);
    expect(p).toMatchObject({ subtotal: 69000, discount: 900, total: 68100 });
  });

  it('always makes the total the subtotal minus the discount', () => {
    const vouchers: (VoucherRule | null)[] = [
      null,
      { kind: 'percent', value: 37, ticketTypeIds: [] },
      { kind: 'fixed', value: 12345, ticketTypeIds: ['full'] },
      { kind: 'free', value: 0, ticketTypeIds: ['virtual'] },
    ];
    for (const v of vouchers) {
      const p = priceOrder(lines, v);
      expect(p.subtotal).toBe(p.lines.reduce((s, l) => s + l.price, 0));
      expect(p.discount).toBe(p.lines.reduce((s, l) => s + l.discount, 0));
      expect(p.total).toBe(p.subtotal - p.discount);
      expect(p.total).toBeGreaterThanOrEqual(0);
    }
  });
});

// Prices come from the database only: the price window in force at the order's time, then the voucher.
// Pure functions; amounts are integer minor units.
export interface PriceWindow {
  label: string;
  amount: number;
  startsAt: Date | null;
  endsAt: Date | null;
}

export function windowIsOpen(w: Pick<PriceWindow, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return (!w.startsAt || w.startsAt <= now) && (!w.endsAt || now < w.endsAt);
}

/** The price in force at `now`; where windows overlap, the one that ends first (an early bird beats regular). */
export function currentPrice<W extends PriceWindow>(windows: W[], now: Date): W | null {
  const open = windows.filter((w) => windowIsOpen(w, now));
  open.sort((a, b) => (a.endsAt?.getTime() ?? Infinity) - (b.endsAt?.getTime() ?? Infinity));
  return open[0] ?? null;
}

/** The next window after the current one, to show "price rises on ...". */
export function nextPrice<W extends PriceWindow>(windows: W[], now: Date): W | null {
  const later = windows.filter((w) => w.startsAt && w.startsAt > now);
  later.sort((a, b) => a.startsAt!.getTime() - b.startsAt!.getTime());
  return later[0] ?? null;
}

export interface VoucherRule {
  kind: 'percent' | 'fixed' | 'free';
  value: number;
  /** Empty: every ticket type. */
  ticketTypeIds: string[];
}

export interface PricedLine {
  ticketTypeId: string;
  price: number;
  discount: number;
  voucherApplied: boolean;
}

export interface OrderPrice {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
}

export function voucherApplies(voucher: VoucherRule, ticketTypeId: string): boolean {
  return voucher.ticketTypeIds.length === 0 || voucher.ticketTypeIds.includes(ticketTypeId);
}

export function lineDiscount(voucher: VoucherRule, price: number): number {
  if (voucher.kind === 'free') return price;
  if (voucher.kind === 'fixed') return Math.min(price, voucher.value);
  return Math.min(price, Math.round((price * voucher.value) / 100));
}

export function priceOrder(lines: { ticketTypeId: string; price: number }[], voucher: VoucherRule | null): OrderPrice {
  const priced = lines.map((l) => {
    const applies = voucher !== null && voucherApplies(voucher, l.ticketTypeId);
    return {
      ticketTypeId: l.ticketTypeId,
      price: l.price,
      discount: applies ? lineDiscount(voucher, l.price) : 0,
      voucherApplied: applies,
    };
  });
  const subtotal = priced.reduce((s, l) => s + l.price, 0);
  const discount = priced.reduce((s, l) => s + l.discount, 0);
  return { lines: priced, subtotal, discount, total: subtotal - discount };
}

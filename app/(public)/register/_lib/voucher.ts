// Reads the ?voucher= code of the registration pages: the voucher when it is valid now, or a message saying why not.
import 'server-only';
import type { AppContext } from '@/lib/context';
import { formatMoney } from '@/lib/money';
import type { VoucherView } from '@/lib/orders/create-order/validate';
import { findVoucher } from '@/lib/vouchers/queries';

export interface VoucherState {
  /** The code as typed (trimmed, upper case), or '' when none was given. */
  code: string;
  voucher: VoucherView | null;
  error: string | null;
}

export async function readVoucher(ctx: Pick<AppContext, 'db' | 'clock'>, eventId: string, raw: string | undefined): Promise<VoucherState> {
  const code = (raw ?? '').trim().toUpperCase();
  if (!code) return { code: '', voucher: null, error: null };
  if (!/^[A-Z0-9_-]{1,40}$/.test(code)) {
    return { code: code.slice(0, 40), voucher: null, error: 'Voucher codes contain only letters, digits, dashes and underscores.' };
  }
  const voucher = await findVoucher(ctx.db, eventId, code);
  if (!voucher) return { code, voucher: null, error: 'This voucher code is not valid. Check the spelling, or leave the field empty.' };
  const now = ctx.clock.now();
  if ((voucher.validFrom && now < voucher.validFrom) || (voucher.validUntil && now >= voucher.validUntil)) {
    return { code, voucher: null, error: 'This voucher is not valid at this time.' };
  }
  return { code, voucher, error: null };
}

/** "20% off", "€50.00 off each ticket", "free". */
export function describeVoucher(v: VoucherView, currency: string): string {
  if (v.kind === 'free') return 'free of charge';
  if (v.kind === 'percent') return `${v.value}% off`;
  return `${formatMoney(v.value, currency)} off each ticket`;
}

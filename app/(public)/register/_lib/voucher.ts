// Reads the ?voucher= code of the registration pages: the voucher when it can be used now, or a message. Look-ups
// are throttled per client (lib/catalogue/voucher-lookup.ts), and an unknown, expired or used-up code reads the same.
import 'server-only';
import type { AppContext } from '@/lib/context';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import type { VoucherView } from '@/lib/catalogue/voucher-queries';
import { lookUpVoucher, VOUCHER_CODE_FORMAT, VOUCHER_NOT_VALID } from '@/lib/catalogue/voucher-lookup';
import { getClientKey } from '@/app/_lib/request-context';

export interface VoucherState {
  /** The code as typed (trimmed, upper case), or '' when none was given. */
  code: string;
  voucher: VoucherView | null;
  error: string | null;
}

export async function readVoucher(
  ctx: Pick<AppContext, 'db' | 'clock' | 'config'>,
  eventId: string,
  raw: string | undefined,
): Promise<VoucherState> {
  const code = (raw ?? '').trim().toUpperCase();
  if (!code) return { code: '', voucher: null, error: null };
  if (!VOUCHER_CODE_FORMAT.test(code)) {
    return {
      code: code.slice(0, 40),
      voucher: null,
      error: 'Voucher codes contain only letters, digits, dashes and underscores.',
    };
  }
  try {
    const voucher = await lookUpVoucher(ctx, { eventId, code, clientKey: await getClientKey() });
    return voucher ? { code, voucher, error: null } : { code, voucher: null, error: VOUCHER_NOT_VALID };
  } catch (error) {
    if (isDomainError(error) && error.code === 'THROTTLED') return { code, voucher: null, error: error.message };
    throw error;
  }
}

/** "20% off", "€50.00 off each ticket", "free". */
export function describeVoucher(v: VoucherView, currency: string): string {
  if (v.kind === 'free') return 'free of charge';
  if (v.kind === 'percent') return `${v.value}% off`;
  return `${formatMoney(v.value, currency)} off each ticket`;
}

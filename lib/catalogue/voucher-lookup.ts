// Voucher codes typed by the public (the registration pages, the review step, GET /api/v1/ticket-types): each
// look-up is counted per client, and a code that is unknown, outside its dates or used up reads as no voucher at
// all, so neither a listing nor a message can confirm a guess. createOrder keeps its own, stricter checks.
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { measureTaken, poolKey } from '../capacity/availability';
import { hitRateLimit } from '../rate-limit';
import type { VoucherView } from './voucher-queries';
import { findVoucher } from './voucher-queries';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export const VOUCHER_CODE_FORMAT = /^[A-Za-z0-9_-]{1,40}$/;
export const VOUCHER_LOOKUP_WINDOW_MS = 60_000;
/** The one answer for every code that cannot be used now, whatever the reason. */
export const VOUCHER_NOT_VALID = 'This voucher code is not valid. Check the spelling, or leave the field empty.';

export function voucherThrottleKey(clientKey: string): string {
  return `vouchers:client:${clientKey}`;
}

/** Whether the voucher's dates include `now` (uses are counted separately). */
export function voucherInDates(v: Pick<VoucherView, 'validFrom' | 'validUntil'>, now: Date): boolean {
  return !(v.validFrom && now < v.validFrom) && !(v.validUntil && now >= v.validUntil);
}

/**
 * The voucher a typed code names, if it can be used now (in its dates, with a use left); otherwise null. Throws
 * THROTTLED (with retryAfterSeconds) once the client has looked up too many codes this minute. A code that is not
 * even shaped like one is null without counting: it needs no database and confirms nothing.
 */
export async function lookUpVoucher(
  ctx: Ctx,
  input: { eventId: string; code: string; clientKey: string | null },
): Promise<VoucherView | null> {
  const code = input.code.trim();
  if (!VOUCHER_CODE_FORMAT.test(code)) return null;
  const now = ctx.clock.now();
  if (input.clientKey) {
    const hit = await hitRateLimit(
      ctx.db,
      voucherThrottleKey(input.clientKey),
      ctx.config.VOUCHER_RATE_LIMIT_PER_MINUTE,
      VOUCHER_LOOKUP_WINDOW_MS,
      now,
    );
    if (!hit.allowed) {
      const message = `Too many voucher codes tried. Please wait ${hit.retryAfterSeconds} seconds and try again.`;
      throw new DomainError(
        'THROTTLED',
        message,
        { voucherCode: [message] },
        { retryAfterSeconds: hit.retryAfterSeconds },
      );
    }
  }
  const voucher = await findVoucher(ctx.db, input.eventId, code);
  if (!voucher || !voucherInDates(voucher, now)) return null;
  if (voucher.maxUses !== null) {
    const taken = await measureTaken(ctx.db, now, { eventId: input.eventId, voucherIds: [voucher.id] });
    if ((taken.get(poolKey.voucher(voucher.id)) ?? 0) >= voucher.maxUses) return null;
  }
  return voucher;
}

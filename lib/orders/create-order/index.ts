// createOrder: validate, price from the database, then take every seat in one locked transaction.
// Used by the registration page and by POST /api/v1/orders alike.
import type { Order } from '@/db/schema';
import type { AppContext } from '../../context';
import { DomainError } from '../../errors';
import { advisoryPoolLocker, isLockTimeout, type PoolLocker } from '../../capacity/lock-pools';
import { getEventOrThrow } from '../../programme/build';
import { hitRateLimit } from '../../rate-limit';
import { loadTicketTypes, loadWorkshops } from '../../registration/catalogue';
import { priceOrder } from '../../registration/pricing';
import { registrationSchema } from '../../registration/schemas';
import { hashToken, newSecretToken } from '../../tokens';
import { parseInput } from '../../validation';
import { findVoucher } from '../../vouchers/queries';
import { findLiveOffer } from '../../waitlist/offers';
import { reserve } from './reserve';
import { validateRegistration, voucherRule } from './validate';

export type CreateOrderCtx = Pick<AppContext, 'db' | 'clock' | 'config'> & { locker?: PoolLocker };

export interface CreateOrderResult {
  order: Order;
  /** The secret for the order's private link; shown once, only its hash is stored. */
  accessToken: string;
}

function isTransient(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  const code = e?.code ?? e?.cause?.code;
  return isLockTimeout(error) || code === '40P01' || code === '40001';
}

export async function createOrder(ctx: CreateOrderCtx, eventId: string, input: unknown, meta: { clientKey: string | null }): Promise<CreateOrderResult> {
  const registration = parseInput(registrationSchema, input);
  const now = ctx.clock.now();
  if (meta.clientKey) {
    const limit = await hitRateLimit(ctx.db, `orders:client:${meta.clientKey}`, ctx.config.ORDER_RATE_LIMIT_PER_MINUTE, 60_000, now);
    if (!limit.allowed) {
      throw new DomainError('THROTTLED', `Too many registration attempts. Please wait ${limit.retryAfterSeconds} seconds and try again.`, {}, { retryAfterSeconds: limit.retryAfterSeconds });
    }
  }
  const event = await getEventOrThrow(ctx, eventId);
  const typeIds = [...new Set(registration.attendees.map((a) => a.ticketTypeId))];
  const workshopIds = [...new Set(registration.attendees.flatMap((a) => a.workshopIds))];
  const [types, workshops, voucher, offer] = await Promise.all([
    loadTicketTypes(ctx.db, event.id, typeIds),
    loadWorkshops(ctx.db, event.id, workshopIds),
    registration.voucherCode ? findVoucher(ctx.db, event.id, registration.voucherCode) : Promise.resolve(null),
    registration.offerToken ? findLiveOffer(ctx.db, event.id, registration.offerToken, now) : Promise.resolve(null),
  ]);
  if (registration.offerToken && !offer) {
    throw new DomainError('HOLD_EXPIRED', 'This waiting-list offer has expired or was already used.', { offerToken: ['This offer is no longer valid'] });
  }
  const typeMap = new Map(types.map((t) => [t.id, t]));
  const workshopMap = new Map(workshops.map((w) => [w.id, w]));
  const attendees = validateRegistration({ registration, types: typeMap, workshops: workshopMap, voucher, now, timezone: event.timezone });
  if (offer && !attendees.some((a) => a.ticketTypeId === offer.ticketTypeId || a.workshopIds.includes(offer.sessionId ?? ''))) {
    throw new DomainError('VALIDATION', 'The waiting-list offer is for a different ticket or workshop.', { offerToken: ['Choose the ticket or workshop you were offered'] });
  }
  const price = priceOrder(attendees.map((a) => ({ ticketTypeId: a.ticketTypeId, price: a.price })), voucher ? voucherRule(voucher) : null);
  const accessToken = newSecretToken();
  try {
    const order = await ctx.db.transaction((tx) => reserve(tx, {
      event, registration, attendees, price, types: typeMap, workshops: workshopMap, voucher,
      offer: offer ? { id: offer.id } : null,
      accessTokenHash: hashToken(accessToken), clientKey: meta.clientKey, now,
      limits: { perEmail: ctx.config.HOLD_MAX_PER_EMAIL, perClient: ctx.config.HOLD_MAX_PER_CLIENT, lockTimeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS },
      locker: ctx.locker ?? advisoryPoolLocker,
    }));
    return { order, accessToken };
  } catch (error) {
    if (isTransient(error)) throw new DomainError('BUSY', 'Many people are registering right now. Please try again in a moment.');
    throw error;
  }
}

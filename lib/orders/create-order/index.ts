// createOrder: validate, price from the database, then take every seat in one locked transaction.
// Used by the registration page and by POST /api/v1/orders alike.
import { isForeignKeyViolation, isLockTimeout, isRetryableTransaction } from '@/db/errors';
import type { Order, OrderSource } from '@/db/schema';
import type { AppContext } from '../../context';
import { DomainError } from '../../errors';
import { measureTaken } from '../../capacity/availability';
import { advisoryPoolLocker, busyError, type PoolLocker } from '../../capacity/seats';
import { rateLimitResult } from '../../rate-limit';
import { loadOrderCatalogue, loadWorkshops } from '../../catalogue/listing';
import { priceOrder } from '../../catalogue/pricing';
import { registrationRequestSchema } from '../schemas';
import { hashToken, newSecretToken } from '../../tokens';
import { parseInput } from '../../validation';
import { findVoucher } from '../../catalogue/voucher-queries';
import { findLiveOffer } from '../../waitlist/offers';
import { assertAvailable, planPools, reserve, type ReserveInput } from './reserve';
import { validateRegistration, voucherRule } from './validate';

export type CreateOrderCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'vault'> & { locker?: PoolLocker };

export interface CreateOrderResult {
  order: Order;
  /** The secret for the order's private link; shown once, only its hash is stored. */
  accessToken: string;
}

/** @param event the event's id, or its slug (the HTTP API knows only the configured slug). */
export async function createOrder(ctx: CreateOrderCtx, event: string | { slug: string }, input: unknown, meta: { clientKey: string | null; source?: OrderSource }): Promise<CreateOrderResult> {
  const registration = parseInput(registrationRequestSchema, input);
  const now = ctx.clock.now();
  const workshopIds = [...new Set(registration.attendees.flatMap((a) => a.workshopIds))];
  const typeIds = [...new Set(registration.attendees.map((a) => a.ticketTypeId))];
  const catalogue = await loadOrderCatalogue(ctx.db, typeof event === 'string' ? { id: event } : event, {
    rateLimit: meta.clientKey ? { key: `orders:client:${meta.clientKey}`, windowMs: 60_000, now } : undefined,
    // A cheap unlocked look at the ticket types and workshops asked for, so that when one is already full
    // the order is refused without queueing for its lock. Only the locked re-check in reserve() says yes.
    taken: { now, query: { eventId: '', ticketTypeIds: typeIds, sessionIds: workshopIds } },
  });
  const limit = catalogue?.rateLimit ? rateLimitResult(catalogue.rateLimit, ctx.config.ORDER_RATE_LIMIT_PER_MINUTE, 60_000, now) : null;
  if (limit && !limit.allowed) {
    throw new DomainError('THROTTLED', `Too many registration attempts. Please wait ${limit.retryAfterSeconds} seconds and try again.`, {}, { retryAfterSeconds: limit.retryAfterSeconds });
  }
  if (!catalogue) throw new DomainError('NOT_FOUND', 'Event not found');
  const eventRow = catalogue.event;
  const [workshops, voucher, offer] = await Promise.all([
    workshopIds.length ? loadWorkshops(ctx.db, eventRow.id, workshopIds) : Promise.resolve([]),
    registration.voucherCode ? findVoucher(ctx.db, eventRow.id, registration.voucherCode) : Promise.resolve(null),
    registration.offerToken ? findLiveOffer(ctx.db, eventRow.id, registration.offerToken, now) : Promise.resolve(null),
  ]);
  const wanted = new Set(typeIds);
  const types = catalogue.types.filter((t) => wanted.has(t.id));
  if (registration.offerToken && !offer) {
    throw new DomainError('HOLD_EXPIRED', 'This waiting-list offer has expired or was already used.', { offerToken: ['This offer is no longer valid'] });
  }
  const typeMap = new Map(types.map((t) => [t.id, t]));
  const workshopMap = new Map(workshops.map((w) => [w.id, w]));
  const attendees = validateRegistration({ registration, types: typeMap, workshops: workshopMap, voucher, now, timezone: eventRow.timezone });
  if (offer && !attendees.some((a) => a.ticketTypeId === offer.ticketTypeId || a.workshopIds.includes(offer.sessionId ?? ''))) {
    throw new DomainError('VALIDATION', 'The waiting-list offer is for a different ticket or workshop.', { offerToken: ['Choose the ticket or workshop you were offered'] });
  }
  // A complimentary registration (entered by an organizer) prices every line at 0, so it is paid at once and
  // confirmed like any free order; it still takes its seats through reserve() below.
  const complimentary = meta.source === 'complimentary';
  const price = priceOrder(
    attendees.map((a) => ({ ticketTypeId: a.ticketTypeId, price: complimentary ? 0 : a.price })),
    voucher && !complimentary ? voucherRule(voucher) : null,
  );
  const accessToken = newSecretToken();
  const reserveInput: ReserveInput = {
    event: eventRow, registration, attendees, price, types: typeMap, workshops: workshopMap, voucher,
    offer: offer ? { id: offer.id } : null,
    accessTokenHash: hashToken(accessToken), clientKey: meta.clientKey, source: meta.source ?? 'online', now,
    limits: { perEmail: ctx.config.HOLD_MAX_PER_EMAIL, perClient: ctx.config.HOLD_MAX_PER_CLIENT, lockTimeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS },
    locker: ctx.locker ?? advisoryPoolLocker,
    emailReminderHours: ctx.config.EMAIL_REMINDER_HOURS,
    vault: ctx.vault,
  };
  // The snapshot counts a waiting-list offer as taken, including the one being redeemed here.
  if (!offer) assertAvailable(catalogue.taken, reserveInput, planPools(reserveInput));
  if (!('$client' in ctx.db)) throw new Error('createOrder needs a database handle of its own, not a transaction');
  let order: Order | null;
  try {
    order = await reserve(ctx.db.$client, reserveInput);
  } catch (error) {
    if (isLockTimeout(error) || isRetryableTransaction(error)) throw busyError();
    // A workshop, ticket type or voucher the order names was removed by an organizer a moment ago.
    if (isForeignKeyViolation(error)) {
      throw new DomainError('CONFLICT', 'Something you chose was changed by the organizers a moment ago. Please check your choices and try again.', { attendees: ['Please check your choices and try again'] });
    }
    throw error;
  }
  if (order) return { order, accessToken };
  // A pool was full under the lock: say which, from a fresh count. Seats freed in between are not offered
  // here; the buyer simply tries again.
  const plan = planPools(reserveInput);
  assertAvailable(await measureTaken(ctx.db, now, plan.query), reserveInput, plan);
  throw new DomainError('SOLD_OUT', 'These tickets have just sold out.', { attendees: ['These tickets have just sold out'] }, { pool: 'unknown' });
}

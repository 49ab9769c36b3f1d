// prepareOrder: what createOrder and quoteOrder share. Parses the strict request, loads the event and its catalogue
// with an unlocked snapshot of the seats taken in the ticket types and workshops asked for (one statement),
// resolves the voucher and the waiting-list offer, validates against the catalogue, prices from the database, and
// refuses a pool already full (the snapshot counts live waiting-list offers, so seats offered to someone else are
// refused here too). Only the locked re-check in reserve() ever says yes to a seat.
import type { Event } from '@/db/schema';
import type { AppContext } from '../../context';
import { DomainError } from '../../errors';
import { rateLimitResult } from '../../rate-limit';
import {
  loadOrderCatalogue,
  loadWorkshops,
  type CatalogueTicketType,
  type CatalogueWorkshop,
} from '../../catalogue/listing';
import { priceOrder, type OrderPrice } from '../../catalogue/pricing';
import type { VoucherView } from '../../catalogue/voucher-queries';
import { parseInput } from '../../validation';
import { findLiveOffer } from '../../waitlist/offers';
import { registrationRequestSchema, type Registration } from '../schemas';
import { assertAvailable, planPools } from './reserve';
import { validateRegistration, voucherRule, type ValidatedAttendee } from './validate';

export type PrepareCtx = Pick<AppContext, 'db' | 'config'>;

export interface PrepareOptions {
  now: Date;
  clientKey: string | null;
  /** Counts the attempt against the client's order rate limit (createOrder; a quote does not place anything). */
  rateLimit?: boolean;
  /** How the voucher code is looked up: createOrder finds it as is, the quote through the throttled look-up. */
  findVoucher: (eventId: string, code: string) => Promise<VoucherView | null>;
  /** An organizer's complimentary registration: every line is priced at 0. */
  complimentary?: boolean;
}

export interface PreparedOrder {
  event: Event;
  registration: Registration;
  attendees: ValidatedAttendee[];
  price: OrderPrice;
  types: Map<string, CatalogueTicketType>;
  workshops: Map<string, CatalogueWorkshop>;
  voucher: VoucherView | null;
  offer: { id: string } | null;
}

/** @param event the event's id, or its slug (the HTTP API knows only the configured slug). */
export async function prepareOrder(
  ctx: PrepareCtx,
  event: string | { slug: string },
  input: unknown,
  options: PrepareOptions,
): Promise<PreparedOrder> {
  const { now } = options;
  const registration = parseInput(registrationRequestSchema, input);
  const workshopIds = [...new Set(registration.attendees.flatMap((a) => a.workshopIds))];
  const typeIds = [...new Set(registration.attendees.map((a) => a.ticketTypeId))];
  const catalogue = await loadOrderCatalogue(ctx.db, typeof event === 'string' ? { id: event } : event, {
    rateLimit:
      options.rateLimit && options.clientKey
        ? { key: `orders:client:${options.clientKey}`, windowMs: 60_000, now }
        : undefined,
    // A cheap unlocked look at the ticket types and workshops asked for, so that when one is already full
    // the order is refused without queueing for its lock. Only the locked re-check in reserve() says yes.
    taken: { now, query: { eventId: '', ticketTypeIds: typeIds, sessionIds: workshopIds } },
  });
  const limit = catalogue?.rateLimit
    ? rateLimitResult(catalogue.rateLimit, ctx.config.ORDER_RATE_LIMIT_PER_MINUTE, 60_000, now)
    : null;
  if (limit && !limit.allowed) {
    throw new DomainError(
      'THROTTLED',
      `Too many registration attempts. Please wait ${limit.retryAfterSeconds} seconds and try again.`,
      {},
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  if (!catalogue) throw new DomainError('NOT_FOUND', 'Event not found');
  const eventRow = catalogue.event;
  const [workshops, voucher, offer] = await Promise.all([
    workshopIds.length ? loadWorkshops(ctx.db, eventRow.id, workshopIds) : Promise.resolve([]),
    registration.voucherCode ? options.findVoucher(eventRow.id, registration.voucherCode) : Promise.resolve(null),
    registration.offerToken ? findLiveOffer(ctx.db, eventRow.id, registration.offerToken, now) : Promise.resolve(null),
  ]);
  const wanted = new Set(typeIds);
  const typeMap = new Map(catalogue.types.filter((t) => wanted.has(t.id)).map((t) => [t.id, t]));
  if (registration.offerToken && !offer) {
    throw new DomainError('HOLD_EXPIRED', 'This waiting-list offer has expired or was already used.', {
      offerToken: ['This offer is no longer valid'],
    });
  }
  const workshopMap = new Map(workshops.map((w) => [w.id, w]));
  const attendees = validateRegistration({
    registration,
    types: typeMap,
    workshops: workshopMap,
    voucher,
    now,
    timezone: eventRow.timezone,
  });
  if (
    offer &&
    !attendees.some((a) => a.ticketTypeId === offer.ticketTypeId || a.workshopIds.includes(offer.sessionId ?? ''))
  ) {
    throw new DomainError('VALIDATION', 'The waiting-list offer is for a different ticket or workshop.', {
      offerToken: ['Choose the ticket or workshop you were offered'],
    });
  }
  // A complimentary registration (entered by an organizer) prices every line at 0, so it is paid at once and
  // confirmed like any free order; it still takes its seats through reserve().
  const price = priceOrder(
    attendees.map((a) => ({ ticketTypeId: a.ticketTypeId, price: options.complimentary ? 0 : a.price })),
    voucher && !options.complimentary ? voucherRule(voucher) : null,
  );
  const prepared: PreparedOrder = {
    event: eventRow,
    registration,
    attendees,
    price,
    types: typeMap,
    workshops: workshopMap,
    voucher,
    offer: offer ? { id: offer.id } : null,
  };
  // The snapshot counts a waiting-list offer as taken, including the one being redeemed here.
  if (!offer) {
    const poolInput = { ...prepared, clientKey: options.clientKey, limits: holdLimits(ctx) };
    assertAvailable(catalogue.taken, poolInput, planPools(poolInput));
  }
  return prepared;
}

export function holdLimits(ctx: PrepareCtx) {
  return {
    perEmail: ctx.config.HOLD_MAX_PER_EMAIL,
    perClient: ctx.config.HOLD_MAX_PER_CLIENT,
    lockTimeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS,
  };
}

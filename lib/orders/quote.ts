// A price preview for the review step: the same validation and pricing createOrder runs, without taking any
// seat or writing anything. createOrder stays the authority; a quote can be stale by the time it is confirmed.
import type { Event } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { validateRegistration, voucherRule } from './create-order/validate';
import { parseInput } from '../validation';
import { lookUpVoucher } from '../catalogue/voucher-lookup';
import { findLiveOffer } from '../waitlist/offers';
import { loadTicketTypes, loadWorkshops } from '../catalogue/listing';
import { priceOrder } from '../catalogue/pricing';
import { registrationRequestSchema } from './schemas';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface QuoteLine {
  ticketTypeId: string;
  label: string;
  badgeName: string;
  price: number;
  discount: number;
  workshops: { id: string; title: string; startsAt: Date; endsAt: Date }[];
}

export interface Quote {
  currency: string;
  lines: QuoteLine[];
  subtotal: number;
  discount: number;
  total: number;
  voucherCode: string | null;
  /** Minutes the seats are held for when the order is confirmed (free orders are paid at once). */
  holdMinutes: number;
}

/** @param meta.clientKey the voucher look-up is counted against it, as on the registration pages. */
export async function quoteOrder(ctx: Ctx, event: Event, input: unknown, meta: { clientKey: string | null }): Promise<Quote> {
  const registration = parseInput(registrationRequestSchema, input);
  const now = ctx.clock.now();
  const typeIds = [...new Set(registration.attendees.map((a) => a.ticketTypeId))];
  const workshopIds = [...new Set(registration.attendees.flatMap((a) => a.workshopIds))];
  const [types, workshops, voucher, offer] = await Promise.all([
    loadTicketTypes(ctx.db, event.id, typeIds),
    loadWorkshops(ctx.db, event.id, workshopIds),
    registration.voucherCode ? lookUpVoucher(ctx, { eventId: event.id, code: registration.voucherCode, clientKey: meta.clientKey }) : Promise.resolve(null),
    registration.offerToken ? findLiveOffer(ctx.db, event.id, registration.offerToken, now) : Promise.resolve(null),
  ]);
  if (registration.offerToken && !offer) {
    throw new DomainError('HOLD_EXPIRED', 'This waiting-list offer has expired or was already used.', { offerToken: ['This offer is no longer valid'] });
  }
  const typeMap = new Map(types.map((t) => [t.id, t]));
  const workshopMap = new Map(workshops.map((w) => [w.id, w]));
  const attendees = validateRegistration({ registration, types: typeMap, workshops: workshopMap, voucher, now, timezone: event.timezone });
  const price = priceOrder(attendees.map((a) => ({ ticketTypeId: a.ticketTypeId, price: a.price })), voucher ? voucherRule(voucher) : null);
  return {
    currency: event.currency,
    lines: attendees.map((a, i) => ({
      ticketTypeId: a.ticketTypeId,
      label: typeMap.get(a.ticketTypeId)?.publicLabel ?? '',
      badgeName: a.badgeName,
      price: price.lines[i]?.price ?? a.price,
      discount: price.lines[i]?.discount ?? 0,
      workshops: a.workshopIds.flatMap((id) => {
        const w = workshopMap.get(id);
        return w ? [{ id: w.id, title: w.title, startsAt: w.startsAt, endsAt: w.endsAt }] : [];
      }).sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()),
    })),
    subtotal: price.subtotal,
    discount: price.discount,
    total: price.total,
    voucherCode: voucher?.code ?? null,
    holdMinutes: event.holdMinutes,
  };
}

/** The question keys each ticket type asks with a checkbox, so an unticked box reads as "no" (see form-input.ts). */
export async function checkboxQuestionKeys(ctx: Pick<AppContext, 'db'>, eventId: string, ticketTypeIds: string[]): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(ticketTypeIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (!ids.length) return new Map();
  const types = await loadTicketTypes(ctx.db, eventId, ids);
  return new Map(types.map((t) => [t.id, new Set(t.questions.filter((q) => q.kind === 'checkbox').map((q) => q.key))]));
}

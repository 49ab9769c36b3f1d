// What the registration page and GET /api/v1/ticket-types show: public labels, the price in force,
// and seats left computed from facts. Hidden types appear only with a voucher that names them.
import type { AppContext } from '../context';
import type { Event } from '@/db/schema';
import { measureTaken, poolKey, remaining } from '../capacity/availability';
import { capacityPools } from '@/db/schema';
import { inArray } from 'drizzle-orm';
import { loadTicketTypes, loadWorkshops, type CatalogueQuestion, type CatalogueWorkshop } from './listing';
import { currentPrice, nextPrice } from './pricing';
import type { VoucherView } from './voucher-queries';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export type SaleStatus = 'available' | 'sold_out' | 'not_yet_on_sale' | 'sale_ended';

export interface OnSaleTicketType {
  id: string;
  code: string;
  label: string;
  description: string;
  attendance: 'in_person' | 'virtual';
  validOn: string | null;
  includesWorkshops: boolean;
  price: { amount: number; currency: string; label: string } | null;
  nextPrice: { amount: number; label: string; startsAt: Date } | null;
  remaining: number | null;
  status: SaleStatus;
  minPerOrder: number;
  maxPerOrder: number;
  questions: CatalogueQuestion[];
}

export interface OnSaleWorkshop extends CatalogueWorkshop {
  remaining: number | null;
}

export async function listOnSale(
  ctx: Ctx,
  event: Event,
  voucher: VoucherView | null = null,
): Promise<{ ticketTypes: OnSaleTicketType[]; workshops: OnSaleWorkshop[] }> {
  const now = ctx.clock.now();
  const all = await loadTicketTypes(ctx.db, event.id);
  const visible = all.filter((t) => !t.isHidden || (voucher?.ticketTypeIds.includes(t.id) ?? false));
  const workshops = await loadWorkshops(ctx.db, event.id);
  const poolIds = [...new Set(visible.flatMap((t) => t.poolIds))];
  const [taken, pools] = await Promise.all([
    measureTaken(ctx.db, now, {
      eventId: event.id,
      includeEvent: event.capacity !== null,
      ticketTypeIds: visible.map((t) => t.id),
      poolIds,
      sessionIds: workshops.map((w) => w.id),
    }),
    poolIds.length
      ? ctx.db.select().from(capacityPools).where(inArray(capacityPools.id, poolIds))
      : Promise.resolve([]),
  ]);
  const eventLeft = remaining(event.capacity, taken.get(poolKey.event(event.id)) ?? 0);
  const min = (...values: (number | null)[]) =>
    values.reduce<number | null>((m, v) => (v === null ? m : m === null ? v : Math.min(m, v)), null);

  const ticketTypes = visible.map((t): OnSaleTicketType => {
    const price = currentPrice(t.prices, now);
    const next = nextPrice(t.prices, now);
    const poolLeft = t.poolIds.map((id) =>
      remaining(pools.find((p) => p.id === id)?.capacity ?? null, taken.get(poolKey.pool(id)) ?? 0),
    );
    const left = min(eventLeft, remaining(t.capacity, taken.get(poolKey.ticketType(t.id)) ?? 0), ...poolLeft);
    const status: SaleStatus =
      t.saleStartsAt && now < t.saleStartsAt
        ? 'not_yet_on_sale'
        : (t.saleEndsAt && now >= t.saleEndsAt) || !price
          ? 'sale_ended'
          : left === 0
            ? 'sold_out'
            : 'available';
    return {
      id: t.id,
      code: t.code,
      label: t.publicLabel,
      description: t.description,
      attendance: t.attendance,
      validOn: t.validOn,
      includesWorkshops: t.includesWorkshops,
      price: price ? { amount: price.amount, currency: event.currency, label: price.label } : null,
      nextPrice: next && next.startsAt ? { amount: next.amount, label: next.label, startsAt: next.startsAt } : null,
      remaining: left,
      status,
      minPerOrder: t.minPerOrder,
      maxPerOrder: t.maxPerOrder,
      questions: t.questions,
    };
  });
  return {
    ticketTypes,
    workshops: workshops.map((w) => ({
      ...w,
      remaining: remaining(w.capacity, taken.get(poolKey.session(w.id)) ?? 0),
    })),
  };
}

/** What a waiting-list offer's holder sees: the offered ticket or workshop as available to them (createOrder checks the offer again). */
export function withOffer(
  list: { ticketTypes: OnSaleTicketType[]; workshops: OnSaleWorkshop[] },
  offer: { ticketTypeId: string | null; sessionId: string | null } | null,
) {
  if (!offer) return list;
  return {
    ticketTypes: list.ticketTypes.map((t) =>
      t.id === offer.ticketTypeId && t.status === 'sold_out' ? { ...t, status: 'available' as const, remaining: 1 } : t,
    ),
    workshops: list.workshops.map((w) =>
      w.id === offer.sessionId && w.remaining !== null && w.remaining < 1 ? { ...w, remaining: 1 } : w,
    ),
  };
}

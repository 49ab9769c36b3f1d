// A price preview for the review step: the same checks and pricing createOrder runs (prepareOrder), without taking
// any seat or writing anything. createOrder stays the authority; a quote can be stale by the time it is confirmed.
import type { Event } from '@/db/schema';
import type { AppContext } from '../context';
import { lookUpVoucher } from '../catalogue/voucher-lookup';
import { loadTicketTypes } from '../catalogue/listing';
import { prepareOrder } from './create-order/prepare';

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
export async function quoteOrder(
  ctx: Ctx,
  event: Event,
  input: unknown,
  meta: { clientKey: string | null },
): Promise<Quote> {
  // The same validation, pricing and unlocked availability check as createOrder, waiting-list offers included:
  // seats offered to someone else are refused here as they would be on confirming.
  const {
    attendees,
    price,
    types: typeMap,
    workshops: workshopMap,
    voucher,
  } = await prepareOrder(ctx, event.id, input, {
    now: ctx.clock.now(),
    clientKey: meta.clientKey,
    findVoucher: (eventId, code) => lookUpVoucher(ctx, { eventId, code, clientKey: meta.clientKey }),
  });
  return {
    currency: event.currency,
    lines: attendees.map((a, i) => ({
      ticketTypeId: a.ticketTypeId,
      label: typeMap.get(a.ticketTypeId)?.publicLabel ?? '',
      badgeName: a.badgeName,
      price: price.lines[i]?.price ?? a.price,
      discount: price.lines[i]?.discount ?? 0,
      workshops: a.workshopIds
        .flatMap((id) => {
          const w = workshopMap.get(id);
          return w ? [{ id: w.id, title: w.title, startsAt: w.startsAt, endsAt: w.endsAt }] : [];
        })
        .sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime()),
    })),
    subtotal: price.subtotal,
    discount: price.discount,
    total: price.total,
    voucherCode: voucher?.code ?? null,
    holdMinutes: event.holdMinutes,
  };
}

/** The question keys each ticket type asks with a checkbox, so an unticked box reads as "no" (see app/_lib/registration-form.ts). */
export async function checkboxQuestionKeys(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
  ticketTypeIds: string[],
): Promise<Map<string, Set<string>>> {
  const ids = [...new Set(ticketTypeIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (!ids.length) return new Map();
  const types = await loadTicketTypes(ctx.db, eventId, ids);
  return new Map(types.map((t) => [t.id, new Set(t.questions.filter((q) => q.kind === 'checkbox').map((q) => q.key))]));
}

// The body of GET /api/v1/ticket-types: what is on sale now, as JSON. A ?voucher= code is looked up through
// lookUpVoucher (throttled per client); a code that cannot be used gives exactly the listing without one.
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { getEventBySlug } from '../programme/queries';
import { lookUpVoucher } from './voucher-lookup';
import { listOnSale } from './on-sale';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export async function ticketTypesListing(ctx: Ctx, input: { voucherCode: string; clientKey: string | null }) {
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  const code = input.voucherCode.trim();
  const voucher = code ? await lookUpVoucher(ctx, { eventId: event.id, code, clientKey: input.clientKey }) : null;
  const { ticketTypes, workshops } = await listOnSale(ctx, event, voucher);
  return {
    event: { slug: event.slug, currency: event.currency, holdMinutes: event.holdMinutes },
    ticketTypes: ticketTypes.map(({ questions, nextPrice, ...t }) => ({
      ...t,
      nextPrice: nextPrice ? { ...nextPrice, startsAt: nextPrice.startsAt.toISOString() } : null,
      questions: questions.map(({ key, label, help, kind, options, isRequired }) => ({
        key,
        label,
        help,
        kind,
        options,
        isRequired,
      })),
    })),
    workshops: workshops.map((w) => ({ ...w, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
  };
}

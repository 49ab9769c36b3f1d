// GET /api/v1/ticket-types: what is on sale now, with public labels, prices and seats left.
// ?voucher=CODE also lists the hidden types that voucher unlocks.
import { connection, type NextRequest } from 'next/server';
import { errorResponse } from '@/app/_lib/http';
import { getRequestContext } from '@/app/_lib/request-context';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';
import { listOnSale } from '@/lib/registration/on-sale';
import { findVoucher } from '@/lib/vouchers/queries';

export async function GET(request: NextRequest) {
  await connection();
  try {
    const ctx = await getRequestContext();
    const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
    if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
    const code = request.nextUrl.searchParams.get('voucher')?.trim() ?? '';
    const voucher = /^[A-Za-z0-9_-]{1,40}$/.test(code) ? await findVoucher(ctx.db, event.id, code) : null;
    const { ticketTypes, workshops } = await listOnSale(ctx, event, voucher);
    return Response.json({
      event: { slug: event.slug, currency: event.currency, holdMinutes: event.holdMinutes },
      ticketTypes: ticketTypes.map(({ questions, nextPrice, ...t }) => ({
        ...t,
        nextPrice: nextPrice ? { ...nextPrice, startsAt: nextPrice.startsAt.toISOString() } : null,
        questions: questions.map(({ key, label, help, kind, options, isRequired }) => ({ key, label, help, kind, options, isRequired })),
      })),
      workshops: workshops.map((w) => ({ ...w, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString() })),
    }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, 'GET /api/v1/ticket-types');
  }
}

// What a ticket token (the secret a QR code carries) and an order link open without a session: the QR image
// itself and calendar files. A revoked token (the ticket was passed on or cancelled) opens nothing, and an order
// that is not paid has no tickets to show. Tokens are only ever looked up by their hash.
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { orders, ticketTokens, tickets } from '@/db/schema';
import type { AppContext } from '../context';
import { loadDayWindows, ticketsCalendar } from '../email/calendar';
import { qrPngBase64, ticketQrPayload } from '../links/secret-links';
import { calendarTicket, loadOrderEmailData, sameAddress } from '../email/order-data';
import { getOrderByToken } from '../orders/queries';
import { hashToken } from '../tokens';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * The live ticket a token belongs to (not revoked, not lapsed, on a paid order), or null. Cancelling or refunding
 * an order revokes its tokens (lib/tickets/revoke.ts); the order's status is checked as well, so a token issued by
 * an email composed after that still opens nothing. A page token (the attendee's own page) opens the calendar
 * too, but never draws a QR code: that would put it on a door code.
 */
async function liveTicket(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  token: string,
  purposes: ('qr' | 'page')[],
): Promise<{ ticketId: string; orderId: string } | null> {
  if (!TOKEN.test(token)) return null;
  const [row] = await ctx.db
    .select({ ticketId: tickets.id, orderId: tickets.orderId })
    .from(ticketTokens)
    .innerJoin(tickets, eq(tickets.id, ticketTokens.ticketId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(
      and(
        eq(ticketTokens.tokenHash, hashToken(token)),
        isNull(ticketTokens.revokedAt),
        inArray(ticketTokens.purpose, purposes),
        or(isNull(ticketTokens.expiresAt), gt(ticketTokens.expiresAt, ctx.clock.now())),
        eq(orders.status, 'paid'),
      ),
    );
  return row ?? null;
}

/** The QR code of a live ticket token as PNG bytes; null when the token is unknown or revoked. */
export async function ticketQrPng(ctx: Pick<Ctx, 'db' | 'clock'>, token: string): Promise<Buffer | null> {
  const found = await liveTicket(ctx, token, ['qr']);
  if (!found) return null;
  return Buffer.from(await qrPngBase64(ticketQrPayload(token)), 'base64');
}

async function calendarFor(
  ctx: Ctx,
  orderId: string,
  pick: (t: { id: string; email: string }) => 'all' | 'days' | 'none',
): Promise<string | null> {
  const data = await loadOrderEmailData(ctx.db, orderId);
  if (!data || data.order.status !== 'paid') return null;
  const chosen = data.tickets.flatMap((t) => {
    const p = pick(t);
    return p === 'none' ? [] : [calendarTicket(t, p === 'all')];
  });
  if (chosen.length === 0) return null;
  const days = await loadDayWindows(ctx.db, data.event);
  return ticketsCalendar(data.event, chosen, { appUrl: ctx.config.APP_URL, now: ctx.clock.now(), days });
}

/** One attendee's calendar (event days their ticket admits, and their workshops), by their ticket token. */
export async function ticketCalendarByToken(ctx: Ctx, token: string): Promise<string | null> {
  const found = await liveTicket(ctx, token, ['qr', 'page']);
  if (!found) return null;
  return calendarFor(ctx, found.orderId, (t) => (t.id === found.ticketId ? 'all' : 'none'));
}

/**
 * The buyer's calendar, by an order link: every day the order's tickets admit, and the workshops of the tickets
 * in the buyer's own name (the other attendees have their own ticket email and calendar).
 */
export async function orderCalendarByToken(ctx: Ctx, token: string): Promise<string | null> {
  const view = await getOrderByToken(ctx, token);
  if (!view || view.status !== 'paid') return null;
  return calendarFor(ctx, view.order.id, (t) => (sameAddress(t.email, view.order.buyerEmail) ? 'all' : 'days'));
}

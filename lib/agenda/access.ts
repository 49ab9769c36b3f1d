// The only way into a personal agenda: the order's secret link, a paid order, and one of that order's own
// tickets. A ticket id from anywhere else reads as unknown, exactly like a wrong link.
import { and, eq } from 'drizzle-orm';
import { tickets, type Order } from '@/db/schema';
import type { AppContext } from '../context';
import { getOrderByToken } from '../orders/queries';
import { isUuid } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface AgendaTicket {
  id: string;
  badgeName: string;
  label: string;
}

export interface AgendaAccess {
  order: Order;
  tickets: AgendaTicket[];
  ticket: AgendaTicket & { feedVersion: number; feedShowsTitles: boolean };
}

export type AgendaAccessResult =
  { state: 'ok'; access: AgendaAccess } | { state: 'not_paid'; order: Order } | { state: 'unknown' };

/** @param ticketId one of the order's tickets, or null for its first. */
export async function resolveAgendaTicket(
  ctx: Ctx,
  token: string,
  ticketId: string | null,
): Promise<AgendaAccessResult> {
  const view = await getOrderByToken(ctx, token);
  if (!view) return { state: 'unknown' };
  const wanted = ticketId?.toLowerCase() ?? null;
  if (wanted !== null && (!isUuid(wanted) || !view.tickets.some((t) => t.id === wanted))) return { state: 'unknown' };
  if (view.status !== 'paid') return { state: 'not_paid', order: view.order };
  const list = view.tickets.map((t) => ({ id: t.id, badgeName: t.badgeName, label: t.label }));
  const chosen = list.find((t) => t.id === wanted) ?? list[0];
  if (!chosen) return { state: 'unknown' };
  const [row] = await ctx.db
    .select({ feedVersion: tickets.feedVersion, feedShowsTitles: tickets.feedShowsTitles })
    .from(tickets)
    .where(and(eq(tickets.id, chosen.id), eq(tickets.orderId, view.order.id)));
  if (!row) return { state: 'unknown' };
  return { state: 'ok', access: { order: view.order, tickets: list, ticket: { ...chosen, ...row } } };
}

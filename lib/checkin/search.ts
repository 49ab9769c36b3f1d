// Manual look-up at the desk, by name (badge or legal) or order reference, within the list's event. Each match
// carries only what check-in staff need: badge name, the ticket's public label, the order reference, whether
// the order is paid and whether the ticket is already in on this list. Never emails, money or answers.
import { escapeLike } from '../like';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { hasArrangementSql } from '../access/requests';
import type { CheckinListView } from './lists';

export interface CheckinSearchMatch {
  ticketId: string;
  badgeName: string;
  ticketType: string;
  orderReference: string;
  isPaid: boolean;
  checkedInAt: Date | null;
  /** Only that there is one: the details stay with the accessibility team. */
  hasAccessArrangement: boolean;
}

export const MIN_SEARCH_LENGTH = 2;
const LIMIT = 20;

export async function searchCheckinTickets(
  ctx: Pick<AppContext, 'db'>,
  list: CheckinListView,
  query: string,
): Promise<CheckinSearchMatch[]> {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ').slice(0, 100);
  if (q.length < MIN_SEARCH_LENGTH) return [];
  const pattern = `%${escapeLike(q)}%`;
  const rows = await ctx.db.execute<{
    ticket_id: string;
    badge_name: string;
    public_label: string;
    reference: string;
    status: string;
    checked_in_at: string | null;
    has_access: boolean;
  }>(sql`
    select t.id as ticket_id, t.badge_name, tt.public_label, o.reference, o.status, c.checked_in_at, ${hasArrangementSql} as has_access
    from tickets t
    join orders o on o.id = t.order_id
    join ticket_types tt on tt.id = t.ticket_type_id
    left join check_ins c on c.ticket_id = t.id and c.list_id = ${list.id}::uuid
    where o.event_id = ${list.eventId}::uuid and o.status in ('paid', 'cancelled', 'refunded')
      and (t.search_text like ${pattern} or lower(o.reference) like ${pattern})
    order by (o.status = 'paid') desc, lower(t.badge_name), o.reference, t.position
    limit ${LIMIT}`);
  return [...rows].map((r) => ({
    ticketId: r.ticket_id,
    badgeName: r.badge_name,
    ticketType: r.public_label,
    orderReference: r.reference,
    isPaid: r.status === 'paid',
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null,
    hasAccessArrangement: r.has_access,
  }));
}

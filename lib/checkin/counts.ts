// Live check-in figures per list: how many are in, out of how many the list admits (lib/checkin/admission.ts).
// Read by the check-in page and the dashboard; one statement for every list of the event.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { admittedSql } from './admission';
import { isUuid } from '../validation';

export interface CheckinCount {
  listId: string;
  name: string;
  checkedIn: number;
  expected: number;
}

export async function getCheckinCounts(ctx: Pick<AppContext, 'db'>, eventId: string): Promise<CheckinCount[]> {
  if (!isUuid(eventId)) return [];
  const rows = await ctx.db.execute<{ list_id: string; name: string; checked_in: number; expected: number }>(sql`
    select l.id as list_id, l.name,
      (select count(*)::int from check_ins c where c.list_id = l.id) as checked_in,
      (select count(*)::int from tickets t
         join orders o on o.id = t.order_id
         join ticket_types tt on tt.id = t.ticket_type_id
       where o.event_id = l.event_id and ${admittedSql}) as expected
    from checkin_lists l
    join events e on e.id = l.event_id
    left join sessions s on s.id = l.session_id
    where l.event_id = ${eventId}::uuid
    order by l.sort_order, s.starts_at nulls first, l.name`);
  return [...rows].map((r) => ({
    listId: r.list_id,
    name: r.name,
    checkedIn: Number(r.checked_in),
    expected: Number(r.expected),
  }));
}

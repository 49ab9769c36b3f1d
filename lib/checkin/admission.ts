// Who a check-in list admits, as one SQL condition shared by the scan and the counts, so "expected" and the
// scanner's answer can never disagree. A list admits in-person tickets of paid orders of its event: the entrance
// every one of them; a workshop the tickets holding a seat in it; any other session every ticket, except day
// passes for another day.
import { sql, type SQL } from 'drizzle-orm';

/**
 * True when ticket `t` (joined with its order `o`, type `tt`) is admitted by list `l` (joined with its session
 * `s`, left join, and event `e`). The order's status and the event are checked here too.
 */
export const admittedSql: SQL = sql`(
  o.status = 'paid' and o.event_id = l.event_id and tt.attendance = 'in_person' and (
    l.session_id is null
    or (s.format = 'workshop' and exists (select 1 from workshop_seats ws where ws.ticket_id = t.id and ws.session_id = s.id))
    or (s.format <> 'workshop' and (tt.valid_on is null or tt.valid_on = to_char(s.starts_at at time zone e.timezone, 'YYYY-MM-DD')))
  )
)`;

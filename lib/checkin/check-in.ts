// Checking a ticket in on a list, by the token its QR code carries or by the ticket's id (manual search). The
// answer is one of the outcomes in result.ts. Two staff scanning the same ticket at once record ONE check-in:
// the row is inserted with ON CONFLICT (list, ticket) DO NOTHING, and whoever inserts nothing is told
// "already checked in" with the winner's time and name. The check-in and its audit entry commit together.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { hashToken } from '../tokens';
import { dateInZone, formatDay } from '../time';
import { hasArrangementSql } from '../access/requests';
import { admittedSql } from './admission';
import { isUuid } from '../validation';
import { getCheckinList, type CheckinListView } from './lists';
import type { CheckinResult } from './result';
import { normalizeScannedToken } from './token';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export interface CheckinStaff {
  id: string;
  email: string;
  name: string;
}

export type TicketRef = { token: string } | { ticketId: string };

interface ScanRow extends Record<string, unknown> {
  ticket_id: string;
  badge_name: string;
  public_label: string;
  attendance: string;
  valid_on: string | null;
  reference: string;
  order_id: string;
  order_status: string;
  same_event: boolean;
  admitted: boolean;
  has_seat: boolean;
  revoked_reason: string | null;
  revoked: boolean;
  has_access: boolean;
}

async function loadScan(db: DbOrTx, listId: string, ref: TicketRef): Promise<ScanRow | null> {
  const ticket =
    'token' in ref
      ? // Only QR tokens admit: a ticket's private page link (purpose 'page') is no door code.
        sql`join ticket_tokens tk on tk.token_hash = ${hashToken(ref.token)} and tk.purpose = 'qr' join tickets t on t.id = tk.ticket_id`
      : sql`join tickets t on t.id = ${ref.ticketId}::uuid`;
  const revoked =
    'token' in ref
      ? sql`tk.revoked_reason, tk.revoked_at is not null as revoked`
      : sql`null::text as revoked_reason, false as revoked`;
  const rows = await db.execute<ScanRow>(sql`
    select t.id as ticket_id, t.badge_name, tt.public_label, tt.attendance, tt.valid_on, o.reference, o.id as order_id,
      o.status as order_status, o.event_id = l.event_id as same_event, ${admittedSql} as admitted,
      exists (select 1 from workshop_seats ws where ws.ticket_id = t.id and ws.session_id = l.session_id) as has_seat,
      ${hasArrangementSql} as has_access,
      ${revoked}
    from checkin_lists l
    join events e on e.id = l.event_id
    left join sessions s on s.id = l.session_id
    ${ticket}
    join orders o on o.id = t.order_id
    join ticket_types tt on tt.id = t.ticket_type_id
    where l.id = ${listId}::uuid`);
  return rows[0] ?? null;
}

const ORDER_REFUSALS: Record<string, string> = {
  cancelled: 'This registration was cancelled.',
  refunded: 'This registration was refunded.',
  expired: 'This registration was never paid: its hold expired.',
  pending_payment: 'This registration is not paid yet.',
};

/** Why a ticket of this event in a paid order is not admitted by the list (see admission.ts). */
function refusal(list: CheckinListView, row: ScanRow, today: string): string | null {
  if (row.attendance !== 'in_person')
    return `${row.public_label} is for online attendance: it does not admit in person.`;
  if (!row.admitted) {
    if (list.session?.format === 'workshop' && !row.has_seat) return `No seat booked in “${list.session.title}”.`;
    if (row.valid_on) return `This day pass is for ${formatDay(row.valid_on)}.`;
    return 'This ticket does not admit to this list.';
  }
  // The entrance admits a day pass on its own day only.
  if (!list.session && row.valid_on && row.valid_on !== today)
    return `This day pass is for ${formatDay(row.valid_on)}, not today.`;
  return null;
}

/** The list, or NOT_FOUND: a stale page or a hand-made request naming a list that does not exist. */
export async function loadListOrFail(ctx: Pick<AppContext, 'db'>, listId: string): Promise<CheckinListView> {
  const list = await getCheckinList(ctx, listId);
  if (!list)
    throw new DomainError('NOT_FOUND', 'This check-in list does not exist. Go back to the lists and choose one.');
  return list;
}

export async function checkInTicket(
  ctx: Ctx,
  input: { listId: string; ref: TicketRef; staff: CheckinStaff },
): Promise<CheckinResult> {
  const { staff } = input;
  const list = await loadListOrFail(ctx, input.listId);
  const base = { listId: list.id, listName: list.name, timezone: list.timezone };
  let ref = input.ref;
  if ('token' in ref) {
    if (!ref.token.trim())
      throw new DomainError('VALIDATION', 'Scan a ticket or type its code.', {
        token: ['Scan a ticket or type its code.'],
      });
    const token = normalizeScannedToken(ref.token);
    if (!token) return { ...base, outcome: 'unknown' };
    ref = { token };
  } else if (!isUuid(ref.ticketId)) {
    return { ...base, outcome: 'unknown' };
  }
  const row = await loadScan(ctx.db, list.id, ref);
  if (!row) return { ...base, outcome: 'unknown' };
  if (!row.same_event) return { ...base, outcome: 'wrong_event' };
  if (row.revoked && row.revoked_reason === 'transferred') {
    return { ...base, outcome: 'transferred', reason: 'This QR code was replaced: the ticket was transferred.' };
  }
  const who = {
    ticketId: row.ticket_id,
    badgeName: row.badge_name,
    ticketType: row.public_label,
    orderReference: row.reference,
    hasAccessArrangement: row.has_access,
  };
  if (row.order_status !== 'paid' || row.revoked) {
    const reason =
      ORDER_REFUSALS[row.order_status] ??
      (row.revoked_reason === 'cancelled' ? ORDER_REFUSALS.cancelled : 'This QR code is no longer valid.');
    return { ...base, ...who, outcome: 'cancelled', reason };
  }
  const refused = refusal(list, row, dateInZone(ctx.clock.now(), list.timezone));
  if (refused) return { ...base, ...who, outcome: 'not_valid_for_list', reason: refused };
  return record(ctx, list, row, staff, who);
}

async function record(
  ctx: Ctx,
  list: CheckinListView,
  row: ScanRow,
  staff: CheckinStaff,
  who: Partial<CheckinResult>,
): Promise<CheckinResult> {
  const base = { listId: list.id, listName: list.name, timezone: list.timezone, ...who };
  const byLabel = staff.name || staff.email;
  // An undo can delete the winner's row between our insert and our read; then the insert is simply tried again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = ctx.clock.now();
    const result = await ctx.db.transaction(async (tx): Promise<CheckinResult | null> => {
      const inserted = await tx.execute<{ checked_in_at: string }>(sql`
        insert into check_ins (list_id, ticket_id, checked_in_at, by_user_id, by_label)
        values (${list.id}::uuid, ${row.ticket_id}::uuid, ${now.toISOString()}::timestamptz, ${staff.id}::uuid, ${byLabel})
        on conflict (list_id, ticket_id) do nothing returning checked_in_at`);
      if (inserted.length) {
        const actor: AuditActor = { type: 'user', userId: staff.id, label: staff.email };
        await recordAudit(tx, {
          actor,
          action: 'checkin.create',
          eventId: list.eventId,
          orderId: row.order_id,
          targetType: 'ticket',
          targetId: row.ticket_id,
          at: now,
          summary: `Checked in ${row.badge_name} at ${list.name}`,
          details: { listId: list.id },
        });
        return { ...base, outcome: 'valid', checkedInAt: now, checkedInBy: byLabel };
      }
      const [earlier] = await tx.execute<{ checked_in_at: string; by_label: string }>(sql`
        select checked_in_at, by_label from check_ins where list_id = ${list.id}::uuid and ticket_id = ${row.ticket_id}::uuid`);
      if (!earlier) return null;
      return {
        ...base,
        outcome: 'already_checked_in',
        checkedInAt: new Date(earlier.checked_in_at),
        checkedInBy: earlier.by_label,
      };
    });
    if (result) return result;
  }
  throw new DomainError('BUSY', 'This ticket is being changed by someone else right now. Please scan it again.');
}

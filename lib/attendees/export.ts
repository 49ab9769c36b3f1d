// The attendee CSV export: streamed from a server-side cursor (never every row in memory), with the columns the
// viewer's role may see (sensitive answers and pronouns only with 'attendees.sensitive', money only with 'orders.view'), every
// cell escaped per RFC 4180 and defused against formula injection, and an audit entry per export. Sealed values
// are opened batch by batch as they are streamed; with sensitive columns, each batch also records which
// attendees' sensitive answers it carried (lib/privacy/sensitive-access.ts), so each of them can see the export.
import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type postgres from 'postgres';
import { toQuery } from '@/db/client';
import { questions, type UserRole } from '@/db/schema';
import { recordAudit, staffActor } from '../audit/record';
import { openAnswer, openPronouns } from '../privacy/sealed';
import { noteTicketsSeen, recordSensitiveAccess } from '../privacy/sensitive-access';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { minorUnitFactor } from '../money';
import { getEventOrThrow } from '../programme/build';
import { dateInZone } from '../time';
import { parseInput } from '../validation';
import { can } from '../staff/permissions';
import { attendeeFilterSchema, effectiveStatusSql, eventTicketTypeIds, matchingTickets } from './search';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;
type Cell = string | number | boolean | null | undefined;

/** Rows fetched from the cursor per round trip; also the most rows held in memory at once. */
export const EXPORT_BATCH_ROWS = 1000;

/**
 * One CSV field. A value a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return)
 * gets a leading apostrophe; a value with a quote, comma or line break is quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 asks. */
export function csvRow(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export interface ExportViewer {
  id: string;
  email: string;
  name?: string;
  role: UserRole;
}
/** Filters as they arrive (query-string text); validated here with the search's own schema. */
export interface AttendeeExportInput {
  eventId: string;
  q?: string;
  status?: string;
  ticketTypeId?: string;
  sessionId?: string;
  viewer: ExportViewer;
}

export interface AttendeeExport {
  filename: string;
  columns: string[];
  includesSensitive: boolean;
  includesFinancial: boolean;
  stream: ReadableStream<Uint8Array>;
}

/** An answer as the query returns it: [plain value, ciphertext, key id]. */
type StoredAnswer = [string | null, string | null, string | null];

interface ExportRow extends Record<string, unknown> {
  id: string;
  reference: string;
  status: string;
  ticket: string;
  legal_name: string;
  badge_name: string;
  email: string;
  pronouns?: string;
  pronouns_cipher?: string | null;
  pronouns_key_id?: string | null;
  directory_opt_in: boolean;
  photo_preference: string;
  workshops: string | null;
  answers: Record<string, StoredAnswer> | null;
  ticket_amount?: number;
  amount_paid?: number;
  amount_refunded?: number;
}

function decimal(amount: number | undefined, currency: string): string {
  const factor = minorUnitFactor(currency);
  return ((amount ?? 0) / factor).toFixed(Math.round(Math.log10(factor)));
}

export async function exportAttendeesCsv(ctx: Ctx, input: AttendeeExportInput): Promise<AttendeeExport> {
  const { viewer, ...rawFilters } = input;
  if (!can(viewer.role, 'attendees.export'))
    throw new DomainError('FORBIDDEN', 'Your account does not have access to this.');
  const filters = parseInput(attendeeFilterSchema, rawFilters, 'Please correct the export filters.');
  if (!('$client' in ctx.db))
    throw new Error('The export streams on a connection of its own: pass the pool, not a transaction');
  const client: postgres.Sql = ctx.db.$client;
  const event = await getEventOrThrow(ctx, filters.eventId);
  const now = ctx.clock.now();

  const matching = matchingTickets(filters, await eventTicketTypeIds(ctx, event.id), now);
  const includesSensitive = can(viewer.role, 'attendees.sensitive');
  const includesFinancial = can(viewer.role, 'orders.view');
  const shown = (
    await ctx.db
      .select({ id: questions.id, label: questions.label, isSensitive: questions.isSensitive })
      .from(questions)
      .where(eq(questions.eventId, event.id))
      .orderBy(asc(questions.sortOrder), asc(questions.key))
  ).filter((q) => includesSensitive || !q.isSensitive);
  const sensitiveIds = new Set(shown.filter((q) => q.isSensitive).map((q) => q.id));
  const columns = [
    'Reference',
    'Order status',
    'Ticket',
    'Legal name',
    'Badge name',
    'Email',
    ...(includesSensitive ? ['Pronouns'] : []),
    'Directory opt-in',
    'Photo preference',
    'Workshops',
    ...shown.map((q) => q.label),
    ...(includesFinancial
      ? [`Ticket amount (${event.currency})`, `Order paid (${event.currency})`, `Order refunded (${event.currency})`]
      : []),
  ];

  // Answers are picked in SQL, so a sensitive answer never leaves the database for a role that may not see it.
  const answers: SQL = shown.length
    ? sql`(select jsonb_object_agg(a.question_id, jsonb_build_array(a.value, a.value_cipher, a.key_id)) from answers a where a.ticket_id = t.id
        and a.question_id in (${sql.join(
          shown.map((q) => sql`${q.id}::uuid`),
          sql`, `,
        )}))`
    : sql`null::jsonb`;
  const money: SQL = includesFinancial
    ? sql`, t.price - t.discount as ticket_amount, o.amount_paid, o.amount_refunded`
    : sql``;
  const query = toQuery(sql`
    select t.id, o.reference, ${effectiveStatusSql(now)} as status, tt.internal_label as ticket, t.legal_name, t.badge_name,
      t.email, ${includesSensitive ? sql`t.pronouns, t.pronouns_cipher, t.pronouns_key_id,` : sql``} t.directory_opt_in, t.photo_preference::text as photo_preference,
      (select string_agg(s.title, '; ' order by s.starts_at, s.title) from workshop_seats ws
        join sessions s on s.id = ws.session_id where ws.ticket_id = t.id) as workshops,
      ${answers} as answers ${money}
    from (${matching ?? sql`select null::uuid as id where false`}) m join tickets t on t.id = m.id
      join orders o on o.id = t.order_id join ticket_types tt on tt.id = t.ticket_type_id
    order by o.created_at, o.reference, t.position, t.id`);

  const { eventId: _e, ...auditFilters } = filters;
  const entry = {
    action: 'attendees.export',
    eventId: event.id,
    targetType: 'event',
    targetId: event.id,
    summary: `Exported the attendee list as CSV${includesSensitive ? ', with sensitive answers' : ', without sensitive answers'}`,
    details: { filters: auditFilters, sensitiveColumns: includesSensitive, financialColumns: includesFinancial },
  };
  const auditId = includesSensitive
    ? await recordSensitiveAccess(ctx.db, { ...entry, reader: viewer, why: 'exported', ticketIds: [], at: now })
    : await recordAudit(ctx.db, { ...entry, actor: staffActor(viewer), at: now });

  const answerText = (stored: StoredAnswer | undefined): string =>
    stored ? openAnswer(ctx.vault, { value: stored[0], valueCipher: stored[1], keyId: stored[2] }) : '';
  const toCells = (r: ExportRow): Cell[] => [
    r.reference,
    r.status,
    r.ticket,
    r.legal_name,
    r.badge_name,
    r.email,
    ...(includesSensitive
      ? [
          openPronouns(ctx.vault, {
            pronouns: r.pronouns ?? '',
            pronounsCipher: r.pronouns_cipher ?? null,
            pronounsKeyId: r.pronouns_key_id ?? null,
          }),
        ]
      : []),
    r.directory_opt_in,
    r.photo_preference === 'ok' ? 'photos ok' : 'no photos',
    r.workshops ?? '',
    ...shown.map((q) => answerText(r.answers?.[q.id])),
    ...(includesFinancial
      ? [
          decimal(r.ticket_amount, event.currency),
          decimal(r.amount_paid, event.currency),
          decimal(r.amount_refunded, event.currency),
        ]
      : []),
  ];
  const encoder = new TextEncoder();
  let rows: AsyncIterator<ExportRow[]> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    // The byte order mark lets spreadsheet programs read the names as UTF-8.
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(columns)}`));
    },
    // Pulled only when the reader wants more, so a slow download holds one batch, not the whole list.
    async pull(controller) {
      rows ??= client
        .unsafe<ExportRow[]>(query.sql, query.params, { prepare: false })
        .cursor(EXPORT_BATCH_ROWS)
        [Symbol.asyncIterator]();
      const next = await rows.next();
      if (next.done) return controller.close();
      const withSensitive = next.value
        .filter(
          (r) => r.pronouns_cipher || r.pronouns || Object.keys(r.answers ?? {}).some((id) => sensitiveIds.has(id)),
        )
        .map((r) => r.id);
      // Recorded before the batch leaves, so nobody's sensitive answers go out unrecorded.
      if (withSensitive.length) await noteTicketsSeen(ctx.db, auditId, withSensitive, now);
      controller.enqueue(encoder.encode(next.value.map((r) => csvRow(toCells(r))).join('')));
    },
    async cancel() {
      await rows?.return?.();
    },
  });

  return {
    filename: `attendees-${dateInZone(now, event.timezone)}.csv`,
    columns,
    includesSensitive,
    includesFinancial,
    stream,
  };
}

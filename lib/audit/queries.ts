// The audit log as owners read it: newest first, a page at a time, filtered by action, actor, order reference and
// a date range of the event's calendar days. Filters arrive as untrusted query strings and are parsed here; a
// bad value is a field error, never a query.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { paymentEventEntries } from './record';
import { escapeLike } from '../like';
import type { AppContext } from '../context';
import { addDays, zonedTimeToUtc } from '../time';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db'>;

export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters.` })
    .optional()
    .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.iso.date({ error: 'Enter a date like 2030-03-28.' }).optional());

export const auditFilterSchema = z
  .object({
    action: optionalText(100),
    actor: optionalText(254),
    order: optionalText(40),
    from: optionalDate,
    to: optionalDate,
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ['to'],
    message: 'The end date must not be before the start date.',
  });

export const AUDIT_FILTER_KEYS = ['action', 'actor', 'order', 'from', 'to', 'page'] as const;
/** As a query string gives them: each value a string, or missing. */
export type AuditFilterInput = Partial<Record<(typeof AUDIT_FILTER_KEYS)[number], string>>;
export type AuditFilters = z.output<typeof auditFilterSchema>;

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorType: string;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  orderId: string | null;
  orderReference: string | null;
  summary: string;
}

export interface AuditPage {
  filters: AuditFilters;
  entries: AuditRow[];
  page: number;
  hasNext: boolean;
}

/** Parses the filters of a query string; invalid ones throw a DomainError with field errors. */
export function parseAuditFilters(input: AuditFilterInput): AuditFilters {
  return parseInput(auditFilterSchema, input, 'Some filters are not valid.');
}

function conditions(f: AuditFilters, timeZone: string): SQL[] {
  const where: SQL[] = [];
  // "order." matches every order action; "order.refund" exactly that one.
  if (f.action)
    where.push(
      f.action.endsWith('.') ? sql`e.action ilike ${`${escapeLike(f.action)}%`}` : sql`e.action = ${f.action}`,
    );
  if (f.actor) where.push(sql`e.actor_label ilike ${`%${escapeLike(f.actor)}%`}`);
  if (f.order) where.push(sql`o.reference = ${f.order.toUpperCase()}`);
  if (f.from) where.push(sql`e.created_at >= ${zonedTimeToUtc(f.from, '00:00', timeZone).toISOString()}::timestamptz`);
  if (f.to)
    where.push(sql`e.created_at < ${zonedTimeToUtc(addDays(f.to, 1), '00:00', timeZone).toISOString()}::timestamptz`);
  return where;
}

/**
 * One page of the log, newest first: the audit_log rows and the payment provider's events (lib/audit/record.ts).
 * Dates are calendar days in `timeZone` (the event's), both ends included.
 */
export async function listAuditEntries(ctx: Ctx, filters: AuditFilters, timeZone: string): Promise<AuditPage> {
  const offset = (filters.page - 1) * AUDIT_PAGE_SIZE;
  const where = conditions(filters, timeZone);
  const rows = await ctx.db.execute<{
    id: string;
    created_at: string | Date;
    actor_type: string;
    actor_label: string;
    action: string;
    target_type: string | null;
    target_id: string | null;
    order_id: string | null;
    order_reference: string | null;
    summary: string;
  }>(sql`select e.id, e.created_at, e.actor_type, e.actor_label, e.action, e.target_type, e.target_id, e.order_id,
      o.reference as order_reference, e.summary
    from (select id, event_id, actor_type, actor_user_id, actor_label, action, target_type, target_id, order_id, summary, details, created_at
          from audit_log
          union all ${paymentEventEntries}) e
    left join orders o on o.id = e.order_id
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    order by e.created_at desc, e.id desc
    limit ${AUDIT_PAGE_SIZE + 1} offset ${offset}`);
  const entries: AuditRow[] = [...rows].map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at),
    actorType: r.actor_type,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    orderId: r.order_id,
    orderReference: r.order_reference,
    summary: r.summary,
  }));
  return {
    filters,
    entries: entries.slice(0, AUDIT_PAGE_SIZE),
    page: filters.page,
    hasNext: entries.length > AUDIT_PAGE_SIZE,
  };
}

/** The actions that occur in the log, for the filter's list (a walk along the action index, not a scan). */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.execute<{ action: string }>(sql`with recursive a(action) as (
      select min(action) from audit_log
      union all
      select (select min(l.action) from audit_log l where l.action > a.action) from a where a.action is not null
    ) select action from a where action is not null
    union select distinct 'payment.' || type from payment_events
    order by 1 limit 500`);
  return [...rows].map((r) => r.action);
}

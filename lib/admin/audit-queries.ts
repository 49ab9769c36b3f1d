// The audit log as owners read it: newest first, a page at a time, filtered by action, actor, order reference and
// a date range of the event's calendar days. Filters arrive as untrusted query strings and are parsed here; a
// bad value is a field error, never a query.
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, orders } from '@/db/schema';
import type { AppContext } from '../context';
import { addDays, zonedTimeToUtc } from '../time';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db'>;

export const AUDIT_PAGE_SIZE = 50;

const optionalText = (max: number) => z.string().trim().max(max, { error: `Use at most ${max} characters.` }).optional()
  .transform((v) => (v ? v : undefined));
const optionalDate = z.string().trim().optional().transform((v) => (v ? v : undefined))
  .pipe(z.iso.date({ error: 'Enter a date like 2030-03-28.' }).optional());

export const auditFilterSchema = z.object({
  action: optionalText(100),
  actor: optionalText(254),
  order: optionalText(40),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'The end date must not be before the start date.' });

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function conditions(f: AuditFilters, timeZone: string): SQL[] {
  const where: SQL[] = [];
  // "order." matches every order action; "order.refund" exactly that one.
  if (f.action) where.push(f.action.endsWith('.') ? ilike(auditLog.action, `${escapeLike(f.action)}%`) : eq(auditLog.action, f.action));
  if (f.actor) where.push(ilike(auditLog.actorLabel, `%${escapeLike(f.actor)}%`));
  if (f.order) where.push(eq(orders.reference, f.order.toUpperCase()));
  if (f.from) where.push(gte(auditLog.createdAt, zonedTimeToUtc(f.from, '00:00', timeZone)));
  if (f.to) where.push(lt(auditLog.createdAt, zonedTimeToUtc(addDays(f.to, 1), '00:00', timeZone)));
  return where;
}

/** One page of the log, newest first. Dates are calendar days in `timeZone` (the event's), both ends included. */
export async function listAuditEntries(ctx: Ctx, filters: AuditFilters, timeZone: string): Promise<AuditPage> {
  const offset = (filters.page - 1) * AUDIT_PAGE_SIZE;
  const rows = await ctx.db.select({
    id: auditLog.id, createdAt: auditLog.createdAt, actorType: auditLog.actorType, actorLabel: auditLog.actorLabel,
    action: auditLog.action, targetType: auditLog.targetType, targetId: auditLog.targetId, orderId: auditLog.orderId,
    orderReference: orders.reference, summary: auditLog.summary,
  }).from(auditLog)
    .leftJoin(orders, eq(orders.id, auditLog.orderId))
    .where(and(...conditions(filters, timeZone)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset(offset);
  return { filters, entries: rows.slice(0, AUDIT_PAGE_SIZE), page: filters.page, hasNext: rows.length > AUDIT_PAGE_SIZE };
}

/** The actions that occur in the log, for the filter's list (a walk along the action index, not a scan). */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.execute<{ action: string }>(sql`with recursive a(action) as (
      select min(action) from audit_log
      union all
      select (select min(l.action) from audit_log l where l.action > a.action) from a where a.action is not null
    ) select action from a where action is not null limit 500`);
  return [...rows].map((r) => r.action);
}

// What every programme change shares: the context it needs, who acts on which event, the unique-violation
// mapping that turns a lost race on a slug or name into a field message, and free slugs.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { uniqueViolationConstraint } from '@/db/errors';
import type { AuditActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { isUuid } from '../validation';

export type ProgrammeCtx = Pick<AppContext, 'db' | 'clock'>;

/** Who changes which event's programme. */
export interface ProgrammeCommand {
  eventId: string;
  actor: AuditActor;
}

/** Ids come from URLs and hidden fields: anything but a uuid is simply not found (and never reaches SQL). */
export function assertId(id: string, what: string): string {
  if (!isUuid(id)) throw new DomainError('NOT_FOUND', `${what} not found. It may have been deleted.`);
  return id.toLowerCase();
}

export function notFound(what: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} not found. It may have been deleted.`);
}

/** Runs a write; a unique violation on one of `constraints` becomes a CONFLICT on the named field. */
export async function mapUnique<T>(
  run: () => Promise<T>,
  constraints: Record<string, { field: string; message: string }>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const name = uniqueViolationConstraint(error);
    const hit = name !== null ? constraints[name] : undefined;
    if (hit) throw new DomainError('CONFLICT', hit.message, { [hit.field]: [hit.message] });
    throw error;
  }
}

/**
 * The slug itself when no row of the event uses it, else the first free `slug-N` (N from 2). Used for slugs
 * derived from a name; a slug the organizer typed is checked with slugTaken and refused instead.
 */
export async function freeSlug(
  db: DbOrTx,
  table: PgTable & { eventId: PgColumn; slug: PgColumn },
  eventId: string,
  base: string,
): Promise<string> {
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(eq(table.eventId, eventId), sql`${table.slug} ~ ${`^${base}(-[0-9]+)?$`}`));
  const used = new Set(rows.map((r) => r.slug as string));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Whether another row of the event (not `exceptId`) already uses the slug. */
export async function slugTaken(
  db: DbOrTx,
  table: PgTable & { id: PgColumn; eventId: PgColumn; slug: PgColumn },
  eventId: string,
  slug: string,
  exceptId?: string,
): Promise<boolean> {
  const conditions: SQL[] = [eq(table.eventId, eventId), eq(table.slug, slug)];
  if (exceptId) conditions.push(sql`${table.id} <> ${exceptId}`);
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(and(...conditions))
    .limit(1);
  return Boolean(row);
}

/** "1 session", "3 sessions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

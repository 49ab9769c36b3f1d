// What every programme change shares: the context it needs, who acts on which event, the unique-violation
// mapping that turns a lost race on a slug or name into a field message, free slugs, the locked row of the
// event (or "not found"), the "still in use" refusal and the audit entry each change commits with.
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '@/db/client';
import { uniqueViolationConstraint } from '@/db/errors';
import { recordAudit, type AuditActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { slugify } from '../slug';
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

/** Runs `work` in one transaction, with mapUnique's field messages for a unique violation on `constraints`. */
export function transactUnique<T>(
  ctx: ProgrammeCtx,
  constraints: Record<string, { field: string; message: string }>,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return mapUnique(() => ctx.db.transaction(work), constraints);
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

/**
 * The slug a saved row gets: the one the organizer typed (refused with CONFLICT `taken` on the slug field when
 * another row of the event uses it), else the one it already has, else a free one derived from `name`.
 */
export async function slugFor(
  db: DbOrTx,
  table: PgTable & { id: PgColumn; eventId: PgColumn; slug: PgColumn },
  eventId: string,
  row: { typed?: string | null; current?: string; name: string; id?: string },
  taken: string,
): Promise<string> {
  const slug = row.typed ?? row.current;
  if (slug && slug !== row.current && (await slugTaken(db, table, eventId, slug, row.id))) {
    throw new DomainError('CONFLICT', taken, { slug: [taken] });
  }
  return slug ?? (await freeSlug(db, table, eventId, slugify(row.name)));
}

/** Refuses (CONFLICT `taken` on the name field) a name another row of the event has, ignoring case. */
export async function assertNameFree(
  db: DbOrTx,
  table: PgTable & { id: PgColumn; eventId: PgColumn; name: PgColumn },
  eventId: string,
  name: string,
  taken: string,
  exceptId?: string,
): Promise<void> {
  const [row] = await db
    .select({ id: table.id })
    .from(table)
    .where(
      and(
        eq(table.eventId, eventId),
        sql`lower(${table.name}) = lower(${name})`,
        exceptId ? sql`${table.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (row) throw new DomainError('CONFLICT', taken, { name: [taken] });
}

/** "1 session", "3 sessions". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The event's row of `table` with this id, locked until the transaction ends (`update` by default); NOT_FOUND
 * naming `what` when there is none (deleted, or another event's).
 */
export async function lockEventRow<T extends PgTable & { id: PgColumn; eventId: PgColumn }>(
  tx: Tx,
  table: T,
  where: { id: string; eventId: string },
  what: string,
  strength: 'update' | 'no key update' = 'update',
): Promise<T['$inferSelect']> {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, where.id), eq(table.eventId, where.eventId)))
    .for(strength);
  if (!row) throw notFound(what);
  return row as T['$inferSelect'];
}

/** Refuses to delete (CONFLICT, with `refusal(n)` as the message) while `n` rows of `column`'s table point at `id`. */
async function assertUnused(tx: Tx, column: PgColumn, id: string, refusal: (n: number) => string): Promise<void> {
  const [used] = await tx
    .select({ n: count() })
    .from(column.table as PgTable)
    .where(eq(column, id));
  if (used && used.n > 0) throw new DomainError('CONFLICT', refusal(used.n));
}

/** The fields among `keys` whose value differs between the row before and after an edit. */
export function changedKeys<R, K extends keyof R>(before: R, after: R, keys: readonly K[]): K[] {
  return keys.filter((k) => before[k] !== after[k]);
}

/** `Edited track "Data" (name, slug)`, or `(no changes)`. */
export function editedSummary(target: string, name: string, changed: readonly string[]): string {
  return `Edited ${target} "${name}"${changed.length ? ` (${changed.join(', ')})` : ' (no changes)'}`;
}

const VERB = { create: 'Added', update: 'Edited', delete: 'Deleted' } as const;

/**
 * The audit entry of a programme change (`<target>.<verb>`, by the command's actor, on its event, now), written in
 * the caller's transaction. An edit names its changed fields in the summary and the details.
 */
export async function auditProgramme(
  tx: Tx,
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand,
  entry: {
    verb: keyof typeof VERB;
    target: 'room' | 'session' | 'speaker' | 'track';
    id: string;
    name: string;
    changed?: readonly string[];
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const { verb, target, id, name, changed } = entry;
  await recordAudit(tx, {
    actor: cmd.actor,
    action: `${target}.${verb}`,
    eventId: cmd.eventId,
    targetType: target,
    targetId: id,
    summary: changed ? editedSummary(target, name, changed) : `${VERB[verb]} ${target} "${name}"`,
    details: changed ? { changed, ...entry.details } : entry.details,
    at: ctx.clock.now(),
  });
}

/**
 * Deletes the event's row of `table` (a room, track or speaker) with its audit entry, or refuses (CONFLICT,
 * nothing deleted) while rows of `usedBy`'s table still point at it. The row is locked first, so a session
 * being saved with it (holding a key-share lock) commits first and is counted, and one saved later waits, then
 * finds it gone.
 */
export async function deleteUnused<T extends PgTable & { id: PgColumn; eventId: PgColumn; name: PgColumn }>(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand,
  spec: {
    table: T;
    target: 'room' | 'speaker' | 'track';
    id: string;
    usedBy: PgColumn;
    refusal: (row: T['$inferSelect'], n: number) => string;
    details?: (row: T['$inferSelect']) => Record<string, unknown>;
  },
): Promise<{ name: string }> {
  const { table, target, id } = spec;
  return ctx.db.transaction(async (tx) => {
    const what = target[0]!.toUpperCase() + target.slice(1);
    const row = await lockEventRow(tx, table, { id, eventId: cmd.eventId }, what);
    await assertUnused(tx, spec.usedBy, id, (n) => spec.refusal(row, n));
    await tx.delete(table as PgTable).where(eq(table.id, id));
    const name = (row as { name: string }).name;
    await auditProgramme(tx, ctx, cmd, { verb: 'delete', target, id, name, details: spec.details?.(row) });
    return { name };
  });
}

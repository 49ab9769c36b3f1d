// Moving a track or a room one place up or down. The event's rows are locked and renumbered 0..n-1 in one
// transaction, so two organizers moving at once queue up and the order never ends with ties or gaps.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { rooms, tracks } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { assertId, notFound, type ProgrammeCommand, type ProgrammeCtx } from './staff-common';
import { moveSchema, type MoveInput } from './staff-schemas';

/**
 * The ids in their new order after moving `id` one place; the same order when it is already at that end.
 * Pure, so the rule is tested without a database.
 */
export function moveWithin(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const at = ids.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

export interface MoveResult {
  moved: boolean;
  name: string;
  position: number;
  of: number;
}

const tables = { track: tracks, room: rooms } as const;
const labels = { track: 'Track', room: 'Room' } as const;

async function move(ctx: ProgrammeCtx, kind: 'track' | 'room', cmd: ProgrammeCommand & MoveInput): Promise<MoveResult> {
  const { id: rawId, direction } = parseInput(moveSchema, { id: cmd.id, direction: cmd.direction });
  const id = assertId(rawId, labels[kind]);
  const table = tables[kind];
  return ctx.db.transaction(async (tx) => {
    // Same order as the public pages read: sortOrder, then name; the id breaks any remaining tie.
    const rows = await tx
      .select({ id: table.id, name: table.name, sortOrder: table.sortOrder })
      .from(table)
      .where(eq(table.eventId, cmd.eventId))
      .orderBy(asc(table.sortOrder), asc(table.name), asc(table.id))
      .for('update');
    const current = rows.find((r) => r.id === id);
    if (!current) throw notFound(labels[kind]);
    const order = moveWithin(
      rows.map((r) => r.id),
      id,
      direction,
    );
    const position = order.indexOf(id);
    const moved = position !== rows.findIndex((r) => r.id === id);
    const stale = rows.filter((r) => r.sortOrder !== order.indexOf(r.id));
    if (stale.length) {
      const cases = sql.join(
        stale.map((r) => sql`when ${r.id}::uuid then ${order.indexOf(r.id)}::int`),
        sql` `,
      );
      await tx
        .update(table)
        .set({ sortOrder: sql`case ${table.id} ${cases} end` })
        .where(
          and(
            eq(table.eventId, cmd.eventId),
            inArray(
              table.id,
              stale.map((r) => r.id),
            ),
          ),
        );
    }
    if (!moved) {
      throw new DomainError('VALIDATION', `"${current.name}" is already ${direction === 'up' ? 'first' : 'last'}.`);
    }
    await recordAudit(tx, {
      actor: cmd.actor,
      action: `${kind}.move`,
      eventId: cmd.eventId,
      targetType: kind,
      targetId: id,
      summary: `Moved ${kind} "${current.name}" ${direction} to position ${position + 1} of ${rows.length}`,
      details: { direction, position: position + 1 },
      at: ctx.clock.now(),
    });
    return { moved, name: current.name, position: position + 1, of: rows.length };
  });
}

export function moveTrack(ctx: ProgrammeCtx, cmd: ProgrammeCommand & MoveInput): Promise<MoveResult> {
  return move(ctx, 'track', cmd);
}

export function moveRoom(ctx: ProgrammeCtx, cmd: ProgrammeCommand & MoveInput): Promise<MoveResult> {
  return move(ctx, 'room', cmd);
}

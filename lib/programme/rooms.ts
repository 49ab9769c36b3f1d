// Rooms: add, edit and remove, each with its audit entry in the same transaction. A room still holding a
// session is never removed (the session would silently lose its place): the organizer moves those first.
import { and, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rooms, sessions, type Room } from '@/db/schema';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import {
  assertId,
  assertUnused,
  auditProgramme,
  changedKeys,
  lockEventRow,
  mapUnique,
  plural,
  type ProgrammeCommand,
  type ProgrammeCtx,
} from './staff-common';
import { roomFormSchema, type RoomFormInput } from './staff-schemas';

const NAME_TAKEN = 'A room with this name already exists';
const unique = { rooms_event_name: { field: 'name', message: NAME_TAKEN } };

async function assertNameFree(tx: Tx, eventId: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: rooms.id })
    .from(rooms)
    .where(
      and(
        eq(rooms.eventId, eventId),
        sql`lower(${rooms.name}) = lower(${name})`,
        exceptId ? sql`${rooms.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (row) throw new DomainError('CONFLICT', NAME_TAKEN, { name: [NAME_TAKEN] });
}

export async function addRoom(ctx: ProgrammeCtx, cmd: ProgrammeCommand & { values: RoomFormInput }): Promise<Room> {
  const data = parseInput(roomFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        await assertNameFree(tx, cmd.eventId, data.name);
        const [last] = await tx
          .select({ n: max(rooms.sortOrder) })
          .from(rooms)
          .where(eq(rooms.eventId, cmd.eventId));
        const [row] = await tx
          .insert(rooms)
          .values({ eventId: cmd.eventId, ...data, sortOrder: (last?.n ?? -1) + 1 })
          .returning();
        await auditProgramme(tx, ctx, cmd, {
          verb: 'create',
          target: 'room',
          id: row!.id,
          name: row!.name,
          details: { capacity: row!.capacity },
        });
        return row!;
      }),
    unique,
  );
}

export async function updateRoom(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { roomId: string; values: RoomFormInput },
): Promise<Room> {
  const id = assertId(cmd.roomId, 'Room');
  const data = parseInput(roomFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await lockEventRow(tx, rooms, { id, eventId: cmd.eventId }, 'Room');
        await assertNameFree(tx, cmd.eventId, data.name, id);
        const [row] = await tx.update(rooms).set(data).where(eq(rooms.id, id)).returning();
        const changed = changedKeys(before, row!, ['name', 'location', 'capacity']);
        await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'room', id, name: row!.name, changed });
        return row!;
      }),
    unique,
  );
}

export async function deleteRoom(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { roomId: string },
): Promise<{ name: string }> {
  const id = assertId(cmd.roomId, 'Room');
  return ctx.db.transaction(async (tx) => {
    // The same row lock sessions take to book the room: a booking in flight finishes first and is counted,
    // a later one waits and then finds the room gone.
    const room = await lockEventRow(tx, rooms, { id, eventId: cmd.eventId }, 'Room');
    await assertUnused(
      tx,
      sessions.roomId,
      id,
      (n) =>
        `"${room.name}" holds ${plural(n, 'session')}. Move ${n === 1 ? 'it' : 'them'} to another room (or to no room) first; nothing was deleted.`,
    );
    await tx.delete(rooms).where(eq(rooms.id, id));
    await auditProgramme(tx, ctx, cmd, { verb: 'delete', target: 'room', id, name: room.name });
    return { name: room.name };
  });
}

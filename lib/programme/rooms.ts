// Rooms: add, edit and remove, each with its audit entry in the same transaction. A room still holding a
// session is never removed (the session would silently lose its place): the organizer moves those first.
import { eq, max } from 'drizzle-orm';
import { rooms, sessions, type Room } from '@/db/schema';
import { parseInput } from '../validation';
import {
  assertId,
  assertNameFree,
  auditProgramme,
  changedKeys,
  deleteUnused,
  lockEventRow,
  plural,
  transactUnique,
  type ProgrammeCommand,
  type ProgrammeCtx,
} from './staff-common';
import { roomFormSchema, type RoomFormInput } from './staff-schemas';

const NAME_TAKEN = 'A room with this name already exists';
const unique = { rooms_event_name: { field: 'name', message: NAME_TAKEN } };

export async function addRoom(ctx: ProgrammeCtx, cmd: ProgrammeCommand & { values: RoomFormInput }): Promise<Room> {
  const data = parseInput(roomFormSchema, cmd.values);
  return transactUnique(ctx, unique, async (tx) => {
    await assertNameFree(tx, rooms, cmd.eventId, data.name, NAME_TAKEN);
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
  });
}

export async function updateRoom(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { roomId: string; values: RoomFormInput },
): Promise<Room> {
  const id = assertId(cmd.roomId, 'Room');
  const data = parseInput(roomFormSchema, cmd.values);
  return transactUnique(ctx, unique, async (tx) => {
    const before = await lockEventRow(tx, rooms, { id, eventId: cmd.eventId }, 'Room');
    await assertNameFree(tx, rooms, cmd.eventId, data.name, NAME_TAKEN, id);
    const [row] = await tx.update(rooms).set(data).where(eq(rooms.id, id)).returning();
    const changed = changedKeys(before, row!, ['name', 'location', 'capacity']);
    await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'room', id, name: row!.name, changed });
    return row!;
  });
}

export async function deleteRoom(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { roomId: string },
): Promise<{ name: string }> {
  // The same row lock sessions take to book the room: a booking in flight finishes first and is counted.
  return deleteUnused(ctx, cmd, {
    table: rooms,
    target: 'room',
    id: assertId(cmd.roomId, 'Room'),
    usedBy: sessions.roomId,
    refusal: (room, n) =>
      `"${room.name}" holds ${plural(n, 'session')}. Move ${n === 1 ? 'it' : 'them'} to another room (or to no room) first; nothing was deleted.`,
  });
}

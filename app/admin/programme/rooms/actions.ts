'use server';
// Room changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { moveRoom } from '@/lib/programme/reorder';
import { addRoom, deleteRoom, updateRoom } from '@/lib/programme/rooms';
import { orderedListActions } from '../_lib/action';
import { roomValues } from '../_lib/form-values';

const rooms = orderedListActions({
  noun: 'room',
  path: '/admin/programme/rooms',
  values: roomValues,
  add: addRoom,
  update: (ctx, cmd, roomId, values) => updateRoom(ctx, { ...cmd, roomId, values }),
  move: moveRoom,
  remove: (ctx, cmd, roomId) => deleteRoom(ctx, { ...cmd, roomId }),
});

export const addRoomAction = rooms.add;
export const updateRoomAction = rooms.update;
export const moveRoomAction = rooms.move;
export const deleteRoomAction = rooms.remove;

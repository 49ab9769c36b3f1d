'use server';
// Room changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { moveRoom } from '@/lib/programme/reorder';
import { addRoom, deleteRoom, updateRoom } from '@/lib/programme/rooms';
import { programmeAction } from '../_lib/action';
import { idOf, roomValues } from '../_lib/form-values';

export const addRoomAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const room = await addRoom(ctx, { eventId, actor, values: roomValues(formData) });
  refresh();
  return `Added the room "${room.name}".`;
});

export const updateRoomAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const room = await updateRoom(ctx, { eventId, actor, roomId: idOf(formData), values: roomValues(formData) });
  refresh();
  return `Saved the room "${room.name}".`;
});

export const moveRoomAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const moved = await moveRoom(ctx, {
    eventId,
    actor,
    id: idOf(formData),
    direction: String(formData.get('direction') ?? '') as 'up' | 'down',
  });
  refresh();
  return `Moved "${moved.name}" to position ${moved.position} of ${moved.of}.`;
});

export const deleteRoomAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  await deleteRoom(ctx, { eventId, actor, roomId: idOf(formData) });
  redirect('/admin/programme/rooms?notice=deleted');
});

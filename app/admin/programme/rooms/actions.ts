'use server';
// Room changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { moveRoom } from '@/lib/programme/reorder';
import { addRoom, deleteRoom, updateRoom } from '@/lib/programme/rooms';
import { staffActor } from '@/lib/audit/record';
import { idOf, programmeEventId, roomValues } from '../_lib/form-values';

export const addRoomAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const room = await addRoom(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), values: roomValues(formData) });
  refresh();
  return `Added the room "${room.name}".`;
});

export const updateRoomAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const room = await updateRoom(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), roomId: idOf(formData), values: roomValues(formData) });
  refresh();
  return `Saved the room "${room.name}".`;
});

export const moveRoomAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const moved = await moveRoom(ctx, {
    eventId: await programmeEventId(ctx), actor: staffActor(user), id: idOf(formData), direction: String(formData.get('direction') ?? '') as 'up' | 'down',
  });
  refresh();
  return `Moved "${moved.name}" to position ${moved.position} of ${moved.of}.`;
});

export const deleteRoomAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  await deleteRoom(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), roomId: idOf(formData) });
  redirect('/admin/programme/rooms?notice=deleted');
});

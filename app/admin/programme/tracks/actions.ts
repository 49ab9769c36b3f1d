'use server';
// Track changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { moveTrack } from '@/lib/programme/reorder';
import { addTrack, deleteTrack, updateTrack } from '@/lib/programme/tracks';
import { staffActor } from '@/lib/audit/record';
import { idOf, programmeEventId, trackValues } from '../_lib/form-values';

export const addTrackAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const track = await addTrack(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), values: trackValues(formData) });
  refresh();
  return `Added the track "${track.name}".`;
});

export const updateTrackAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const track = await updateTrack(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), trackId: idOf(formData), values: trackValues(formData) });
  refresh();
  return `Saved the track "${track.name}".`;
});

export const moveTrackAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const moved = await moveTrack(ctx, {
    eventId: await programmeEventId(ctx), actor: staffActor(user), id: idOf(formData), direction: String(formData.get('direction') ?? '') as 'up' | 'down',
  });
  refresh();
  return `Moved "${moved.name}" to position ${moved.position} of ${moved.of}.`;
});

export const deleteTrackAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  await deleteTrack(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), trackId: idOf(formData) });
  redirect('/admin/programme/tracks?notice=deleted');
});

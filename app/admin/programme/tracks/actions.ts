'use server';
// Track changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { moveTrack } from '@/lib/programme/reorder';
import { addTrack, deleteTrack, updateTrack } from '@/lib/programme/tracks';
import { programmeAction } from '../_lib/action';
import { idOf, trackValues } from '../_lib/form-values';

export const addTrackAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const track = await addTrack(ctx, { eventId, actor, values: trackValues(formData) });
  refresh();
  return `Added the track "${track.name}".`;
});

export const updateTrackAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const track = await updateTrack(ctx, { eventId, actor, trackId: idOf(formData), values: trackValues(formData) });
  refresh();
  return `Saved the track "${track.name}".`;
});

export const moveTrackAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const moved = await moveTrack(ctx, {
    eventId,
    actor,
    id: idOf(formData),
    direction: String(formData.get('direction') ?? '') as 'up' | 'down',
  });
  refresh();
  return `Moved "${moved.name}" to position ${moved.position} of ${moved.of}.`;
});

export const deleteTrackAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  await deleteTrack(ctx, { eventId, actor, trackId: idOf(formData) });
  redirect('/admin/programme/tracks?notice=deleted');
});

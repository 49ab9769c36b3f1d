'use server';
// Track changes from the programme admin: add, edit, move, delete. refresh() shows the result in place.
import { moveTrack } from '@/lib/programme/reorder';
import { addTrack, deleteTrack, updateTrack } from '@/lib/programme/tracks';
import { orderedListActions } from '../_lib/action';
import { trackValues } from '../_lib/form-values';

const tracks = orderedListActions({
  noun: 'track',
  path: '/admin/programme/tracks',
  values: trackValues,
  add: addTrack,
  update: (ctx, cmd, trackId, values) => updateTrack(ctx, { ...cmd, trackId, values }),
  move: moveTrack,
  remove: (ctx, cmd, trackId) => deleteTrack(ctx, { ...cmd, trackId }),
});

export const addTrackAction = tracks.add;
export const updateTrackAction = tracks.update;
export const moveTrackAction = tracks.move;
export const deleteTrackAction = tracks.remove;

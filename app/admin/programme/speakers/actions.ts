'use server';
// Speaker changes from the programme admin: add, edit, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { addSpeaker, deleteSpeaker, updateSpeaker } from '@/lib/programme/speakers';
import { programmeAction } from '../_lib/action';
import { idOf, speakerValues } from '../_lib/form-values';

export const addSpeakerAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const speaker = await addSpeaker(ctx, { eventId, actor, values: speakerValues(formData) });
  refresh();
  return `Added ${speaker.name}.`;
});

export const updateSpeakerAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const speaker = await updateSpeaker(ctx, {
    eventId,
    actor,
    speakerId: idOf(formData),
    values: speakerValues(formData),
  });
  refresh();
  return `Saved ${speaker.name}.`;
});

export const deleteSpeakerAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  await deleteSpeaker(ctx, { eventId, actor, speakerId: idOf(formData) });
  redirect('/admin/programme/speakers?notice=deleted');
});

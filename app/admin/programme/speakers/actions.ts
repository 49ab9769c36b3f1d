'use server';
// Speaker changes from the programme admin: add, edit, delete. refresh() shows the result in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { addSpeaker, deleteSpeaker, updateSpeaker } from '@/lib/programme/speakers';
import { staffActor } from '@/lib/audit/record';
import { idOf, programmeEventId, speakerValues } from '../_lib/form-values';

export const addSpeakerAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const speaker = await addSpeaker(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), values: speakerValues(formData) });
  refresh();
  return `Added ${speaker.name}.`;
});

export const updateSpeakerAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const speaker = await updateSpeaker(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), speakerId: idOf(formData), values: speakerValues(formData) });
  refresh();
  return `Saved ${speaker.name}.`;
});

export const deleteSpeakerAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  await deleteSpeaker(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), speakerId: idOf(formData) });
  redirect('/admin/programme/speakers?notice=deleted');
});

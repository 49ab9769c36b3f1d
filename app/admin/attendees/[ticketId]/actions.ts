'use server';
// Correcting an attendee's details ('attendees.edit'). The session and permission are checked first (adminAction);
// updateAttendee validates everything, refuses sensitive answers from roles that may not see them, and audits.
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { updateAttendee } from '@/lib/attendees/update';

const MAX_ANSWERS = 100;
const KEY = /^[a-z][a-z0-9_]{0,59}$/;

/** The answers the form showed (listed in answerKeys): an unticked checkbox is absent from the form, so false. */
function answersFrom(formData: FormData): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  const keys = formData
    .getAll('answerKeys')
    .filter((k): k is string => typeof k === 'string' && KEY.test(k))
    .slice(0, MAX_ANSWERS);
  for (const key of keys) {
    const value = formData.get(`answers.${key}`);
    out[key] = typeof value === 'string' ? value : false;
  }
  return out;
}

export const updateAttendeeAction = adminAction('attendees.edit', async ({ user, ctx, formData }) => {
  const ticketId = text(formData, 'ticketId');
  const { changed } = await updateAttendee(ctx, user, {
    ticketId,
    legalName: text(formData, 'legalName'),
    badgeName: text(formData, 'badgeName'),
    email: text(formData, 'email'),
    pronouns: formData.has('pronouns') ? text(formData, 'pronouns') : undefined,
    directoryOptIn: formData.get('directoryOptIn') === 'on',
    photoPreference: text(formData, 'photoPreference') as 'ok' | 'no_photos',
    answers: answersFrom(formData),
  });
  if (!changed.length) return 'Nothing changed.';
  revalidatePath(`/admin/attendees/${ticketId}`);
  return 'Saved.';
});

'use server';
// Session changes from the programme admin: add, edit, delete. The public pages are served from the cache
// (adminAction expires the cached ones, app/_lib/public-pages.ts); refresh() updates the admin page in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { deleteSession } from '@/lib/programme/delete-session';
import { saveSession } from '@/lib/programme/save-session';
import { programmeAction } from '../_lib/action';
import { idOf, sessionValues } from '../_lib/form-values';

export const createSessionAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const { session } = await saveSession(ctx, { eventId, actor, values: sessionValues(formData) });
  redirect(`/admin/programme/sessions/${session.id}?notice=created`);
});

export const updateSessionAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  const { session, changed } = await saveSession(ctx, {
    eventId,
    actor,
    sessionId: idOf(formData),
    values: sessionValues(formData),
  });
  refresh();
  if (!changed.length) return 'Saved. Nothing had changed.';
  return session.visibility === 'public'
    ? `Saved (${changed.join(', ')}). The public programme shows it now.`
    : `Saved (${changed.join(', ')}). Only registered attendees see this session.`;
});

export const deleteSessionAction = programmeAction(async ({ ctx, formData, eventId, actor }) => {
  await deleteSession(ctx, { eventId, actor, sessionId: idOf(formData) });
  redirect('/admin/programme?notice=session-deleted');
});

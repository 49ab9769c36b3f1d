'use server';
// Session changes from the programme admin: add, edit, delete. Public pages read the database on every request
// (they call connection()), so nothing needs revalidating there; refresh() updates the admin page in place.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { deleteSession } from '@/lib/programme/delete-session';
import { saveSession } from '@/lib/programme/save-session';
import { staffActor } from '@/lib/audit/record';
import { idOf, programmeEventId, sessionValues } from '../_lib/form-values';

export const createSessionAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const { session } = await saveSession(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), values: sessionValues(formData) });
  redirect(`/admin/programme/sessions/${session.id}?notice=created`);
});

export const updateSessionAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const { session, changed } = await saveSession(ctx, {
    eventId: await programmeEventId(ctx), actor: staffActor(user), sessionId: idOf(formData), values: sessionValues(formData),
  });
  refresh();
  if (!changed.length) return 'Saved. Nothing had changed.';
  return session.visibility === 'public'
    ? `Saved (${changed.join(', ')}). The public programme shows it now.`
    : `Saved (${changed.join(', ')}). Only registered attendees see this session.`;
});

export const deleteSessionAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  await deleteSession(ctx, { eventId: await programmeEventId(ctx), actor: staffActor(user), sessionId: idOf(formData) });
  redirect('/admin/programme?notice=session-deleted');
});

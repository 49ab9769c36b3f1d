'use server';
// The accessibility team works a request ('access.manage'): status, assignee, internal notes, message to the
// attendee. The session and permission are checked first (adminAction); updateAccessRequest validates, seals the
// texts, queues the discreet email and audits what changed.
import { refresh } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { updateAccessRequest } from '@/lib/access/queue';

const raw = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

export const updateAccessRequestAction = adminAction('access.manage', async ({ user, ctx, formData }) => {
  const { changed, emailed } = await updateAccessRequest(ctx, user, {
    id: text(formData, 'id'),
    status: text(formData, 'status'),
    assigneeUserId: text(formData, 'assigneeUserId'),
    notes: raw(formData, 'notes'),
    message: raw(formData, 'message'),
  });
  if (!changed.length) return 'Nothing changed.';
  refresh();
  return emailed ? 'Saved. The attendee gets an email saying there is news on their page.' : 'Saved.';
});

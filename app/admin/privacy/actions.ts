'use server';
// Owners' privacy actions ('privacy.manage'): erase a person by email (the address typed twice) and decide an
// attendee's erasure request. adminAction checks the session and permission first; the use cases check the role
// again and do the work in one transaction each.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { checkTypedConfirmation, erasePerson } from '@/lib/rights/erasure';
import { decideErasureRequest } from '@/lib/rights/erasure-requests';

export const erasePersonAction = adminAction('privacy.manage', async ({ user, ctx, formData }) => {
  const email = text(formData, 'email');
  checkTypedConfirmation(email, text(formData, 'confirmEmail'));
  const counts = await erasePerson(ctx, { actor: user, email, reason: text(formData, 'reason') });
  refresh();
  return `Erased: ${counts.tickets} tickets, ${counts.orders} orders as buyer, ${counts.waitlistEntries} waiting-list places, ${counts.emailsDropped} unsent emails dropped.`;
});

// The decided request leaves the list (and its form with it), so the answer is a notice on the page itself.
export const decideErasureRequestAction = adminAction('privacy.manage', async ({ user, ctx, formData }) => {
  const result = await decideErasureRequest(ctx, user, {
    id: text(formData, 'id'),
    decision: text(formData, 'decision'),
  });
  const done = result.decision === 'declined' ? 'declined' : result.erased ? 'erased' : 'settled';
  redirect(`/admin/privacy?done=${done}`);
});

'use server';
// Check-in server actions. The desk action takes a scanned or typed token, a ticket picked from the search, or
// an undo (intent=undo), so every result lands in the same announced panel; it works without JavaScript too.
// Each action checks the session and permission first (adminAction) and hands one lib function the input.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminAction } from '@/app/admin/_lib/action';
import { staffActor } from '@/lib/audit/record';
import { checkInTicket } from '@/lib/checkin/check-in';
import { addSessionList } from '@/lib/checkin/lists';
import { checkinMessage, type CheckinResult, type PlainCheckinResult } from '@/lib/checkin/result';
import { undoCheckIn } from '@/lib/checkin/undo';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';
import { parseInput } from '@/lib/validation';

export type DeskData =
  ({ kind: 'scan' } & PlainCheckinResult) | { kind: 'undo'; ticketId: string; badgeName: string; listId: string };

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : undefined;
};

const deskSchema = z.object({
  intent: z.enum(['check-in', 'undo']).default('check-in'),
  listId: z.string({ error: 'Choose a check-in list.' }).max(100),
  token: z.string().max(4000, { error: 'That is not a ticket code.' }).optional(),
  ticketId: z.string().max(100).optional(),
});

function plain(result: CheckinResult): DeskData {
  return { kind: 'scan', ...result, checkedInAt: result.checkedInAt?.toISOString() };
}

export const checkinDeskAction = adminAction('checkin.scan', async ({ user, ctx, formData }) => {
  const input = parseInput(deskSchema, {
    intent: field(formData, 'intent'),
    listId: field(formData, 'listId'),
    token: field(formData, 'token'),
    ticketId: field(formData, 'ticketId'),
  });
  if (input.intent === 'undo') {
    if (!input.ticketId) throw new DomainError('VALIDATION', 'Choose the check-in to undo.');
    const { badgeName } = await undoCheckIn(ctx, { listId: input.listId, ticketId: input.ticketId, staff: user });
    revalidatePath(`/admin/checkin/${input.listId}`);
    const data: DeskData = { kind: 'undo', ticketId: input.ticketId, badgeName, listId: input.listId };
    return { message: `Check-in undone for ${badgeName}. They can be checked in again.`, data };
  }
  const ref = input.ticketId ? { ticketId: input.ticketId } : { token: input.token ?? '' };
  const result = await checkInTicket(ctx, { listId: input.listId, ref, staff: user });
  revalidatePath(`/admin/checkin/${result.listId}`);
  return { message: checkinMessage(result), data: plain(result) };
});

const addListSchema = z.object({
  sessionId: z.string({ error: 'Choose a session.' }).min(1, { error: 'Choose a session.' }).max(100),
});

// Managing lists belongs to organizers: 'programme.manage' (held by the same roles as 'orders.manage').
export const addCheckinListAction = adminAction('programme.manage', async ({ user, ctx, formData }) => {
  const input = parseInput(addListSchema, { sessionId: field(formData, 'sessionId') });
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', 'There is no event to add a list to.');
  const list = await addSessionList(ctx, { eventId: event.id, sessionId: input.sessionId, actor: staffActor(user) });
  revalidatePath('/admin/checkin');
  return `Added the check-in list “${list.name}”.`;
});

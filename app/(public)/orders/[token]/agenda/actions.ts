'use server';
// Star or unstar a session, and reset the calendar feed address. Public actions authorized by the order link
// in the form (re-resolved every time, with the ticket checked against that order), never by ids alone.
import { randomUUID } from 'node:crypto';
import { refresh } from 'next/cache';
import { getRequestContext } from '@/app/_lib/request-context';
import { resetAgendaFeed, setFeedTitles } from '@/lib/agenda/feed';
import { setStar } from '@/lib/agenda/star';
import { isDomainError } from '@/lib/errors';

export interface AgendaActionState { seq: number; message?: string; error?: string }

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v.slice(0, 200) : '';
};

function failure(seq: number, where: string, error: unknown): AgendaActionState {
  if (isDomainError(error)) return { seq, error: error.message };
  console.error(`${where} failed (ref ${randomUUID()})`, error instanceof Error ? error.name : 'unknown error');
  return { seq, error: 'Something went wrong on our side and nothing changed. Please try again in a moment.' };
}

export async function toggleStarAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  try {
    const result = await setStar(await getRequestContext(), {
      token: field(formData, 'token'), ticketId: field(formData, 'ticketId'), sessionId: field(formData, 'sessionId'),
      starred: field(formData, 'starred') === 'true',
    });
    refresh();
    return { seq, message: result.starred ? `Added “${result.title}” to your agenda.` : `Removed “${result.title}” from your agenda.` };
  } catch (error) {
    return failure(seq, 'toggleStarAction', error);
  }
}

export async function resetFeedAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  try {
    await resetAgendaFeed(await getRequestContext(), { token: field(formData, 'token'), ticketId: field(formData, 'ticketId') });
    refresh();
    return { seq, message: 'Done: the old feed address no longer works. Subscribe again with the new address below.' };
  } catch (error) {
    return failure(seq, 'resetFeedAction', error);
  }
}

export async function feedTitlesAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  try {
    const { showTitles } = await setFeedTitles(await getRequestContext(), {
      token: field(formData, 'token'), ticketId: field(formData, 'ticketId'), showTitles: field(formData, 'showTitles') === 'on',
    });
    refresh();
    return {
      seq,
      message: showTitles
        ? 'Saved: your calendar shows the real titles of every starred session.'
        : 'Saved: attendee-only sessions and sessions with a content note appear as “Conference session” in your calendar.',
    };
  } catch (error) {
    return failure(seq, 'feedTitlesAction', error);
  }
}

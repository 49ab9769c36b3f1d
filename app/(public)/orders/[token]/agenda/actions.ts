'use server';
// Star or unstar a session, and reset the calendar feed address. Public actions authorized by the order link
// in the form (re-resolved every time, with the ticket checked against that order), never by ids alone.
import { refresh } from 'next/cache';
import { NOTHING_CHANGED, publicAction } from '@/app/_lib/public-action';
import { getRequestContext } from '@/app/_lib/request-context';
import { resetAgendaFeed, setFeedTitles } from '@/lib/agenda/feed';
import { setStar } from '@/lib/agenda/star';

export interface AgendaActionState {
  seq: number;
  message?: string;
  error?: string;
}

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v.slice(0, 200) : '';
};

/** Runs one agenda change; a failure comes back as the form's error. */
function run(seq: number, where: string, work: () => Promise<AgendaActionState>): Promise<AgendaActionState> {
  return publicAction(where, NOTHING_CHANGED, work, (failure) => ({ seq, error: failure.message }));
}

export async function toggleStarAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  return run(seq, 'toggleStarAction', async () => {
    const result = await setStar(await getRequestContext(), {
      token: field(formData, 'token'),
      ticketId: field(formData, 'ticketId'),
      sessionId: field(formData, 'sessionId'),
      starred: field(formData, 'starred') === 'true',
    });
    refresh();
    return {
      seq,
      message: result.starred
        ? `Added “${result.title}” to your agenda.`
        : `Removed “${result.title}” from your agenda.`,
    };
  });
}

export async function resetFeedAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  return run(seq, 'resetFeedAction', async () => {
    await resetAgendaFeed(await getRequestContext(), {
      token: field(formData, 'token'),
      ticketId: field(formData, 'ticketId'),
    });
    refresh();
    return { seq, message: 'Done: the old feed address no longer works. Subscribe again with the new address below.' };
  });
}

export async function feedTitlesAction(previous: AgendaActionState, formData: FormData): Promise<AgendaActionState> {
  const seq = previous.seq + 1;
  return run(seq, 'feedTitlesAction', async () => {
    const { showTitles } = await setFeedTitles(await getRequestContext(), {
      token: field(formData, 'token'),
      ticketId: field(formData, 'ticketId'),
      showTitles: field(formData, 'showTitles') === 'on',
    });
    refresh();
    return {
      seq,
      message: showTitles
        ? 'Saved: your calendar shows the real titles of every starred session.'
        : 'Saved: attendee-only sessions and sessions with a content note appear as “Conference session” in your calendar.',
    };
  });
}

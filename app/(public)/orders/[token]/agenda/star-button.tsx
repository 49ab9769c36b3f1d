'use client';
// The "Star" / "Starred" toggle of one session: a real form post (works before or without JavaScript), a
// pressed state for screen readers, and a live region that says what changed.
import { useActionState } from 'react';
import { toggleStarAction, type AgendaActionState } from './actions';

const initial: AgendaActionState = { seq: 0 };

export function StarButton({
  token,
  ticketId,
  sessionId,
  title,
  starred,
}: {
  token: string;
  ticketId: string;
  sessionId: string;
  title: string;
  starred: boolean;
}) {
  const [state, formAction, pending] = useActionState(toggleStarAction, initial);
  // While the post is on its way, show the state it asks for; the page's fresh data confirms it after.
  const shown = pending ? !starred : starred;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="starred" value={String(!starred)} />
      <button type="submit" aria-pressed={shown} className={`btn ${shown ? 'btn-primary' : 'btn-secondary'}`}>
        <span aria-hidden="true">{shown ? '★' : '☆'}</span>
        {shown ? 'Starred' : 'Star'}
        <span className="sr-only">: {title}</span>
      </button>
      <span role="status" aria-live="polite" className={state.error ? 'text-sm font-medium text-[#b42318]' : 'sr-only'}>
        {state.error ?? state.message ?? ''}
      </span>
    </form>
  );
}

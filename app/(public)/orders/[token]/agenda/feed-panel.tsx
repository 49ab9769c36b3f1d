'use client';
// The agenda's private calendar feed: a webcal:// link that opens the calendar app, the https:// address to paste
// into one, and a reset that retires the address when it was shared by mistake.
import { useActionState, useState, useSyncExternalStore } from 'react';
import type { FeedUrls } from '@/lib/agenda/feed';
import { feedTitlesAction, resetFeedAction, type AgendaActionState } from './actions';

const initial: AgendaActionState = { seq: 0 };
const subscribe = () => () => {};

function CopyButton({ text }: { text: string }) {
  const canCopy = useSyncExternalStore(
    subscribe,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [copied, setCopied] = useState(false);
  if (!canCopy) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        Copy address
      </button>
      <span role="status" aria-live="polite" className="text-sm text-muted">
        {copied ? 'Copied.' : ''}
      </span>
    </>
  );
}

function TitlesForm({ token, ticketId, showTitles }: { token: string; ticketId: string; showTitles: boolean }) {
  const [state, formAction, pending] = useActionState(feedTitlesAction, initial);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="ticketId" value={ticketId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="field-label">What your calendar shows</legend>
        <p id="feed-titles-hint" className="text-sm text-muted">
          Calendars are often shared or shown on a lock screen, so attendee-only sessions and sessions with a content
          note appear as “Conference session” unless you choose otherwise.
        </p>
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            name="showTitles"
            defaultChecked={showTitles}
            aria-describedby="feed-titles-hint"
            className="mt-1"
          />
          <span>Show the real titles of every starred session in my calendar</span>
        </label>
      </fieldset>
      <div>
        <button type="submit" className="btn btn-secondary" disabled={pending}>
          Save calendar choice
        </button>
      </div>
      <p role="status" aria-live="polite" className={state.error ? 'font-medium text-[#b42318]' : 'font-medium'}>
        {state.error ?? state.message ?? ''}
      </p>
    </form>
  );
}

export function FeedPanel({
  token,
  ticketId,
  feed,
  showTitles,
}: {
  token: string;
  ticketId: string;
  feed: FeedUrls;
  showTitles: boolean;
}) {
  const [state, formAction] = useActionState(resetFeedAction, initial);
  return (
    <div className="flex flex-col gap-3">
      <p>
        Subscribe to your agenda in a calendar app and it stays up to date: starred sessions appear, and time or room
        changes follow. The address is private: anyone who has it can see the sessions you starred.
      </p>
      <p>
        <a href={feed.webcal} className="btn btn-primary">
          Subscribe in your calendar app
        </a>
      </p>
      <div>
        <label htmlFor="feed-address" className="field-label">
          Or copy the feed address into your calendar
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="feed-address"
            readOnly
            value={feed.https}
            className="field-control font-mono text-sm sm:flex-1"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={feed.https} />
        </div>
      </div>
      <TitlesForm key={ticketId} token={token} ticketId={ticketId} showTitles={showTitles} />
      <form action={formAction} className="flex flex-col gap-2">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="ticketId" value={ticketId} />
        <p className="text-sm text-muted">
          Shared the address by mistake? Reset it: the old address stops working at once.
        </p>
        <div>
          <button type="submit" className="btn btn-secondary">
            Reset the feed link
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" className={state.error ? 'font-medium text-[#b42318]' : 'font-medium'}>
        {state.error ?? state.message ?? ''}
      </p>
    </div>
  );
}

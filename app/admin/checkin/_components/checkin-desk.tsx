'use client';
// The check-in desk for one list, made for a phone: one column, big targets. A ticket arrives by the camera,
// by a keyboard-wedge scanner typing into the autofocused field (the token, then Enter), or by "Check in" on
// a search match; every answer lands in one live region, and the field takes focus again for the next one.
// Without JavaScript the field and the match buttons still post to the same server action.
import { useActionState, useCallback, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { initialAdminState } from '@/app/admin/_lib/form-state';
import type { PlainCheckinResult } from '@/lib/checkin/result';
import { checkinDeskAction, type DeskData } from '../actions';
import { CameraScanner } from './camera-scanner';
import { AccessArrangementNote, CheckinResultPanel } from './checkin-result';

export interface DeskMatch {
  ticketId: string;
  badgeName: string;
  ticketType: string;
  orderReference: string;
  isPaid: boolean;
  hasAccessArrangement: boolean;
  /** Already formatted in the event's zone. */
  checkedInLabel: string | null;
}

interface Props {
  listId: string;
  query: string;
  matches: DeskMatch[] | null;
}

export function CheckinDesk({ listId, query, matches }: Props) {
  const [state, formAction] = useActionState(checkinDeskAction, initialAdminState);
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const data = state.ok ? (state.data as DeskData | undefined) : undefined;

  useEffect(() => {
    if (state.seq === 0) return;
    const input = inputRef.current;
    if (!input) return;
    input.value = '';
    input.focus();
  }, [state.seq]);

  const submitCode = useCallback((code: string) => {
    const input = inputRef.current;
    const form = formRef.current;
    if (!input || !form) return;
    input.value = code;
    form.requestSubmit();
  }, []);

  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="scan-heading" className="flex flex-col gap-4">
        <h2 id="scan-heading" className="text-xl font-semibold">
          Scan a ticket
        </h2>
        <form ref={formRef} action={formAction} className="flex flex-col gap-3" noValidate>
          <input type="hidden" name="listId" value={listId} />
          <div>
            <label htmlFor="checkin-token" className="field-label">
              Ticket code
            </label>
            <p id="checkin-token-hint" className="mb-1 text-sm text-muted">
              Scan the QR code with a scanner or the camera, or type the code and press Enter.
            </p>
            <input
              ref={inputRef}
              id="checkin-token"
              name="token"
              type="text"
              autoFocus={!query}
              autoComplete="off"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              enterKeyHint="go"
              aria-describedby={
                state.fieldErrors.token ? 'checkin-token-hint checkin-token-error' : 'checkin-token-hint'
              }
              aria-invalid={state.fieldErrors.token ? true : undefined}
              className="field-control min-h-14 text-lg"
            />
            {state.fieldErrors.token ? (
              <p id="checkin-token-error" className="mt-1 font-medium text-[#b42318]">
                <span aria-hidden="true">⚠ </span>
                {state.fieldErrors.token.join(' ')}
              </p>
            ) : null}
          </div>
          <DeskButton label="Check in" className="btn btn-primary min-h-14 w-full text-lg" />
        </form>
        <CameraScanner onCode={submitCode} />
        <div role="status" aria-live="polite" aria-atomic="true" className="min-h-4">
          <DeskOutcome state={state} data={data} />
        </div>
        {data?.kind === 'scan' &&
        data.ticketId &&
        (data.outcome === 'valid' || data.outcome === 'already_checked_in') ? (
          <form action={formAction}>
            <input type="hidden" name="listId" value={listId} />
            <input type="hidden" name="ticketId" value={data.ticketId} />
            <DeskButton
              name="intent"
              value="undo"
              label={
                <>
                  Undo this check-in<span className="sr-only"> of {data.badgeName}</span>
                </>
              }
              className="btn btn-secondary min-h-12 w-full"
            />
          </form>
        ) : null}
      </section>

      <section aria-labelledby="search-heading" className="flex flex-col gap-4">
        <h2 id="search-heading" className="text-xl font-semibold">
          Find by name or order reference
        </h2>
        <form method="get" role="search" aria-label="Tickets" className="flex flex-col gap-3">
          <div>
            <label htmlFor="checkin-search" className="field-label">
              Name or order reference
            </label>
            <input
              id="checkin-search"
              name="q"
              type="search"
              defaultValue={query}
              autoComplete="off"
              className="field-control min-h-14 text-lg"
            />
          </div>
          <button type="submit" className="btn btn-secondary min-h-14 w-full text-lg">
            Search
          </button>
        </form>
        {matches ? <Matches matches={matches} listId={listId} formAction={formAction} query={query} /> : null}
      </section>
    </div>
  );
}

function DeskButton({
  label,
  className,
  name,
  value,
}: {
  label: React.ReactNode;
  className: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} className={className} disabled={pending} aria-disabled={pending}>
      {pending ? 'Checking…' : label}
    </button>
  );
}

function DeskOutcome({
  state,
  data,
}: {
  state: { seq: number; ok?: boolean; error?: string };
  data: DeskData | undefined;
}) {
  if (state.seq === 0) return null;
  if (!state.ok) {
    return (
      <div className="rounded-xl border-4 border-[#b42318] bg-[#fdeceb] p-4 text-lg font-medium text-[#7a1a12]">
        <span aria-hidden="true" className="mr-2">
          ⚠
        </span>
        {state.error}
      </div>
    );
  }
  if (!data) return null;
  if (data.kind === 'undo') {
    return (
      <div className="rounded-xl border-4 border-line-strong bg-surface p-4 text-lg font-medium">
        <span aria-hidden="true" className="mr-2">
          ↺
        </span>
        Check-in undone for <strong>{data.badgeName}</strong>. They can be checked in again.
      </div>
    );
  }
  const result: PlainCheckinResult = data;
  return <CheckinResultPanel result={result} />;
}

function Matches({
  matches,
  listId,
  formAction,
  query,
}: {
  matches: DeskMatch[];
  listId: string;
  formAction: (formData: FormData) => void;
  query: string;
}) {
  if (!matches.length) return <p className="card p-4">No tickets match “{query}”.</p>;
  return (
    <ul className="flex flex-col gap-3" aria-label={`Tickets matching “${query}”`}>
      {matches.map((m) => (
        <li key={m.ticketId} className="card flex flex-col gap-2 p-4">
          <p className="text-xl font-bold break-words">{m.badgeName}</p>
          <p>
            {m.ticketType} · Order <span className="font-mono">{m.orderReference}</span>
          </p>
          {!m.isPaid ? (
            <p className="font-medium text-[#b42318]">
              <span aria-hidden="true">✕ </span>Cancelled or refunded
            </p>
          ) : null}
          {m.checkedInLabel ? (
            <p className="font-medium">
              <span aria-hidden="true">✓ </span>Checked in {m.checkedInLabel}
            </p>
          ) : null}
          {m.hasAccessArrangement ? <AccessArrangementNote /> : null}
          <form action={formAction}>
            <input type="hidden" name="listId" value={listId} />
            <input type="hidden" name="ticketId" value={m.ticketId} />
            <DeskButton
              label={
                <>
                  Check in<span className="sr-only"> {m.badgeName}</span>
                </>
              }
              className="btn btn-primary min-h-12 w-full"
            />
          </form>
        </li>
      ))}
    </ul>
  );
}

'use client';
// Name and email for a waiting list; the answer replaces the form, errors appear beside their fields.
import { useActionState } from 'react';
import { AnswerCard, useAnswerFocus } from './answer';
import { ErrorSummary, type SummaryItem } from '../_lib/error-summary';
import { TextField } from '../details/fields';
import { joinWaitlistAction, type WaitlistFormState } from './actions';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

const initial: WaitlistFormState = { seq: 0, values: { name: '', email: '' }, fieldErrors: {} };

export function WaitlistForm({
  ticketTypeId,
  sessionId,
  offerWording,
  confirmHours,
  maxPerEmail,
}: {
  ticketTypeId?: string;
  sessionId?: string;
  offerWording: string;
  confirmHours: number;
  maxPerEmail: number;
}) {
  const [state, formAction, pending] = useActionState(joinWaitlistAction, initial);
  const focusRef = useAnswerFocus(state);

  if (state.requested) {
    return (
      <AnswerCard focusRef={focusRef} heading="Check your email">
        <p>
          We have sent a link to {state.requested.email} to confirm your place, unless that address is already on this
          list. Open it within {confirmHours} hours: until you confirm, you are not on the waiting list, and your place
          in the queue counts from the moment you confirm.
        </p>
        <p>If a seat frees up, we email an offer that holds it for you for {offerWording}.</p>
        <p className="text-sm text-muted">
          Nothing arrived? Check your spam folder. One address can wait for up to {maxPerEmail} places at a time.
        </p>
      </AnswerCard>
    );
  }

  const items: SummaryItem[] = [
    ...(state.formError ? [{ message: state.formError, href: state.seatsAvailable ? '/register' : null }] : []),
    ...Object.entries(state.fieldErrors).flatMap(([key, messages]) =>
      messages.map((message) => ({ message, href: key === 'name' || key === 'email' ? `#${key}` : null })),
    ),
  ];
  return (
    <form key={state.seq} action={formAction} noValidate className="card flex flex-col gap-4 p-4 sm:p-5">
      <ErrorSummary ref={focusRef} items={items} />
      {ticketTypeId && <input type="hidden" name="ticketTypeId" value={ticketTypeId} />}
      {sessionId && <input type="hidden" name="sessionId" value={sessionId} />}
      <TextField
        name="name"
        label="Your name"
        required
        maxLength={200}
        autoComplete="name"
        defaultValue={state.values.name}
        errors={state.fieldErrors.name}
      />
      <TextField
        name="email"
        label="Email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        hint="We send a link to confirm your place, and an offer if a seat frees up. Nothing else."
        defaultValue={state.values.email}
        errors={state.fieldErrors.email}
      />
      <PrivacyNoticeLink />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Joining…' : 'Join the waiting list'}
        </button>
      </div>
    </form>
  );
}

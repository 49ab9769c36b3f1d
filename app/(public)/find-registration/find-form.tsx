'use client';
// The email field of "find my registration". The answer appears in a live region above the form and is the
// same for every valid address; only a malformed address gets a message of its own, beside the field.
import { useActionState, useEffect, useRef } from 'react';
import { ErrorSummary, type SummaryItem } from '../register/_lib/error-summary';
import { TextField } from '../register/details/fields';
import { findRegistrationAction, type AccessFormState } from './actions';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

const initial: AccessFormState = { seq: 0, email: '', fieldErrors: {} };

export function FindRegistrationForm() {
  const [state, formAction, pending] = useActionState(findRegistrationAction, initial);
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasErrors = Boolean(state.formError || state.fieldErrors.email?.length);
  useEffect(() => {
    if (state.seq > 0 && hasErrors) summaryRef.current?.focus();
  }, [state, hasErrors]);

  const items: SummaryItem[] = [
    ...(state.formError ? [{ message: state.formError, href: null }] : []),
    ...(state.fieldErrors.email ?? []).map((message) => ({ message, href: '#email' })),
  ];
  return (
    <div className="flex flex-col gap-4">
      <div role="status" aria-live="polite">
        {state.answer && (
          <p key={state.seq} className="card border-2 border-brand p-4 font-semibold sm:p-5">
            {state.answer}
          </p>
        )}
      </div>
      <form key={state.seq} action={formAction} noValidate className="card flex flex-col gap-4 p-4 sm:p-5">
        <ErrorSummary ref={summaryRef} items={items} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          hint="The address the registration was booked with (the buyer’s address for a group booking)."
          defaultValue={state.email}
          errors={state.fieldErrors.email}
        />
        <PrivacyNoticeLink />
        <div>
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Sending…' : 'Email me a link'}
          </button>
        </div>
      </form>
    </div>
  );
}

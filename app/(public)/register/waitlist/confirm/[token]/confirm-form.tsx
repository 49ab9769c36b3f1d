'use client';
// The one button that confirms; its answer replaces it in a live region that takes focus.
import Link from '@/app/_components/link';
import { useActionState } from 'react';
import { AnswerCard, useAnswerFocus } from '../../answer';
import { ErrorSummary } from '../../../_lib/error-summary';
import { confirmWaitlistAction, type ConfirmFormState } from './actions';

const NOT_CONFIRMED: Record<string, string> = {
  expired:
    'This link has expired: requests that are not confirmed in time lapse. If it is still sold out, you can join the waiting list again.',
  closed: 'This place on the waiting list has ended: its offer was used or has lapsed.',
  unknown: 'We could not find this link. Please open the whole link from the email again.',
  pending: 'Your place could not be confirmed. Please try again.',
};

export function ConfirmForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState<ConfirmFormState, FormData>(confirmWaitlistAction, { seq: 0 });
  const focusRef = useAnswerFocus(state);

  if (state.outcome === 'confirmed') {
    return (
      <AnswerCard focusRef={focusRef} heading="Your place is confirmed">
        <p>
          You are on the waiting list for {state.requestedFor}. If a seat frees up, we email you an offer that holds it
          for a limited time.
        </p>
      </AnswerCard>
    );
  }
  const problem = state.formError ?? (state.outcome ? NOT_CONFIRMED[state.outcome] : undefined);
  return (
    <form action={formAction} className="flex flex-col gap-4">
      <ErrorSummary ref={focusRef} items={problem ? [{ message: problem, href: null }] : []} />
      <input type="hidden" name="token" value={token} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? 'Confirming…' : 'Confirm my place'}
        </button>
      </div>
      {problem && state.outcome !== 'pending' && (
        <p>
          <Link href="/register">Back to the ticket list</Link>
        </p>
      )}
    </form>
  );
}

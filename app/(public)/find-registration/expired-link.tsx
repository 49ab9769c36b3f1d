'use client';
// Shown instead of an order's page when its emailed link has expired: one button sends a fresh link to the
// address the order was booked with. The answer is the same whatever the link was, and works without JavaScript.
import Link from '@/app/_components/link';
import { useActionState } from 'react';
import { renewLinkAction, type RenewState } from './actions';

const initial: RenewState = { seq: 0 };

export function ExpiredLink({ token, headingLevel = 1 }: { token: string; headingLevel?: 1 | 2 }) {
  const [state, formAction, pending] = useActionState(renewLinkAction, initial);
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section aria-labelledby="expired-link-heading" className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <Heading id="expired-link-heading" className="text-3xl font-bold">
        This link has expired
      </Heading>
      <p className="text-lg">
        For your privacy, links to a registration sent by email stop working after a while. We can email a fresh link to
        the address the registration was booked with.
      </p>
      <div role="status" aria-live="polite">
        {state.answer && (
          <p key={state.seq} className="card border-2 border-brand p-4 font-semibold">
            {state.answer}
          </p>
        )}
        {state.formError && (
          <p key={state.seq} className="font-semibold text-[#b42318]">
            {state.formError}
          </p>
        )}
      </div>
      {!state.answer && (
        <form action={formAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="btn btn-primary" disabled={pending}>
            {pending ? 'Sending…' : 'Email me a fresh link'}
          </button>
        </form>
      )}
      <p>
        Or <Link href="/find-registration">find your registration by email address</Link>.
      </p>
    </section>
  );
}

'use client';
// The order page's "Pay now" button. Without JavaScript the browser posts the form and either goes on to the
// checkout or comes back to this page with the message.
import { useActionState, useEffect, useRef } from 'react';
import { startCheckoutAction, type PayNowState } from './actions';

const initial: PayNowState = { seq: 0 };

export function PayNowForm({ token, amount }: { token: string; amount: string }) {
  const [state, formAction, pending] = useActionState(startCheckoutAction, initial);
  const errorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.error) errorRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="token" value={token} />
      {state.error && (
        <p ref={errorRef} tabIndex={-1} id="pay-now-error" className="card border-2 p-3 font-medium outline-none">
          {state.error}
        </p>
      )}
      <div>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={pending}
          aria-describedby={state.error ? 'pay-now-error' : undefined}
        >
          {pending ? 'Opening the payment page…' : `Pay now (${amount})`}
        </button>
      </div>
    </form>
  );
}

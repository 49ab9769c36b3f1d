'use client';
// The form-level error of the sign-in and account set-up forms. It takes focus when an answer brings an error
// (so it is read out), never on first load, where a message is simply part of the page.
import { useEffect, useRef } from 'react';
import { FormError } from './field';

export function FocusedFormError({ id, state, message }: { id: string; state: unknown; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const initialState = useRef(state);
  useEffect(() => {
    if (state !== initialState.current && message) ref.current?.focus();
  }, [state, message]);
  return (
    <div ref={ref} tabIndex={-1} className="outline-none">
      <FormError id={id} message={message} />
    </div>
  );
}

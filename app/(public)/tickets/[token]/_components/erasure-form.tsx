'use client';
// Two steps: a button opens the confirmation (a box to tick), which sends the request.
import { useActionState, useState } from 'react';
import { requestErasureAction, type ErasureFormState } from '../erasure-actions';

const initial: ErasureFormState = { seq: 0 };

export function ErasureForm({ token }: { token: string }) {
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState(requestErasureAction, initial);
  if (state.ok)
    return (
      <p role="status" className="font-medium">
        {state.message}
      </p>
    );
  if (!open) {
    return (
      <p>
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(true)}>
          Request erasure of my data
        </button>
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="token" value={token} />
      <label className="flex items-start gap-2">
        <input type="checkbox" name="confirm" value="yes" required className="mt-1" />
        <span>I want my data erased. I understand that my ticket’s links and QR code will stop working.</span>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={pending} aria-disabled={pending}>
          {pending ? 'Sending…' : 'Send the request'}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <p role="status" aria-live="polite" className="text-sm font-medium text-[#b42318]">
        {state.seq > 0 ? state.error : null}
      </p>
    </form>
  );
}

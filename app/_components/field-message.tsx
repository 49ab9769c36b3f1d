// The words around a form control, shared by every form: its hint and its inline error, each with the id the
// control's aria-describedby names.
import type { ReactNode } from 'react';

export function Hint({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="mb-1 text-sm text-muted">
      {children}
    </p>
  );
}

/** An inline message under a field (nothing without messages); its id goes into the field's aria-describedby. */
export function FieldError({ id, messages }: { id?: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-[#b42318]">
      <span aria-hidden="true">⚠ </span>
      {messages.join(' ')}
    </p>
  );
}

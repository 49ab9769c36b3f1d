'use client';
// What every manage form shares: the action state, the submitted values as defaults (the current data before
// the first answer), a list of problems at the top that links to each field and is announced when it appears
// (focus moves to it), and the hidden token and ticket that authorize the change.
import { useActionState, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { ErrorSummary, type SummaryItem } from '../../../register/_lib/error-summary';
import { fieldId } from '../../../register/_lib/form-state';
import { initialManageState, type ManageFormState } from '../_lib/form-state';

export type ManageAction = (previous: ManageFormState, formData: FormData) => Promise<ManageFormState>;

export interface FormValues {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
}

function reader(values: Record<string, string[]>): FormValues {
  return { get: (n) => values[n]?.[0], all: (n) => values[n] ?? [], has: (n) => (values[n]?.length ?? 0) > 0 };
}

export function useManageForm(action: ManageAction, initialValues: Record<string, string[]>) {
  const [state, formAction, pending] = useActionState(action, initialManageState);
  const values = useMemo(() => reader(state.seq === 0 ? initialValues : state.values), [state, initialValues]);
  return { state, formAction, pending, values, errors: state.fieldErrors };
}

export function ManageFormBody({
  state,
  labels,
  token,
  ticketId,
  formAction,
  children,
  describedBy,
}: {
  state: ManageFormState;
  /** Field names this form renders, with the words the summary puts before their messages. */
  labels: Record<string, string>;
  token: string;
  ticketId?: string;
  formAction: (formData: FormData) => void;
  children: ReactNode;
  describedBy?: string;
}) {
  const summaryRef = useRef<HTMLDivElement>(null);
  const items: SummaryItem[] = [];
  if (state.formError) items.push({ message: state.formError, href: null });
  for (const [name, messages] of Object.entries(state.fieldErrors)) {
    const label = labels[name];
    for (const message of messages) {
      items.push({
        message: label && !message.startsWith(label) ? `${label}: ${message}` : message,
        href: label ? `#${fieldId(name)}` : null,
      });
    }
  }
  useEffect(() => {
    if (state.seq > 0) summaryRef.current?.focus();
  }, [state]);
  return (
    <form key={state.seq} action={formAction} noValidate className="flex flex-col gap-5" aria-describedby={describedBy}>
      <ErrorSummary ref={summaryRef} items={items} />
      <input type="hidden" name="token" value={token} />
      {ticketId && <input type="hidden" name="ticketId" value={ticketId} />}
      {children}
    </form>
  );
}

export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <div>
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

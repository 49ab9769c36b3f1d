'use client';
// An admin form bound to a server action made with adminAction(): announces the result in a live region,
// shows field errors beside their fields (through FormErrorsContext) and disables the button while pending.
import { createContext, useActionState, useContext, useEffect, useRef } from 'react';
import { useFormStatus } from 'react-dom';
import { initialAdminState, type AdminFormState } from '../_lib/form-state';

export const FormErrorsContext = createContext<Record<string, string[]>>({});

export function useFieldErrors(name: string): string[] | undefined {
  return useContext(FormErrorsContext)[name];
}

interface AdminFormProps {
  action: (previous: AdminFormState, formData: FormData) => Promise<AdminFormState>;
  children: React.ReactNode;
  submitLabel: string;
  /** Asks before submitting, for destructive actions. */
  confirm?: string;
  className?: string;
  /** Clears the form's inputs after a success (for "add" forms). */
  resetOnSuccess?: boolean;
  submitClassName?: string;
}

export function AdminForm({ action, children, submitLabel, confirm, className, resetOnSuccess, submitClassName }: AdminFormProps) {
  const [state, formAction] = useActionState(action, initialAdminState);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={formRef}
      action={formAction}
      className={className ?? 'flex flex-col gap-4'}
      noValidate
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <FormErrorsContext.Provider value={state.fieldErrors}>{children}</FormErrorsContext.Provider>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={submitLabel} className={submitClassName} />
        <p role="status" aria-live="polite" className={state.ok ? 'text-sm font-medium text-[#05603a]' : 'text-sm font-medium text-[#b42318]'}>
          {state.seq > 0 ? (state.ok ? state.message : state.error) : null}
        </p>
      </div>
    </form>
  );
}

export function SubmitButton({ label, className }: { label: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? 'btn btn-primary'} disabled={pending} aria-disabled={pending}>
      {pending ? 'Working…' : label}
    </button>
  );
}

'use client';
// An admin form bound to a server action made with adminAction(): announces the result in a live region,
// shows field errors beside their fields (through FormErrorsContext) and disables the button while pending.
import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from 'react';
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
  /**
   * Keeps what was typed when the action answers (React resets a form after its action otherwise), for long forms
   * where a validation error should not wipe the input. Without JavaScript the form posts as usual.
   */
  keepValues?: boolean;
}

export function AdminForm({
  action,
  children,
  submitLabel,
  confirm,
  className,
  resetOnSuccess,
  submitClassName,
  keepValues,
}: AdminFormProps) {
  const [state, formAction, isPending] = useActionState(action, initialAdminState);
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
        if (confirm && !window.confirm(confirm)) {
          e.preventDefault();
        } else if (keepValues) {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }
      }}
    >
      <FormErrorsContext.Provider value={state.fieldErrors}>{children}</FormErrorsContext.Provider>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={submitLabel} className={submitClassName} pending={keepValues ? isPending : undefined} />
        <p
          role="status"
          aria-live="polite"
          className={state.ok ? 'text-sm font-medium text-[#05603a]' : 'text-sm font-medium text-[#b42318]'}
        >
          {state.seq > 0 ? (state.ok ? state.message : state.error) : null}
        </p>
      </div>
    </form>
  );
}

export function SubmitButton({
  label,
  className,
  pending: given,
}: {
  label: string;
  className?: string;
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = given ?? status.pending;
  return (
    <button type="submit" className={className ?? 'btn btn-primary'} disabled={pending} aria-disabled={pending}>
      {pending ? 'Working…' : label}
    </button>
  );
}

// The one way public server actions (app/(public)/**/actions.ts) handle failure, as adminAction does for admin
// ones: an expected failure (DomainError) becomes form state with its message and field errors; anything else is
// logged with a reference id (the error's name only, never its message: it may hold what a visitor typed) and
// answered with the action's generic "Something went wrong on our side..." message, never a stack trace.
// Redirects and other Next.js control flow thrown by the work pass through.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { type DomainError, isDomainError } from '@/lib/errors';

export const NOTHING_CHANGED = 'Something went wrong on our side and nothing changed. Please try again in a moment.';
export const NOTHING_WAS_CHANGED =
  'Something went wrong on our side and nothing was changed. Please try again in a moment.';

/** What a form shows for a DomainError: field messages beside their fields, and a message above the form. */
export interface FormErrorState {
  fieldErrors: Record<string, string[]>;
  formError?: string;
}

/**
 * The one DomainError-to-form-state mapper. The error's `_form` messages go above the form; otherwise its message
 * does, unless it is a validation failure whose messages all stand beside their fields.
 */
export function domainErrorState(error: DomainError): FormErrorState {
  const fieldErrors = { ...error.fieldErrors };
  const besideFields = error.code === 'VALIDATION' && Object.keys(fieldErrors).some((k) => k !== '_form');
  const formError = fieldErrors._form?.join(' ') ?? (besideFields ? undefined : error.message);
  delete fieldErrors._form;
  return { fieldErrors, formError };
}

export interface ActionFailure extends FormErrorState {
  /** The expected failure, or null when something unexpected happened (already logged with a reference). */
  error: DomainError | null;
  /** The DomainError's own message, or the action's generic message. */
  message: string;
}

/** Logs an unexpected error of a public action with a fresh reference id, and answers that id. */
export function logUnexpected(where: string, error: unknown): string {
  const ref = randomUUID();
  console.error(`${where} failed (ref ${ref})`, error instanceof Error ? error.name : 'unknown error');
  return ref;
}

/**
 * Runs a public action's work; a failure becomes the state `fail` builds from it. `generic` is what an unexpected
 * error says (each action names what did not happen: "nothing was booked", "no payment was started").
 */
export async function publicAction<S>(
  where: string,
  generic: string,
  work: () => Promise<S>,
  fail: (failure: ActionFailure) => S,
): Promise<S> {
  try {
    return await work();
  } catch (error) {
    unstable_rethrow(error);
    if (isDomainError(error)) return fail({ error, message: error.message, ...domainErrorState(error) });
    logUnexpected(where, error);
    return fail({ error: null, message: generic, fieldErrors: {}, formError: generic });
  }
}

/** The submitted text values, bounded, to give back to the form as its defaults (minus the `skip` fields). */
export function submittedValues(
  formData: FormData,
  options: { skip: readonly string[]; maxFields: number },
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let n = 0;
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$') || options.skip.includes(name) || name.length > 100) continue;
    if (++n > options.maxFields) break;
    (out[name] ??= []).push(value.slice(0, 2000));
  }
  return out;
}

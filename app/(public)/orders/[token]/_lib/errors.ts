// Turns what a self-service use case threw into form state: field messages beside their fields, a clear message
// for refusals (cut-off passed, workshop full), and for anything unexpected a generic message logged with an id
// and no personal data.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { isDomainError } from '@/lib/errors';
import type { ManageFormState } from './form-state';

export const GENERIC_ERROR = 'Something went wrong on our side and nothing was changed. Please try again in a moment.';

export function manageErrorState(error: unknown, where: string): Pick<ManageFormState, 'fieldErrors' | 'formError'> {
  if (!isDomainError(error)) {
    const ref = randomUUID();
    console.error(`${where} failed (ref ${ref})`, error instanceof Error ? error.name : 'unknown error');
    return { fieldErrors: {}, formError: GENERIC_ERROR };
  }
  const fieldErrors = { ...error.fieldErrors };
  const generic = error.code === 'VALIDATION' && Object.keys(fieldErrors).some((k) => k !== '_form');
  const formError = fieldErrors._form?.join(' ') ?? (generic ? undefined : error.message);
  delete fieldErrors._form;
  return { fieldErrors, formError };
}

/** The submitted text values, bounded, to give back to the form as its defaults. */
export function submittedValues(formData: FormData): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let n = 0;
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$') || name === 'token' || name.length > 100) continue;
    if (++n > 200) break;
    (out[name] ??= []).push(value.slice(0, 2000));
  }
  return out;
}

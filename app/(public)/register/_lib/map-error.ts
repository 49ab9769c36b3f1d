// Turns a failed registration into form state: what app/_lib/public-action.ts maps, plus a waiting-list link for
// what sold out, with a full workshop's message beside the workshop choice of every attendee who picked it.
import 'server-only';
import type { ActionFailure } from '@/app/_lib/public-action';
import type { RegistrationFormState } from './form-state';

type ErrorPart = Pick<RegistrationFormState, 'fieldErrors' | 'formError' | 'soldOut'>;

export const GENERIC_ERROR = 'Something went wrong on our side and nothing was booked. Please try again in a moment.';

export function waitlistHrefFor(details: Record<string, unknown>): string | null {
  const id = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);
  if (details.pool === 'workshop' && id(details.sessionId))
    return `/register/waitlist?session=${id(details.sessionId)}`;
  if (details.pool === 'ticket_type' && id(details.ticketTypeId))
    return `/register/waitlist?ticketType=${id(details.ticketTypeId)}`;
  return null;
}

export function registrationErrorState(failure: ActionFailure, values: Record<string, string[]>): ErrorPart {
  const { error } = failure;
  if (error?.code !== 'SOLD_OUT') return { fieldErrors: failure.fieldErrors, formError: failure.formError };
  const fieldErrors = { ...failure.fieldErrors };
  const sessionId = error.details.sessionId;
  if (error.details.pool === 'workshop' && typeof sessionId === 'string') {
    for (const [name, chosen] of Object.entries(values)) {
      if (/^attendees\.\d+\.workshopIds$/.test(name) && chosen.includes(sessionId)) fieldErrors[name] = [error.message];
    }
  }
  delete fieldErrors.workshops;
  delete fieldErrors.attendees;
  return { fieldErrors, soldOut: { message: error.message, waitlistHref: waitlistHrefFor(error.details) } };
}

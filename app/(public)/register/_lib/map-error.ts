// Turns what a registration use case threw into form state: field messages beside their fields, a waiting-list
// link for what sold out, and for anything unexpected a generic message (logged with an id, no personal data).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { isDomainError } from '@/lib/errors';
import type { RegistrationFormState } from './form-state';

type ErrorPart = Pick<RegistrationFormState, 'fieldErrors' | 'formError' | 'soldOut'>;

export const GENERIC_ERROR = 'Something went wrong on our side and nothing was booked. Please try again in a moment.';

export function waitlistHrefFor(details: Record<string, unknown>): string | null {
  const id = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null);
  if (details.pool === 'workshop' && id(details.sessionId)) return `/register/waitlist?session=${id(details.sessionId)}`;
  if (details.pool === 'ticket_type' && id(details.ticketTypeId)) return `/register/waitlist?ticketType=${id(details.ticketTypeId)}`;
  return null;
}

export function registrationErrorState(error: unknown, values: Record<string, string[]>, where: string): ErrorPart {
  if (!isDomainError(error)) {
    const ref = randomUUID();
    console.error(`${where} failed (ref ${ref})`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
    return { fieldErrors: {}, formError: GENERIC_ERROR };
  }
  const fieldErrors = { ...error.fieldErrors };
  if (error.code === 'SOLD_OUT') {
    // Put a full workshop's message beside the workshop choice of every attendee who picked it.
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
  const generic = error.code === 'VALIDATION' && Object.keys(fieldErrors).length > 0;
  return { fieldErrors, formError: generic ? undefined : error.message };
}

'use server';
// Asks to join the waiting list for one sold-out ticket type or workshop; the address's owner confirms by email.
import { publicAction } from '@/app/_lib/public-action';
import { getClientKey, getRequestContext } from '@/app/_lib/request-context';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';
import { joinWaitlist } from '@/lib/waitlist/join';
import { GENERIC_ERROR } from '../_lib/map-error';

export interface WaitlistFormState {
  seq: number;
  values: { name: string; email: string };
  fieldErrors: Record<string, string[]>;
  formError?: string;
  /** Seats freed up since the page was drawn: the answer is to register, not to wait. */
  seatsAvailable?: boolean;
  /** The one answer for every address (sent, already waiting, capped, throttled), so the form tells nobody who waits. */
  requested?: { email: string };
}

const text = (v: FormDataEntryValue | null, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');

export async function joinWaitlistAction(previous: WaitlistFormState, formData: FormData): Promise<WaitlistFormState> {
  const values = { name: text(formData.get('name'), 200), email: text(formData.get('email'), 254) };
  const ticketTypeId = text(formData.get('ticketTypeId'), 40) || undefined;
  const sessionId = text(formData.get('sessionId'), 40) || undefined;
  const base = { seq: previous.seq + 1, values, fieldErrors: {} };
  return publicAction<WaitlistFormState>(
    'joinWaitlistAction',
    GENERIC_ERROR,
    async () => {
      const ctx = await getRequestContext();
      const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
      if (!event) throw new DomainError('NOT_FOUND', 'Registration is not open.');
      await joinWaitlist(
        ctx,
        event.id,
        { name: values.name, email: values.email, ticketTypeId, sessionId },
        { clientKey: await getClientKey() },
      );
      return { ...base, requested: { email: values.email.trim() } };
    },
    (failure) => {
      if (failure.error?.details.reason === 'seats_available')
        return { ...base, seatsAvailable: true, formError: failure.message };
      const { ticketTypeId: t, sessionId: s, ...rest } = failure.fieldErrors;
      const target = [...(t ?? []), ...(s ?? [])];
      return {
        ...base,
        fieldErrors: rest,
        formError: target.length
          ? `${target.join(' ')}. Go back to the ticket list and choose again.`
          : failure.formError,
      };
    },
  );
}

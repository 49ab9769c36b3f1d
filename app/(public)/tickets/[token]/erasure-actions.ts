'use server';
// The attendee asks, from their own page, for their data to be erased. Public (no staff session), authorized by the
// page token posted back and resolved again by the use case; the attendee ticks a confirmation first. One pending
// request per ticket (a repeat says it is pending), rate limited; an owner decides.
import { getRequestContext } from '@/app/_lib/request-context';
import { isDomainError } from '@/lib/errors';
import { requestErasure } from '@/lib/rights/erasure-requests';

export interface ErasureFormState {
  seq: number;
  ok?: boolean;
  message?: string;
  error?: string;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
const NOT_VALID = 'This link is not valid any more.';

export async function requestErasureAction(previous: ErasureFormState, formData: FormData): Promise<ErasureFormState> {
  const seq = (typeof previous?.seq === 'number' ? previous.seq : 0) + 1;
  if (!(formData instanceof FormData)) return { seq, ok: false, error: 'This form was not sent correctly.' };
  const token = formData.get('token');
  if (typeof token !== 'string' || !TOKEN.test(token)) return { seq, ok: false, error: NOT_VALID };
  if (formData.get('confirm') !== 'yes')
    return { seq, ok: false, error: 'Tick the box to confirm that you want your data erased.' };
  try {
    const result = await requestErasure(await getRequestContext(), { token });
    return {
      seq,
      ok: true,
      message: result.created
        ? 'Your request is recorded. The organizers confirm it soon; after that this page and your ticket’s links stop working.'
        : 'You already asked for this; your request is pending with the organizers.',
    };
  } catch (error) {
    if (isDomainError(error)) return { seq, ok: false, error: error.code === 'NOT_FOUND' ? NOT_VALID : error.message };
    console.error('erasure request failed:', error instanceof Error ? error.name : 'unknown error');
    return { seq, ok: false, error: 'Something went wrong on our side. Nothing was recorded; please try again.' };
  }
}

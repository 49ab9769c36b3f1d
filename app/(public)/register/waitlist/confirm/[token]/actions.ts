'use server';
// Confirms a waiting-list entry from its emailed link (a POST, so a mail scanner opening the link confirms nothing).
import { randomUUID } from 'node:crypto';
import { getRequestContext } from '@/app/_lib/request-context';
import { confirmWaitlistEntry, type ConfirmState } from '@/lib/waitlist/confirm';

export interface ConfirmFormState {
  seq: number;
  outcome?: ConfirmState['state'];
  requestedFor?: string;
  formError?: string;
}

export async function confirmWaitlistAction(previous: ConfirmFormState, formData: FormData): Promise<ConfirmFormState> {
  const raw = formData.get('token');
  const token = typeof raw === 'string' ? raw.slice(0, 200) : '';
  try {
    const result = await confirmWaitlistEntry(await getRequestContext(), token);
    return { seq: previous.seq + 1, outcome: result.state, requestedFor: 'requestedFor' in result ? result.requestedFor : undefined };
  } catch (error) {
    const ref = randomUUID();
    console.error(`confirmWaitlistAction failed (ref ${ref})`, error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error');
    return { seq: previous.seq + 1, formError: 'Something went wrong on our side and nothing was changed. Please try again in a moment.' };
  }
}

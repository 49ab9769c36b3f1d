'use server';
// Confirms a waiting-list entry from its emailed link (a POST, so a mail scanner opening the link confirms nothing).
import { NOTHING_WAS_CHANGED, publicAction } from '@/app/_lib/public-action';
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
  return publicAction<ConfirmFormState>(
    'confirmWaitlistAction',
    NOTHING_WAS_CHANGED,
    async () => {
      const result = await confirmWaitlistEntry(await getRequestContext(), token);
      return {
        seq: previous.seq + 1,
        outcome: result.state,
        requestedFor: 'requestedFor' in result ? result.requestedFor : undefined,
      };
    },
    () => ({ seq: previous.seq + 1, formError: NOTHING_WAS_CHANGED }),
  );
}

'use server';
// "Find my registration" and "Email me a fresh link": both answer with the same neutral words whatever happened
// (a match, no match, a throttle), so the form cannot be used to learn who registered.
import { publicAction } from '@/app/_lib/public-action';
import { getClientKey, getRequestContext } from '@/app/_lib/request-context';
import { accessRequestSchema, renewExpiredLink, requestAccessLink } from '@/lib/self-service/access-links';
import { FIND_ANSWER, RENEW_ANSWER } from './messages';

const GENERIC = 'Something went wrong on our side. Please try again in a moment.';

export interface AccessFormState {
  seq: number;
  email: string;
  fieldErrors: Record<string, string[]>;
  answer?: string;
  formError?: string;
}

export async function findRegistrationAction(previous: AccessFormState, formData: FormData): Promise<AccessFormState> {
  const raw = formData.get('email');
  const email = typeof raw === 'string' ? raw.slice(0, 254) : '';
  const seq = previous.seq + 1;
  const parsed = accessRequestSchema.safeParse({ email });
  if (!parsed.success)
    return { seq, email, fieldErrors: { email: [parsed.error.issues[0]?.message ?? 'Enter your email address'] } };
  return publicAction<AccessFormState>(
    'findRegistrationAction',
    GENERIC,
    async () => {
      await requestAccessLink(await getRequestContext(), { email: parsed.data.email, clientKey: await getClientKey() });
      return { seq, email: '', fieldErrors: {}, answer: FIND_ANSWER };
    },
    (failure) => ({ seq, email, fieldErrors: failure.fieldErrors, formError: failure.formError }),
  );
}

export interface RenewState {
  seq: number;
  answer?: string;
  formError?: string;
}

export async function renewLinkAction(previous: RenewState, formData: FormData): Promise<RenewState> {
  const seq = previous.seq + 1;
  const token = formData.get('token');
  // Every failure gets the same neutral words, an expected one included.
  return publicAction<RenewState>(
    'renewLinkAction',
    GENERIC,
    async () => {
      if (typeof token === 'string')
        await renewExpiredLink(await getRequestContext(), token, { clientKey: await getClientKey() });
      return { seq, answer: RENEW_ANSWER };
    },
    () => ({ seq, formError: GENERIC }),
  );
}

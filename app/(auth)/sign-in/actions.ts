'use server';
// Signs a staff member in through Auth.js and answers the form with inline errors, or redirects on success.
import { CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, ThrottledSignin } from '@/app/_lib/auth';
import { credentialsSchema, WRONG_CREDENTIALS_MESSAGE } from '@/lib/auth/authenticate';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { throttledMessage } from '@/lib/auth/throttle-rules';

export interface SignInState {
  email: string;
  fieldErrors: { email?: string[]; password?: string[] };
  formError?: string;
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const rawEmail = formData.get('email');
  const email = typeof rawEmail === 'string' ? rawEmail.trim().slice(0, 254) : '';
  const parsed = credentialsSchema.safeParse({ email: rawEmail ?? '', password: formData.get('password') ?? '' });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { email, fieldErrors: { email: fieldErrors.email, password: fieldErrors.password } };
  }
  const callbackUrl = safeCallbackUrl(formData.get('callbackUrl'));
  try {
    await signIn('credentials', {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: callbackUrl,
      redirect: false,
    });
  } catch (error) {
    if (error instanceof ThrottledSignin)
      return { email, fieldErrors: {}, formError: throttledMessage(error.retryAfterSeconds) };
    if (error instanceof CredentialsSignin) return { email, fieldErrors: {}, formError: WRONG_CREDENTIALS_MESSAGE };
    throw error;
  }
  // A relative path checked by safeCallbackUrl: never another site.
  redirect(callbackUrl);
}

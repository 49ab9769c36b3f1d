// Organizer sign-in. Already signed in: straight on to where the visitor was going.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/app/_lib/authz';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };
export const dynamic = 'force-dynamic';

const notices: Record<string, string> = {
  'account-created': 'Your account is ready. Sign in with your email address and password.',
  'signed-out': 'You have signed out, on this device and every other one.',
};

// Errors Auth.js reports through the URL when its own endpoints are used directly.
function errorFromQuery(error: string | undefined, code: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === 'CredentialsSignin') {
    return code === 'throttled' ? 'Too many failed attempts. Try again later.' : 'Wrong email or password.';
  }
  return 'Signing in did not work. Please try again.';
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl));
  if (await getCurrentUser()) redirect(callbackUrl);
  const notice = notices[one(params.notice) ?? ''];
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">Organizer sign-in</h1>
      <p className="mt-2 text-muted">For the conference team. Attendees do not need an account.</p>
      {notice ? (
        <p
          role="status"
          className="mt-6 rounded-lg border border-brand bg-brand-soft px-4 py-3 font-medium text-brand-strong"
        >
          {notice}
        </p>
      ) : null}
      <div className="card mt-6 p-6">
        <SignInForm callbackUrl={callbackUrl} initialError={errorFromQuery(one(params.error), one(params.code))} />
      </div>
    </div>
  );
}

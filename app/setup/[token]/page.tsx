// Creating a staff account from a one-time link: the first owner, or someone invited with a role.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getContext } from '@/app/_lib/context';
import { describeAccountToken, TOKEN_INVALID_MESSAGE } from '@/lib/auth/account-tokens';
import { SetupForm } from './setup-form';

// The link's secret is in the URL: keep it out of other sites' Referer headers and out of search engines.
// ("no-referrer" would also make the browser send `Origin: null`, which Next refuses for server actions.)
export const metadata: Metadata = {
  title: 'Create your account',
  referrer: 'same-origin',
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

const roleNames = {
  owner: 'owner',
  organizer: 'organizer',
  checkin: 'check-in staff',
  accessibility: 'accessibility team',
} as const;

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const info = await describeAccountToken(getContext(), token);
  if (!info) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">This link cannot be used</h1>
        <p className="mt-4">{TOKEN_INVALID_MESSAGE}</p>
        <p className="mt-4">
          <Link href="/sign-in">Go to sign-in</Link>
        </p>
      </div>
    );
  }
  const owner = info.purpose === 'owner_setup';
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold">{owner ? 'Create the owner account' : 'Create your account'}</h1>
      <p className="mt-2 text-muted">
        {owner ? (
          'The owner manages the event and invites the rest of the team.'
        ) : (
          <>
            You are invited as <strong>{roleNames[info.role]}</strong> with the email address{' '}
            <strong>{info.email}</strong>.
          </>
        )}{' '}
        This link works once.
      </p>
      <div className="card mt-6 p-6">
        <SetupForm token={token} askEmail={owner} />
      </div>
    </div>
  );
}

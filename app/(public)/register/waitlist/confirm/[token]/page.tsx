// The page behind a waiting-list confirmation link. Showing it changes nothing (mail scanners open links); the
// button confirms. Every state of the link gets a calm answer: waiting for confirmation, already confirmed,
// expired, ended or unknown. The token is a bearer secret: never indexed or cached, no referrer to other sites.
import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { LocalInstant } from '@/app/_components/local-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { waitlistConfirmState } from '@/lib/waitlist/confirm';
import { formatClock } from '../../../_lib/format';
import { ConfirmForm } from './confirm-form';

export const metadata: Metadata = {
  title: 'Confirm your waiting-list place',
  robots: { index: false, follow: false, nocache: true },
  // "no-referrer" would make browsers send `Origin: null` with the form post, which Next.js refuses.
  referrer: 'same-origin',
};

function Answer({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <h1 className="text-3xl font-bold sm:text-4xl">{title}</h1>
      {children}
      <p>
        <Link href="/register">Back to the ticket list</Link>
      </p>
    </div>
  );
}

export default async function ConfirmWaitlistPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const ctx = await getRequestContext();
  const link = await waitlistConfirmState(ctx, token);
  switch (link.state) {
    case 'unknown':
      return (
        <Answer title="We could not find this link">
          <p>The link may be incomplete. Open it again from the email, or copy the whole address into your browser.</p>
        </Answer>
      );
    case 'expired':
      return (
        <Answer title="This link has expired">
          <p>
            Requests to join a waiting list lapse when they are not confirmed in time. If it is still sold out, you can
            join the waiting list again.
          </p>
        </Answer>
      );
    case 'closed':
      return (
        <Answer title="This waiting-list place has ended">
          <p>It was confirmed, and its offer has since been used or has lapsed. Nothing more is needed.</p>
        </Answer>
      );
    case 'confirmed':
      return (
        <Answer title="Your place is already confirmed">
          <p>
            This link was used before: you are on the waiting list for <strong>{link.requestedFor}</strong>. If a seat
            frees up, we email you an offer.
          </p>
        </Answer>
      );
    case 'pending': {
      const event = await getCurrentEvent();
      const at = link.confirmBy;
      return (
        <div className="mx-auto flex w-full max-w-2xl flex-col gap-4">
          <h1 className="text-3xl font-bold sm:text-4xl">Confirm your place on the waiting list</h1>
          <p className="text-lg">
            You asked to join the waiting list for <strong>{link.requestedFor}</strong>. Confirm before{' '}
            <time dateTime={at.toISOString()}>{formatClock(at, event.timezone, ctx.clock.now())}</time>
            <LocalInstant at={at.toISOString()} timeZone={event.timezone} /> to take your place. Your place in the queue
            counts from the moment you confirm.
          </p>
          <ConfirmForm token={token} />
        </div>
      );
    }
  }
}

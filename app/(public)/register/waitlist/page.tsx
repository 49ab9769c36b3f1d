import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { connection } from 'next/server';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { SessionTime } from '@/app/_components/session-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { listOnSale } from '@/lib/catalogue/on-sale';
import { WAITLIST_CONFIRM_HOURS } from '@/lib/waitlist/join';
import { dayOf } from '../_lib/format';
import { first, type SearchParams } from '../_lib/selection';
import { WaitlistForm } from './waitlist-form';
import { isUuid } from '@/lib/validation';

export const metadata: Metadata = { title: 'Waiting list', robots: { index: false, follow: false } };

function duration(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

export default async function WaitlistPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const params = await searchParams;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const ticketTypeId = first(params.ticketType)?.trim();
  const sessionId = first(params.session)?.trim();
  const { ticketTypes, workshops } = await listOnSale(ctx, event);
  const type = ticketTypeId && isUuid(ticketTypeId) ? ticketTypes.find((t) => t.id === ticketTypeId) : undefined;
  const workshop =
    !type && sessionId && isUuid(sessionId)
      ? workshops.find((w) => w.id === sessionId && w.capacity !== null)
      : undefined;
  const stillOpen = type ? type.status === 'available' : workshop ? (workshop.remaining ?? 1) > 0 : false;

  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Join the waiting list</h1>
        {type && (
          <p className="text-lg">
            For the ticket <strong>{type.label}</strong>.
          </p>
        )}
        {workshop && (
          <p className="text-lg">
            For the workshop <strong>{workshop.title}</strong>,{' '}
            <SessionTime
              startsAt={workshop.startsAt}
              endsAt={workshop.endsAt}
              day={dayOf(workshop.startsAt, event.timezone)}
              timeZone={event.timezone}
              showDay
            />
          </p>
        )}
      </header>
      {!type && !workshop ? (
        <div className="card flex flex-col gap-2 p-5">
          <p>We could not find that ticket or workshop. The link may be incomplete.</p>
          <p>
            <Link href="/register" prefetch={false}>
              Back to the ticket list
            </Link>
          </p>
        </div>
      ) : (
        <>
          {stillOpen ? (
            // The list opens only once it is full (the join itself checks again, under the pool locks).
            <p className="rounded-lg border border-brand bg-brand-soft px-4 py-3">
              Good news: seats are available right now, so there is no waiting list.{' '}
              <Link href="/register" prefetch={false}>
                Register instead
              </Link>
              .
            </p>
          ) : (
            <>
              <p>
                Leave your name and email. We email you a link to confirm the address is yours; once you confirm, you
                are on the list. When a seat frees up, offers go by email in the order people confirmed. Joining costs
                nothing and books nothing.
              </p>
              <WaitlistForm
                ticketTypeId={type?.id}
                sessionId={workshop?.id}
                offerWording={duration(event.offerMinutes)}
                confirmHours={WAITLIST_CONFIRM_HOURS}
                maxPerEmail={ctx.config.WAITLIST_MAX_PER_EMAIL}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

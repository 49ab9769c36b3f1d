// The attendee changes their own details and answers, private ones included, until the change cut-off; after it
// they are shown read-only with the reason. Reached only through the attendee's own page link.
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { getRequestContext } from '@/app/_lib/request-context';
import { getAttendeePage } from '@/lib/tickets/attendee-page';
import { AttendeeEditBody, Deadline } from '../../../orders/[token]/_components/attendee-edit';
import { privatePageMetadata } from '../../../orders/[token]/_lib/metadata';
import { editOwnDetailsAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Your details');

export default async function EditOwnDetailsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await getAttendeePage(await getRequestContext(), token);
  if (!page) notFound();
  const { ticket, event, changes } = page;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p>
          <Link href={`/tickets/${token}`}>
            <span aria-hidden="true">← </span>Back to your page
          </Link>
        </p>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Your details</h1>
      </header>
      <AttendeeEditBody
        token={token}
        ticket={ticket}
        changes={changes}
        heading="Change your details"
        form={{ action: editOwnDetailsAction }}
        intro={
          <p>
            You can change these until <Deadline at={changes.until} timeZone={event.timezone} />. Answers marked private
            are yours: the person who registered you does not see them, and at the organization only the staff who need
            them do.
          </p>
        }
      />
    </div>
  );
}

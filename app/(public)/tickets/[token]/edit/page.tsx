// The attendee changes their own details and answers, private ones included, until the change cut-off; after it
// they are shown read-only with the reason. Reached only through the attendee's own page link.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LocalInstant } from '@/app/_components/local-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { type ManageTicket } from '@/lib/self-service/manage';
import { getAttendeePage } from '@/lib/tickets/attendee-page';
import { AttendeeDetails } from '../../../orders/[token]/_components/attendee-details';
import { privatePageMetadata } from '../../../orders/[token]/_lib/metadata';
import { EditAttendeeForm } from '../../../orders/[token]/tickets/[ticketId]/edit/edit-form';
import { editOwnDetailsAction } from '../actions';
import { formatInstant } from '@/lib/time';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Your details');

function initialValues(t: ManageTicket): Record<string, string[]> {
  const out: Record<string, string[]> = {
    badgeName: [t.badgeName], pronouns: t.pronouns ? [t.pronouns] : [], photoPreference: [t.photoPreference],
    directoryOptIn: t.directoryOptIn ? ['yes'] : [],
  };
  for (const q of t.questions) out[`answers.${q.key}`] = q.kind === 'checkbox' ? (q.value === 'yes' ? ['yes'] : []) : q.value ? [q.value] : [];
  return out;
}

export default async function EditOwnDetailsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await getAttendeePage(await getRequestContext(), token);
  if (!page) notFound();
  const { ticket, event, changes } = page;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p><Link href={`/tickets/${token}`}><span aria-hidden="true">← </span>Back to your page</Link></p>
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Your details</h1>
      </header>
      {changes.open ? (
        <>
          <p>
            You can change these until{' '}
            <time dateTime={changes.until.toISOString()}>{formatInstant(changes.until, event.timezone, { weekday: false })}</time>
            <LocalInstant at={changes.until.toISOString()} timeZone={event.timezone} />. Answers marked private are yours: the
            person who registered you does not see them, and at the organization only the staff who need them do.
          </p>
          <section aria-labelledby="edit-heading" className="card flex flex-col gap-4 p-4 sm:p-5">
            <h2 id="edit-heading" className="text-xl font-semibold">Change your details</h2>
            <EditAttendeeForm token={token} initialValues={initialValues(ticket)} action={editOwnDetailsAction}
              questions={ticket.questions.map((q) => ({ key: q.key, label: q.label, help: q.help, kind: q.kind, options: q.options, isRequired: q.isRequired, isSensitive: q.isSensitive }))} />
          </section>
        </>
      ) : (
        <>
          <p className="card border-2 border-note-line bg-note p-4 font-medium text-note-ink">{changes.closedMessage}</p>
          <section aria-labelledby="details-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
            <h2 id="details-heading" className="text-xl font-semibold">{ticket.label}</h2>
            <AttendeeDetails ticket={ticket} />
          </section>
        </>
      )}
    </div>
  );
}

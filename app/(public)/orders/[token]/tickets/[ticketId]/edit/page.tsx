// An attendee's details, editable until the change cut-off and shown read-only with the reason after it. Reached
// through the order's secret link; a ticket of another order is a plain 404.
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { LocalInstant } from '@/app/_components/local-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { getTicketPage, type ManageTicket } from '@/lib/self-service/manage';
import { AttendeeDetails } from '../../../_components/attendee-details';
import { PrivateNote } from '../../../_components/private-note';
import { SubpageHeader } from '../../../_components/subpage-header';
import { privatePageMetadata } from '../../../_lib/metadata';
import { EditAttendeeForm } from './edit-form';
import { formatInstant } from '@/lib/time';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Attendee details');

function initialValues(t: ManageTicket): Record<string, string[]> {
  const out: Record<string, string[]> = {
    badgeName: [t.badgeName], pronouns: t.pronouns ? [t.pronouns] : [], photoPreference: [t.photoPreference],
    directoryOptIn: t.directoryOptIn ? ['yes'] : [],
  };
  for (const q of t.questions) {
    out[`answers.${q.key}`] = q.kind === 'checkbox' ? (q.value === 'yes' ? ['yes'] : []) : q.value ? [q.value] : [];
  }
  return out;
}

export default async function EditAttendeePage({ params }: { params: Promise<{ token: string; ticketId: string }> }) {
  const { token, ticketId } = await params;
  const page = await getTicketPage(await getRequestContext(), token, ticketId);
  if (!page) notFound();
  const { ticket, event, order } = page;
  const until = page.changesUntil;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <SubpageHeader token={token} eventName={event.name} reference={order.reference} title={`Attendee details: ${ticket.badgeName}`} />
      {page.changesOpen ? (
        <>
          <p>
            {ticket.label}, in the name of <strong>{ticket.legalName}</strong> ({ticket.email}). You can change these details until{' '}
            <time dateTime={until.toISOString()}>{formatInstant(until, event.timezone, { weekday: false })}</time>
            <LocalInstant at={until.toISOString()} timeZone={event.timezone} />. The full name and email stay with this person;
            to give the ticket to someone else, <Link href={`/orders/${token}/tickets/${ticket.id}/transfer`}>transfer it</Link>.
          </p>
          {ticket.privateToAttendee && <PrivateNote badgeName={ticket.badgeName} />}
          <section aria-labelledby="edit-heading" className="card flex flex-col gap-4 p-4 sm:p-5">
            <h2 id="edit-heading" className="text-xl font-semibold">Change the details</h2>
            <EditAttendeeForm token={token} ticketId={ticket.id} initialValues={initialValues(ticket)} showPronouns={!ticket.privateToAttendee}
              questions={ticket.questions.map((q) => ({ key: q.key, label: q.label, help: q.help, kind: q.kind, options: q.options, isRequired: q.isRequired, isSensitive: q.isSensitive }))} />
          </section>
        </>
      ) : (
        <>
          <p className="card border-2 border-note-line bg-note p-4 font-medium text-note-ink">{page.closedMessage}</p>
          <section aria-labelledby="details-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
            <h2 id="details-heading" className="text-xl font-semibold">{ticket.label}</h2>
            <AttendeeDetails ticket={ticket} />
          </section>
        </>
      )}
    </div>
  );
}

// An attendee's details, editable until the change cut-off and shown read-only with the reason after it. Reached
// through the order's secret link; a ticket of another order is a plain 404.
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getRequestContext } from '@/app/_lib/request-context';
import { getTicketPage } from '@/lib/self-service/manage';
import { AttendeeEditBody, Deadline } from '../../../_components/attendee-edit';
import { PrivateNote } from '../../../_components/private-note';
import { SubpageHeader } from '../../../_components/subpage-header';
import { privatePageMetadata } from '../../../_lib/metadata';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Attendee details');

export default async function EditAttendeePage({ params }: { params: Promise<{ token: string; ticketId: string }> }) {
  const { token, ticketId } = await params;
  const page = await getTicketPage(await getRequestContext(), token, ticketId);
  if (!page) notFound();
  const { ticket, event, order } = page;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <SubpageHeader
        token={token}
        eventName={event.name}
        reference={order.reference}
        title={`Attendee details: ${ticket.badgeName}`}
      />
      <AttendeeEditBody
        token={token}
        ticket={ticket}
        changes={{ open: page.changesOpen, closedMessage: page.closedMessage }}
        heading="Change the details"
        form={{ ticketId: ticket.id, showPronouns: !ticket.privateToAttendee }}
        intro={
          <>
            <p>
              {ticket.label}, in the name of <strong>{ticket.legalName}</strong> ({ticket.email}). You can change these
              details until <Deadline at={page.changesUntil} timeZone={event.timezone} />. The full name and email stay
              with this person; to give the ticket to someone else,{' '}
              <Link href={`/orders/${token}/tickets/${ticket.id}/transfer`}>transfer it</Link>.
            </p>
            {ticket.privateToAttendee && <PrivateNote badgeName={ticket.badgeName} />}
          </>
        }
      />
    </div>
  );
}

// An attendee's details, editable until the change cut-off and shown read-only with the reason after it. Reached
// through the order's secret link; a ticket of another order is a plain 404.
import Link from '@/app/_components/link';
import { AttendeeEditBody, Deadline } from '../../../_components/attendee-edit';
import { PrivateNote } from '../../../_components/private-note';
import { privatePageMetadata } from '../../../_lib/metadata';
import { loadTicketPage, TicketSubpage, type TicketPageParams } from '../../../_lib/ticket-page';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Attendee details');

export default async function EditAttendeePage({ params }: { params: TicketPageParams }) {
  const { token, page } = await loadTicketPage(params);
  const { ticket, event } = page;
  return (
    <TicketSubpage token={token} page={page} title={`Attendee details: ${ticket.badgeName}`}>
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
    </TicketSubpage>
  );
}

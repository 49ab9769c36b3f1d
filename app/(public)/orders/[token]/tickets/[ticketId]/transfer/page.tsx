// Passing a ticket to another person until the change cut-off: what happens is said before the form (the old
// QR code stops working, answers and agenda are cleared, both people get an email). Reached through the
// order's secret link.
import { CardSection } from '@/app/_components/card-section';
import { Deadline } from '../../../_components/attendee-edit';
import { ClosedNotice } from '../../../_components/subpage';
import { privatePageMetadata } from '../../../_lib/metadata';
import { loadTicketPage, TicketSubpage, type TicketPageParams } from '../../../_lib/ticket-page';
import { TransferForm } from './transfer-form';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Transfer a ticket');

export default async function TransferPage({ params }: { params: TicketPageParams }) {
  const { token, page } = await loadTicketPage(params);
  const { ticket, event } = page;
  return (
    <TicketSubpage token={token} page={page} title="Transfer a ticket to someone else">
      <p>
        {ticket.label}, now in the name of <strong>{ticket.legalName}</strong> (badge name {ticket.badgeName}).
      </p>
      {page.changesOpen ? (
        <>
          <section aria-labelledby="what-heading" className="flex flex-col gap-2">
            <h2 id="what-heading" className="text-xl font-semibold">
              What happens
            </h2>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                The ticket, and any workshop seats it holds, pass to the new attendee, who gets their ticket by email.
              </li>
              <li>Every QR code issued for this ticket so far stops working.</li>
              <li>
                {ticket.legalName}’s pronouns, answers and personal agenda are removed, and we let them know by email
                that the ticket was passed on.
              </li>
              <li>
                You can transfer tickets until <Deadline at={page.changesUntil} timeZone={event.timezone} />.
              </li>
            </ul>
          </section>
          <CardSection id="transfer-heading" heading="The new attendee" gap={4}>
            <TransferForm token={token} ticketId={ticket.id} />
          </CardSection>
        </>
      ) : (
        <ClosedNotice message={page.closedMessage} />
      )}
    </TicketSubpage>
  );
}

// Passing a ticket to another person until the change cut-off: what happens is said before the form (the old
// QR code stops working, answers and agenda are cleared, both people get an email). Reached through the
// order's secret link.
import { notFound } from 'next/navigation';
import { getRequestContext } from '@/app/_lib/request-context';
import { Deadline } from '../../../_components/attendee-edit';
import { getTicketPage } from '@/lib/self-service/manage';
import { SubpageHeader } from '../../../_components/subpage-header';
import { privatePageMetadata } from '../../../_lib/metadata';
import { TransferForm } from './transfer-form';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Transfer a ticket');

export default async function TransferPage({ params }: { params: Promise<{ token: string; ticketId: string }> }) {
  const { token, ticketId } = await params;
  const page = await getTicketPage(await getRequestContext(), token, ticketId);
  if (!page) notFound();
  const { ticket, event, order } = page;
  const until = page.changesUntil;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <SubpageHeader
        token={token}
        eventName={event.name}
        reference={order.reference}
        title="Transfer a ticket to someone else"
      />
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
                You can transfer tickets until <Deadline at={until} timeZone={event.timezone} />.
              </li>
            </ul>
          </section>
          <section aria-labelledby="transfer-heading" className="card flex flex-col gap-4 p-4 sm:p-5">
            <h2 id="transfer-heading" className="text-xl font-semibold">
              The new attendee
            </h2>
            <TransferForm token={token} ticketId={ticket.id} />
          </section>
        </>
      ) : (
        <p className="card border-2 border-note-line bg-note p-4 font-medium text-note-ink">{page.closedMessage}</p>
      )}
    </div>
  );
}

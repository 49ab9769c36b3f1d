// Changing a ticket's workshops until the change cut-off; after it (or for a ticket without workshops) the
// current choice is shown with the reason. Reached through the order's secret link.
import { CardSection } from '@/app/_components/card-section';
import { WorkshopTimes } from '@/app/_components/workshop-times';
import { listWorkshopOptions } from '@/lib/self-service/change-workshops';
import { seatsLeftText } from '../../../../../register/_lib/workshop-list';
import { Deadline } from '../../../_components/attendee-edit';
import { ClosedNotice } from '../../../_components/subpage';
import { privatePageMetadata } from '../../../_lib/metadata';
import { loadTicketPage, TicketSubpage, type TicketPageParams } from '../../../_lib/ticket-page';
import { WorkshopsForm } from './workshops-form';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Workshops');

export default async function WorkshopsPage({ params }: { params: TicketPageParams }) {
  const { ctx, token, page } = await loadTicketPage(params);
  const { ticket, event } = page;
  const options = await listWorkshopOptions(ctx, event, ticket);
  const mine = options.filter((w) => w.chosen);
  const tz = event.timezone;
  return (
    <TicketSubpage token={token} page={page} title={`Workshops: ${ticket.badgeName}`}>
      {!ticket.includesWorkshops ? (
        <p className="card p-4">{ticket.label} does not include workshops.</p>
      ) : page.changesOpen ? (
        <>
          <p>
            Seats are limited: a seat you leave goes to someone else straight away. You can change workshops until{' '}
            <Deadline at={page.changesUntil} timeZone={tz} />.
          </p>
          {options.length ? (
            <CardSection id="workshops-heading" heading="Choose workshops" gap={4}>
              <WorkshopsForm
                token={token}
                ticketId={ticket.id}
                timeZone={tz}
                initialValues={{ workshopIds: mine.map((w) => w.id) }}
                workshops={options.map((w) => ({
                  id: w.id,
                  title: w.title,
                  startsAt: w.startsAt.toISOString(),
                  endsAt: w.endsAt.toISOString(),
                  day: w.day,
                  seatsLeft: seatsLeftText(w.remaining),
                  full: w.remaining === 0,
                  overlaps: w.overlaps,
                }))}
              />
            </CardSection>
          ) : (
            <p className="card p-4">There are no workshops for this ticket to choose from.</p>
          )}
        </>
      ) : (
        <>
          <ClosedNotice message={page.closedMessage} />
          <CardSection id="current-heading" heading="Current workshops">
            {mine.length ? <WorkshopTimes workshops={mine} timeZone={tz} /> : <p>No workshops chosen.</p>}
          </CardSection>
        </>
      )}
    </TicketSubpage>
  );
}

// Changing a ticket's workshops until the change cut-off; after it (or for a ticket without workshops) the
// current choice is shown with the reason. Reached through the order's secret link.
import { notFound } from 'next/navigation';
import { SessionTime } from '@/app/_components/session-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { Deadline } from '../../../_components/attendee-edit';
import { listWorkshopOptions } from '@/lib/self-service/change-workshops';
import { getTicketPage } from '@/lib/self-service/manage';
import { seatsLeftText } from '../../../../../register/_lib/workshop-list';
import { SubpageHeader } from '../../../_components/subpage-header';
import { privatePageMetadata } from '../../../_lib/metadata';
import { WorkshopsForm } from './workshops-form';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Workshops');

export default async function WorkshopsPage({ params }: { params: Promise<{ token: string; ticketId: string }> }) {
  const { token, ticketId } = await params;
  const ctx = await getRequestContext();
  const page = await getTicketPage(ctx, token, ticketId);
  if (!page) notFound();
  const { ticket, event, order } = page;
  const options = await listWorkshopOptions(ctx, event, ticket);
  const mine = options.filter((w) => w.chosen);
  const tz = event.timezone;
  const until = page.changesUntil;
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <SubpageHeader
        token={token}
        eventName={event.name}
        reference={order.reference}
        title={`Workshops: ${ticket.badgeName}`}
      />
      {!ticket.includesWorkshops ? (
        <p className="card p-4">{ticket.label} does not include workshops.</p>
      ) : page.changesOpen ? (
        <>
          <p>
            Seats are limited: a seat you leave goes to someone else straight away. You can change workshops until{' '}
            <Deadline at={until} timeZone={tz} />.
          </p>
          {options.length ? (
            <section aria-labelledby="workshops-heading" className="card flex flex-col gap-4 p-4 sm:p-5">
              <h2 id="workshops-heading" className="text-xl font-semibold">
                Choose workshops
              </h2>
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
            </section>
          ) : (
            <p className="card p-4">There are no workshops for this ticket to choose from.</p>
          )}
        </>
      ) : (
        <>
          <p className="card border-2 border-note-line bg-note p-4 font-medium text-note-ink">{page.closedMessage}</p>
          <section aria-labelledby="current-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
            <h2 id="current-heading" className="text-xl font-semibold">
              Current workshops
            </h2>
            {mine.length ? (
              <ul className="flex flex-col gap-1">
                {mine.map((w) => (
                  <li key={w.id}>
                    {w.title}, <SessionTime startsAt={w.startsAt} endsAt={w.endsAt} day={w.day} timeZone={tz} showDay />
                  </li>
                ))}
              </ul>
            ) : (
              <p>No workshops chosen.</p>
            )}
          </section>
        </>
      )}
    </div>
  );
}

// One ticket on the order page: who holds it, its price and workshops, and for a confirmed registration the QR
// code (in-person tickets) and the ways to change it while changes are open.
import Link from '@/app/_components/link';
import { WorkshopTimes } from '@/app/_components/workshop-times';
import type { OrderView } from '@/lib/orders/queries';
import type { ManageTicket } from '@/lib/self-service/manage';
import { formatDate } from '../../../register/_lib/format';
import { PrivateNote } from './private-note';
import { TicketQrCode } from './qr-code';

export function TicketCard({
  index,
  ticket: t,
  details,
  qrSvg,
  ownPageToken,
  money,
  timeZone,
  token,
  changesOpen,
}: {
  index: number;
  ticket: OrderView['tickets'][number];
  /** Present for a confirmed registration only. */
  details?: ManageTicket;
  qrSvg?: string;
  /** A link to the buyer's own page for a ticket in the buyer's name (access request, who viewed their answers). */
  ownPageToken?: string;
  money: (minor: number) => string;
  timeZone: string;
  token: string;
  changesOpen: boolean;
}) {
  const base = `/orders/${token}/tickets/${t.id}`;
  const whose = <span className="sr-only"> of {t.badgeName}</span>;
  return (
    <li id={`ticket-${t.id}`} className="card flex flex-col gap-3 p-4 sm:p-5">
      <h3 className="text-lg font-semibold">
        Attendee {index + 1}: {t.badgeName}
      </h3>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-64 flex-1 flex-col gap-2">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[0.9375rem]">
            <dt className="font-medium text-muted">Ticket</dt>
            <dd>{t.label}</dd>
            <dt className="font-medium text-muted">Full name</dt>
            <dd>{t.legalName}</dd>
            <dt className="font-medium text-muted">Badge name</dt>
            <dd>{t.badgeName}</dd>
            {details && (
              <>
                <dt className="font-medium text-muted">Email</dt>
                <dd className="break-all">{t.email}</dd>
              </>
            )}
            {details?.pronouns && (
              <>
                <dt className="font-medium text-muted">Pronouns</dt>
                <dd>{details.pronouns}</dd>
              </>
            )}
            <dt className="font-medium text-muted">Price</dt>
            <dd className="tabular-nums">
              {money(t.price - t.discount)}
              {t.discount > 0 && (
                <span className="text-muted">
                  {' '}
                  ({money(t.price)} less {money(t.discount)})
                </span>
              )}
            </dd>
          </dl>
          {details?.transferredAt && (
            <p className="text-sm text-muted">
              Transferred to this attendee on {formatDate(details.transferredAt, timeZone)}.
            </p>
          )}
          {details?.privateToAttendee && <PrivateNote badgeName={t.badgeName} />}
          {t.workshops.length > 0 && (
            <div>
              <h4 className="font-semibold">Workshops</h4>
              <WorkshopTimes workshops={t.workshops} timeZone={timeZone} />
            </div>
          )}
        </div>
        {qrSvg && <TicketQrCode svg={qrSvg} badgeName={t.badgeName} />}
      </div>
      {details && (
        <ul className="flex flex-wrap gap-x-5 gap-y-2">
          <li>
            <Link href={`${base}/edit`}>
              {changesOpen ? 'Edit details' : 'View details'}
              {whose}
            </Link>
          </li>
          {changesOpen && details.includesWorkshops && (
            <li>
              <Link href={`${base}/workshops`}>Change workshops{whose}</Link>
            </li>
          )}
          {changesOpen && (
            <li>
              <Link href={`${base}/transfer`}>
                Transfer<span className="sr-only"> the ticket of {t.badgeName}</span> to someone else
              </Link>
            </li>
          )}
          {ownPageToken && (
            <li>
              <Link href={`/tickets/${ownPageToken}`}>
                Your own page<span className="sr-only"> for the ticket of {t.badgeName}</span>: access requests and who
                has seen your private answers
              </Link>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}

// The attendee's own private page, reached only through the link in their ticket email: their ticket and QR code
// (a fresh QR token per view, drawn inline), calendar, workshops and agenda, their details and answers (theirs
// alone to change), their access request, and who at the organization opened their private answers. Never
// cached or indexed, no referrer to other sites; an unknown, revoked or lapsed link is a plain 404.
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { longDay } from '@/app/_components/dates';
import { LocalInstant } from '@/app/_components/local-time';
import { SessionTime } from '@/app/_components/session-time';
import { WorkshopTimes } from '@/app/_components/workshop-times';
import { getRequestContext } from '@/app/_lib/request-context';
import { issueTicketQrCodes } from '@/lib/self-service/qr-codes';
import { getAttendeePage, type AttendeePage } from '@/lib/tickets/attendee-page';
import { formatInstant } from '@/lib/time';
import { AttendeeDetails } from '../../orders/[token]/_components/attendee-details';
import { DataExportLink } from '../../orders/[token]/_components/data-export-link';
import { DoneNotice } from '../../orders/[token]/_components/done-notice';
import { doneNotice, type TokenPageProps } from '../../orders/[token]/_lib/token-page';
import { TicketQrCode } from '../../orders/[token]/_components/qr-code';
import { privatePageMetadata } from '../../orders/[token]/_lib/metadata';
import { ErasureRequest } from './_components/erasure-request';
import { PlainTable } from '@/app/_components/plain-table';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Your ticket');

const DONE: Record<string, string> = { details: 'Your changes are saved.' };

function AccessRequest({ page }: { page: AttendeePage }) {
  const { access, event } = page;
  if (!access) return null;
  return (
    <section aria-labelledby="access-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
      <h2 id="access-heading" className="text-xl font-semibold">
        Your access request
      </h2>
      <p>
        Status: <strong>{access.statusLabel}</strong>
        <span className="text-muted">
          {' '}
          (since {formatInstant(access.updatedAt, event.timezone, { weekday: false })})
        </span>
      </p>
      {access.message ? (
        <div>
          <h3 className="font-semibold">Message from the accessibility team</h3>
          <p className="whitespace-pre-line break-words">{access.message}</p>
        </div>
      ) : (
        <p className="text-muted">
          The accessibility team has not written to you yet. We email you when something changes.
        </p>
      )}
    </section>
  );
}

function WhoViewed({ page }: { page: AttendeePage }) {
  const tz = page.event.timezone;
  return (
    <section aria-labelledby="views-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
      <h2 id="views-heading" className="text-xl font-semibold">
        Who has seen your private answers
      </h2>
      <p className="text-[0.9375rem]">
        Only the organizers’ owner and accessibility team can open private answers, and every time they do it is
        recorded here. The person who registered you cannot see them.
      </p>
      {page.views.length === 0 ? (
        <p>Nobody at the organization has opened your private answers.</p>
      ) : (
        <div className="overflow-x-auto">
          <PlainTable
            caption="Views and exports of your private answers, newest first"
            className="w-full border-collapse text-left text-[0.9375rem]"
            rows={page.views}
            rowKey={(v, i) => `${v.at.toISOString()}-${i}`}
            columns={[
              {
                header: 'When',
                cell: (v) => <time dateTime={v.at.toISOString()}>{formatInstant(v.at, tz, { weekday: false })}</time>,
              },
              { header: 'Who', cell: (v) => (v.name ? `${v.name}, ${v.role}` : v.role) },
              { header: 'What', cell: (v) => (v.why === 'exported' ? 'Exported' : 'Viewed') },
            ]}
          />
        </div>
      )}
    </section>
  );
}

function Agenda({ page }: { page: AttendeePage }) {
  const tz = page.event.timezone;
  return (
    <section aria-labelledby="agenda-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
      <h2 id="agenda-heading" className="text-xl font-semibold">
        Your agenda
      </h2>
      {page.agenda.length === 0 ? (
        <p>
          No sessions starred yet. Browse the <Link href="/programme">programme</Link>.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {page.agenda.map((s) => (
            <li key={s.id}>
              <span className="font-medium">
                {s.attendeesOnly ? s.title : <Link href={`/sessions/${s.slug}`}>{s.title}</Link>}
              </span>
              , <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} day={s.day} timeZone={tz} showDay />
              {s.room ? <span className="text-muted"> · {s.room}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default async function AttendeeTicketPage({ params, searchParams }: TokenPageProps) {
  const { token } = await params;
  const query = await searchParams;
  const done = doneNotice(DONE, query.done);
  const ctx = await getRequestContext();
  const page = await getAttendeePage(ctx, token);
  if (!page) notFound();
  const { ticket, event, order, changes } = page;
  const tz = event.timezone;
  // A fresh QR token per view (in-person tickets only); earlier ones keep working until the ticket is passed on.
  const qr = (await issueTicketQrCodes(ctx.db, [ticket], page.now)).get(ticket.id);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">Your ticket, {ticket.badgeName}</h1>
        <p>
          Order reference <strong className="font-mono tracking-wide">{order.reference}</strong>. This page is private
          to you: keep its address to yourself.
        </p>
      </header>
      {done && <DoneNotice message={done} />}

      <section aria-labelledby="ticket-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
        <h2 id="ticket-heading" className="text-xl font-semibold">
          {ticket.label}
        </h2>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-64 flex-1 flex-col gap-2">
            <p>
              {ticket.attendance === 'virtual' ? 'Online attendance.' : 'In person.'}{' '}
              {ticket.validOn ? <>Valid on {longDay(ticket.validOn)}.</> : <>Valid on every day of the conference.</>}
            </p>
            {page.workshops.length > 0 && (
              <div>
                <h3 className="font-semibold">Your workshops</h3>
                <WorkshopTimes workshops={page.workshops} timeZone={tz} />
              </div>
            )}
            <p>
              <a href={`/tickets/${token}/calendar.ics`} className="btn btn-secondary">
                Add to calendar
              </a>
            </p>
          </div>
          {qr && <TicketQrCode svg={qr} badgeName={ticket.badgeName} />}
        </div>
      </section>

      <AccessRequest page={page} />

      <section aria-labelledby="details-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
        <h2 id="details-heading" className="text-xl font-semibold">
          Your details and answers
        </h2>
        <AttendeeDetails ticket={ticket} />
        {changes.open ? (
          <p>
            <Link href={`/tickets/${token}/edit`} className="btn btn-secondary">
              Change your details
            </Link>{' '}
            <span className="text-[0.9375rem] text-muted">
              Until{' '}
              <time dateTime={changes.until.toISOString()}>{formatInstant(changes.until, tz, { weekday: false })}</time>
              <LocalInstant at={changes.until.toISOString()} timeZone={tz} />.
            </span>
          </p>
        ) : (
          <p>{changes.closedMessage}</p>
        )}
      </section>

      <Agenda page={page} />
      <WhoViewed page={page} />
      <DataExportLink
        href={`/tickets/${token}/export`}
        note="Everything we hold about you for this registration, your private answers included, as a file you can keep."
      />
      <ErasureRequest token={token} timeZone={tz} />
    </div>
  );
}

// The order's private page (the attendee's manage page), reached only through the secret link. Personal data:
// never cached, never indexed, no referrer sent to other sites. An unknown token is a plain 404 that says nothing
// about whether it ever existed; an expired emailed link offers a fresh one. A confirmed registration shows each
// ticket's QR code (a fresh token per view), the calendar and receipt, and the ways to change, transfer or cancel.
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { Countdown } from '@/app/_components/countdown';
import { LocalInstant } from '@/app/_components/local-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { formatMoney } from '@/lib/money';
import type { OrderView } from '@/lib/orders/queries';
import { orderLinkState } from '@/lib/self-service/access-links';
import { getManageView, type ManageView } from '@/lib/self-service/manage';
import { issueTicketQrCodes } from '@/lib/self-service/qr-codes';
import { issueBuyerOwnPageLinks } from '@/lib/tickets/attendee-page';
import { ExpiredLink } from '../../find-registration/expired-link';
import { formatClock } from '../../register/_lib/format';
import { DataExportLink } from './_components/data-export-link';
import { DoneNotice } from './_components/done-notice';
import { RefundPolicy } from './_components/refund-policy';
import { TicketCard } from './_components/ticket-card';
import { organizerAddress } from './_lib/contact';
import { DONE_NOTICES } from './_lib/form-state';
import { doneNotice, type TokenPageProps } from './_lib/token-page';
import { privatePageMetadata } from './_lib/metadata';
import { PayNowForm } from './pay-now-form';
import { PaymentStatus } from './payment-status';
import { formatInstant } from '@/lib/time';

export const dynamic = 'force-dynamic';
export const metadata = privatePageMetadata('Your order');

const STATUS_WORDS: Record<OrderView['status'], { title: string; badge: string }> = {
  pending_payment: { title: 'Your seats are held', badge: 'Awaiting payment' },
  paid: { title: 'You’re registered', badge: 'Confirmed' },
  expired: { title: 'This order has expired', badge: 'Expired' },
  cancelled: { title: 'This order was cancelled', badge: 'Cancelled' },
  refunded: { title: 'This order was refunded', badge: 'Refunded' },
};

function NextSteps({
  view,
  timeZone,
  now,
  token,
  returned,
}: {
  view: OrderView;
  timeZone: string;
  now: Date;
  token: string;
  returned: boolean;
}) {
  const { order, status } = view;
  if (status === 'pending_payment' && order.expiresAt) {
    const until = formatClock(order.expiresAt, timeZone, now);
    return (
      <div className="flex flex-col gap-2">
        <p className="text-lg">
          Your seats are held until{' '}
          <strong>
            <time dateTime={order.expiresAt.toISOString()}>{until}</time>
          </strong>
          <LocalInstant at={order.expiresAt.toISOString()} timeZone={timeZone} />.
        </p>
        <Countdown expiresAt={order.expiresAt.toISOString()} serverNow={now.toISOString()} label="Seats held for" />
        {returned && order.paymentState === 'none' ? (
          <p className="font-medium">
            Thank you. Your payment is being confirmed; refresh this page in a moment to see it.
          </p>
        ) : (
          order.total > 0 &&
          order.paymentState !== 'processing' && (
            <PayNowForm token={token} amount={formatMoney(order.total, order.currency)} />
          )
        )}
        <p>
          If the order is not paid by {until}, it expires and the seats are released for others. Keep this page’s
          address: it is private to you and is how you come back to your order.
        </p>
      </div>
    );
  }
  if (status === 'paid') {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-lg">
          {order.total === 0 ? 'No payment is needed. ' : 'Payment received. '}
          Everyone below has a place. Keep this page’s address: it is private to you and is how you come back to your
          order.
        </p>
        <p className="flex flex-wrap gap-3">
          <a href={`/orders/${token}/calendar.ics`} className="btn btn-secondary">
            Add to calendar
          </a>
          <Link href={`/orders/${token}/agenda`} className="btn btn-secondary">
            Your agenda: star sessions
          </Link>
        </p>
      </div>
    );
  }
  if (status === 'expired') {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-lg">The order was not paid in time, so the seats were released for others.</p>
        <p>
          <Link href="/register" prefetch={false} className="btn btn-primary">
            Register again
          </Link>
        </p>
      </div>
    );
  }
  return (
    <p className="text-lg">
      Nobody below has a place with this order any more.{' '}
      <Link href="/register" prefetch={false}>
        Register again
      </Link>
      .
    </p>
  );
}

function ChangesAndCancel({ manage, token, contact }: { manage: ManageView; token: string; contact: string }) {
  const { event, changes, cancel, view } = manage;
  const tz = event.timezone;
  return (
    <>
      <section aria-labelledby="changes-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="changes-heading" className="text-xl font-semibold">
          Changes
        </h2>
        {changes.open ? (
          <p>
            You can change attendee details and workshops, or transfer a ticket to someone else, until{' '}
            <strong>
              <time dateTime={changes.until.toISOString()}>{formatInstant(changes.until, tz, { weekday: false })}</time>
            </strong>
            <LocalInstant at={changes.until.toISOString()} timeZone={tz} />. Use the links under each ticket.
          </p>
        ) : (
          <p>{changes.closedMessage}</p>
        )}
      </section>
      <section aria-labelledby="cancel-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="cancel-heading" className="text-xl font-semibold">
          Cancel your registration
        </h2>
        {cancel.open && cancel.until ? (
          <>
            <p>
              You can cancel {view.tickets.length === 1 ? 'this registration' : 'the whole order'} with a full refund
              until{' '}
              <strong>
                <time dateTime={cancel.until.toISOString()}>{formatInstant(cancel.until, tz, { weekday: false })}</time>
              </strong>
              <LocalInstant at={cancel.until.toISOString()} timeZone={tz} />. You will be asked to confirm.
            </p>
            <p>
              <Link href={`/orders/${token}/cancel`} className="btn btn-secondary">
                Cancel registration…
              </Link>
            </p>
          </>
        ) : (
          <RefundPolicy event={event} reference={view.order.reference} contact={contact} headingLevel={3} />
        )}
      </section>
    </>
  );
}

export default async function OrderPage({ params, searchParams }: TokenPageProps) {
  const { token } = await params;
  const query = await searchParams;
  // Back from the checkout's success page: only a hint; the order's state comes from the webhook.
  const returned = query.paid === '1';
  const done = doneNotice(DONE_NOTICES, query.done);
  const ctx = await getRequestContext();
  const manage = await getManageView(ctx, token);
  if (!manage) {
    if ((await orderLinkState(ctx, token)) === 'expired') return <ExpiredLink token={token} />;
    notFound();
  }
  const { view, event, now } = manage;
  const tz = event.timezone;
  const { order, status } = view;
  const money = (n: number) => formatMoney(n, order.currency);
  const words = STATUS_WORDS[status];
  const paid = status === 'paid';
  // A fresh QR token per view and in-person ticket; earlier ones keep working until a transfer revokes them.
  const qr = paid ? await issueTicketQrCodes(ctx.db, [...manage.tickets.values()], now) : new Map<string, string>();
  const ownPages = paid
    ? await issueBuyerOwnPageLinks(ctx, order, event, [...manage.tickets.values()], now)
    : new Map<string, string>();

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">{words.title}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <span className={`badge ${paid ? 'badge-brand' : status === 'pending_payment' ? 'badge-note' : ''}`}>
            {words.badge}
          </span>
          <span>
            Order reference <strong className="font-mono tracking-wide">{order.reference}</strong>
          </span>
        </p>
      </header>
      {done && <DoneNotice message={done} />}

      <section aria-labelledby="next-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="next-heading" className="text-xl font-semibold">
          What happens next
        </h2>
        <NextSteps view={view} timeZone={tz} now={now} token={token} returned={returned} />
      </section>
      <PaymentStatus view={view} token={token} timeZone={tz} now={now} />

      <section aria-labelledby="tickets-heading" className="flex flex-col gap-3">
        <h2 id="tickets-heading" className="text-2xl font-bold">
          {view.tickets.length === 1 ? 'Ticket' : `Tickets (${view.tickets.length})`}
        </h2>
        <ul className="grid gap-3">
          {view.tickets.map((t, i) => (
            <TicketCard
              key={t.id}
              index={i}
              ticket={t}
              details={manage.tickets.get(t.id)}
              qrSvg={qr.get(t.id)}
              ownPageToken={ownPages.get(t.id)}
              money={money}
              timeZone={tz}
              token={token}
              changesOpen={manage.changes.open}
            />
          ))}
        </ul>
      </section>

      {paid && <ChangesAndCancel manage={manage} token={token} contact={organizerAddress(ctx.config.EMAIL_FROM)} />}

      <section aria-labelledby="totals-heading" className="card p-4 sm:p-5">
        <h2 id="totals-heading" className="text-xl font-semibold">
          Total
        </h2>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {order.discount > 0 && (
            <>
              <dt>Subtotal</dt>
              <dd className="text-right tabular-nums">{money(order.subtotal)}</dd>
              <dt>Discount</dt>
              <dd className="text-right tabular-nums">−{money(order.discount)}</dd>
            </>
          )}
          <dt className="text-lg font-bold">Total</dt>
          <dd className="text-right text-lg font-bold tabular-nums">{money(order.total)}</dd>
        </dl>
        <p className="mt-2 text-sm text-muted">Billed to {order.buyerName}.</p>
      </section>
      <DataExportLink
        href={`/orders/${token}/export`}
        note="This order's details, payments and attendees as a file. Other attendees' private answers are theirs alone and are not included."
      />
    </div>
  );
}

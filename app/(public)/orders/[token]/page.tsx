// The order's private page, reached only through the secret link. Personal data: never cached, never indexed,
// no referrer sent onwards. An unknown token is a plain 404 that says nothing about whether it ever existed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Countdown } from '@/app/_components/countdown';
import { LocalInstant } from '@/app/_components/local-time';
import { SessionTime } from '@/app/_components/session-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { formatMoney } from '@/lib/money';
import { getOrderByToken, type OrderView } from '@/lib/orders/queries';
import { getEventOrThrow } from '@/lib/programme/build';
import { dateInZone } from '@/lib/time';
import { formatClock } from '../../register/_lib/format';
import { PayNowForm } from './pay-now-form';
import { PaymentStatus } from './payment-status';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Your order',
  robots: { index: false, follow: false, nocache: true },
  // No referrer to other sites; "no-referrer" would make the browser send `Origin: null` with the Pay now form,
  // which Next refuses for server actions.
  referrer: 'same-origin',
};

const STATUS_WORDS: Record<OrderView['status'], { title: string; badge: string }> = {
  pending_payment: { title: 'Your seats are held', badge: 'Awaiting payment' },
  paid: { title: 'You’re registered', badge: 'Confirmed' },
  expired: { title: 'This order has expired', badge: 'Expired' },
  cancelled: { title: 'This order was cancelled', badge: 'Cancelled' },
  refunded: { title: 'This order was refunded', badge: 'Refunded' },
};

function NextSteps({ view, timeZone, now, token, returned }: { view: OrderView; timeZone: string; now: Date; token: string; returned: boolean }) {
  const { order, status } = view;
  if (status === 'pending_payment' && order.expiresAt) {
    const until = formatClock(order.expiresAt, timeZone, now);
    return (
      <div className="flex flex-col gap-2">
        <p className="text-lg">
          Your seats are held until{' '}
          <strong><time dateTime={order.expiresAt.toISOString()}>{until}</time></strong>
          <LocalInstant at={order.expiresAt.toISOString()} timeZone={timeZone} />.
        </p>
        <Countdown expiresAt={order.expiresAt.toISOString()} serverNow={now.toISOString()} label="Seats held for" />
        {returned && order.paymentState === 'none' ? (
          <p className="font-medium">Thank you. Your payment is being confirmed; refresh this page in a moment to see it.</p>
        ) : order.total > 0 && order.paymentState !== 'processing' && <PayNowForm token={token} amount={formatMoney(order.total, order.currency)} />}
        <p>
          If the order is not paid by {until}, it expires and the seats
          are released for others. Keep this page’s address: it is private to you and is how you come back to your order.
        </p>
      </div>
    );
  }
  if (status === 'paid') {
    return (
      <p className="text-lg">
        {order.total === 0 ? 'No payment is needed. ' : 'Payment received. '}
        Everyone below has a place. Keep this page’s address: it is private to you and is how you come back to your order.
      </p>
    );
  }
  if (status === 'expired') {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-lg">The order was not paid in time, so the seats were released for others.</p>
        <p><Link href="/register" className="btn btn-primary">Register again</Link></p>
      </div>
    );
  }
  return <p className="text-lg">Nobody below has a place with this order any more. <Link href="/register">Register again</Link>.</p>;
}

export default async function OrderPage({ params, searchParams }: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  // Back from the checkout's success page: only a hint; the order's state comes from the webhook.
  const returned = (await searchParams).paid === '1';
  const ctx = await getRequestContext();
  const view = await getOrderByToken(ctx, token);
  if (!view) notFound();
  const event = await getEventOrThrow(ctx, view.order.eventId);
  const tz = event.timezone;
  const now = ctx.clock.now();
  const { order, status } = view;
  const money = (n: number) => formatMoney(n, order.currency);
  const words = STATUS_WORDS[status];

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">{words.title}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <span className={`badge ${status === 'paid' ? 'badge-brand' : status === 'pending_payment' ? 'badge-note' : ''}`}>{words.badge}</span>
          <span>Order reference <strong className="font-mono tracking-wide">{order.reference}</strong></span>
        </p>
      </header>

      <section aria-labelledby="next-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="next-heading" className="text-xl font-semibold">What happens next</h2>
        <NextSteps view={view} timeZone={tz} now={now} token={token} returned={returned} />
      </section>
      <PaymentStatus view={view} token={token} timeZone={tz} now={now} />

      <section aria-labelledby="tickets-heading" className="flex flex-col gap-3">
        <h2 id="tickets-heading" className="text-2xl font-bold">{view.tickets.length === 1 ? 'Ticket' : `Tickets (${view.tickets.length})`}</h2>
        <ul className="grid gap-3">
          {view.tickets.map((t, i) => (
            <li key={t.id} className="card flex flex-col gap-2 p-4 sm:p-5">
              <h3 className="text-lg font-semibold">Attendee {i + 1}: {t.badgeName}</h3>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[0.9375rem]">
                <dt className="font-medium text-muted">Ticket</dt><dd>{t.label}</dd>
                <dt className="font-medium text-muted">Full name</dt><dd>{t.legalName}</dd>
                <dt className="font-medium text-muted">Badge name</dt><dd>{t.badgeName}</dd>
                <dt className="font-medium text-muted">Price</dt>
                <dd className="tabular-nums">{money(t.price - t.discount)}{t.discount > 0 && <span className="text-muted"> ({money(t.price)} less {money(t.discount)})</span>}</dd>
              </dl>
              {t.workshops.length > 0 && (
                <div>
                  <h4 className="font-semibold">Workshops</h4>
                  <ul className="flex flex-col gap-1">
                    {t.workshops.map((w) => (
                      <li key={w.slug}>
                        {w.title}, <SessionTime startsAt={w.startsAt} endsAt={w.endsAt} day={dateInZone(w.startsAt, tz)} timeZone={tz} showDay />
                      </li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="totals-heading" className="card p-4 sm:p-5">
        <h2 id="totals-heading" className="text-xl font-semibold">Total</h2>
        <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {order.discount > 0 && (
            <>
              <dt>Subtotal</dt><dd className="text-right tabular-nums">{money(order.subtotal)}</dd>
              <dt>Discount</dt><dd className="text-right tabular-nums">−{money(order.discount)}</dd>
            </>
          )}
          <dt className="text-lg font-bold">Total</dt><dd className="text-right text-lg font-bold tabular-nums">{money(order.total)}</dd>
        </dl>
        <p className="mt-2 text-sm text-muted">Billed to {order.buyerName}.</p>
      </section>
    </div>
  );
}

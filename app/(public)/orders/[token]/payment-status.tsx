// Where the order's money is, in plain words, from the database: the checkout's redirect says nothing here.
// Processing, a failed attempt (with until when to try again), paid, refunded, and a late payment given back.
import Link from '@/app/_components/link';
import { formatMoney } from '@/lib/money';
import type { OrderView } from '@/lib/orders/queries';
import { formatClock, formatDate } from '../../register/_lib/format';

export function PaymentStatus({
  view,
  token,
  timeZone,
  now,
}: {
  view: OrderView;
  token: string;
  timeZone: string;
  now: Date;
}) {
  const { order, status } = view;
  if (order.total === 0 && order.amountPaid === 0) return null;
  const money = (n: number) => formatMoney(n, order.currency);
  const receipt = (
    <p>
      <Link href={`/orders/${token}/receipt`}>View and print your receipt</Link> (for reimbursement).
    </p>
  );
  const refunded = order.amountRefunded > 0 && (
    <p>
      {money(order.amountRefunded)}{' '}
      {order.paymentState === 'refunded' ? 'has been refunded in full' : 'has been refunded'}; refunds usually reach
      your account within 5–10 working days.
    </p>
  );
  let body: React.ReactNode = null;
  if (status === 'pending_payment' && order.paymentState === 'processing') {
    body = (
      <p>
        Your payment is being processed by your bank. This page shows the result as soon as it arrives; there is no need
        to pay again.
      </p>
    );
  } else if (status === 'pending_payment' && order.paymentState === 'failed' && order.expiresAt) {
    body = (
      <p>
        Your payment did not go through. You can try again until{' '}
        <strong>
          <time dateTime={order.expiresAt.toISOString()}>{formatClock(order.expiresAt, timeZone, now)}</time>
        </strong>
        .
      </p>
    );
  } else if (status === 'paid' || status === 'refunded') {
    body = (
      <>
        <p>
          {money(order.amountPaid)} received{order.paidAt ? <> on {formatDate(order.paidAt, timeZone)}</> : null}
          {order.paymentReference ? (
            <>
              , payment reference <span className="font-mono">{order.paymentReference}</span>
            </>
          ) : null}
          .
        </p>
        {refunded}
        {receipt}
      </>
    );
  } else if (status === 'expired' && order.paymentState === 'processing') {
    body = (
      <p>
        Your payment is still being processed. If it completes while seats are available, your registration is
        confirmed; otherwise it is refunded in full.
      </p>
    );
  } else if (status === 'cancelled' && order.amountPaid > 0 && order.paidAt) {
    body = (
      <>
        <p>{money(order.amountPaid)} was paid for this order before it was cancelled.</p>
        {refunded}
      </>
    );
  } else if ((status === 'expired' || status === 'cancelled') && order.amountPaid > 0) {
    // Money that came after the hold ended with the seats gone, or after the order was cancelled.
    body = (
      <>
        <p>
          Your payment of {money(order.amountPaid)} arrived{' '}
          {status === 'expired'
            ? 'after the seats had been released and taken by others'
            : 'after the order was cancelled'}
          .{order.amountRefunded < order.amountPaid ? ' It is being refunded in full.' : ''}
        </p>
        {refunded}
      </>
    );
  }
  if (!body) return null;
  return (
    <section aria-labelledby="payment-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
      <h2 id="payment-heading" className="text-xl font-semibold">
        Payment
      </h2>
      {body}
    </section>
  );
}

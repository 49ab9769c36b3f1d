// The printable receipt of a paid order, for reimbursement: billing name, public ticket labels, amounts and the
// payment reference. Behind the order's secret link, so never cached, indexed or sent on as a referrer. It
// names no event (the conference's name can say more about an attendee than a claim form needs): only the
// dates and venue. A 404 unless the order is paid or refunded.
import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { formatDateRange } from '@/app/_components/dates';
import { getRequestContext } from '@/app/_lib/request-context';
import { formatMoney } from '@/lib/money';
import { getReceipt } from '@/lib/payments/queries';
import { formatDate } from '../../../register/_lib/format';
import { PrintButton } from './print-button';
import { PlainTable } from '@/app/_components/plain-table';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  // Absolute: the site title (the event's name) would otherwise end up in the printed page header.
  title: { absolute: 'Registration receipt' },
  robots: { index: false, follow: false, nocache: true },
  referrer: 'no-referrer',
};

// The site header and footer carry the event's name and navigation; a printed receipt needs neither.
const printCss = `@media print {
  body > header, body > footer, .skip-link, [data-print="hide"] { display: none !important; }
  body { background: #fff; color: #000; }
  main { max-width: none; padding: 0; }
  .receipt { border: 0; box-shadow: none; padding: 0; }
}`;

export default async function ReceiptPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getRequestContext();
  const receipt = await getReceipt(ctx, token);
  if (!receipt) notFound();
  const money = (n: number) => formatMoney(n, receipt.currency);
  const { event } = receipt;
  const rows: [string, string][] = [
    ['Receipt for order', receipt.reference],
    ['Billed to', receipt.billingName],
    ...(receipt.paidAt ? [['Date paid', formatDate(receipt.paidAt, event.timezone)] as [string, string]] : []),
    ...(receipt.paymentReference ? [['Payment reference', receipt.paymentReference] as [string, string]] : []),
    ['Event dates', formatDateRange(event.startsOn, event.endsOn)],
    ...(event.venueName
      ? [['Venue', [event.venueName, event.venueAddress].filter(Boolean).join(', ')] as [string, string]]
      : []),
  ];

  return (
    <div className="flex flex-col gap-6">
      <style>{printCss}</style>
      <p data-print="hide" className="flex flex-wrap items-center gap-3">
        <Link href={`/orders/${token}`}>Back to your order</Link>
        <PrintButton />
      </p>

      <article className="receipt card flex flex-col gap-6 p-5 sm:p-8" aria-labelledby="receipt-heading">
        <header className="flex flex-col gap-1">
          <h1 id="receipt-heading" className="text-2xl font-bold sm:text-3xl">
            Conference registration receipt
          </h1>
          {receipt.status === 'refunded' && <p className="badge">Refunded</p>}
        </header>

        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          {rows.map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-muted">{term}</dt>
              <dd className={term.endsWith('reference') || term === 'Receipt for order' ? 'font-mono' : undefined}>
                {value}
              </dd>
            </div>
          ))}
        </dl>

        <PlainTable
          caption="Items"
          rows={receipt.lines}
          rowKey={(_, i) => i}
          columns={[
            { header: 'Item', cell: (line) => line.label },
            { header: 'Price', numeric: true, cell: (line) => money(line.price) },
            {
              header: 'Discount',
              numeric: true,
              cell: (line) => (line.discount > 0 ? `−${money(line.discount)}` : '—'),
            },
            { header: 'Amount', numeric: true, cell: (line) => money(line.amount) },
          ]}
        />

        <dl className="ml-auto grid min-w-64 grid-cols-[1fr_auto] gap-x-6 gap-y-1">
          {receipt.discount > 0 && (
            <>
              <dt>Subtotal</dt>
              <dd className="text-right tabular-nums">{money(receipt.subtotal)}</dd>
              <dt>Discount</dt>
              <dd className="text-right tabular-nums">−{money(receipt.discount)}</dd>
            </>
          )}
          <dt className="font-semibold">Total</dt>
          <dd className="text-right font-semibold tabular-nums">{money(receipt.total)}</dd>
          <dt>Amount paid</dt>
          <dd className="text-right tabular-nums">{money(receipt.amountPaid)}</dd>
          {receipt.amountRefunded > 0 && (
            <>
              <dt>Refunded</dt>
              <dd className="text-right tabular-nums">−{money(receipt.amountRefunded)}</dd>
              <dt className="font-bold">Net paid</dt>
              <dd className="text-right font-bold tabular-nums">{money(receipt.net)}</dd>
            </>
          )}
        </dl>

        <p className="text-sm text-muted">
          Amounts in {receipt.currency}. This receipt was issued for the order above and lists no attendee details.
        </p>
      </article>
    </div>
  );
}

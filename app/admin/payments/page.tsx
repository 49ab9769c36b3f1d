// Payments needing attention: amount mismatches, late payments refunded, reconciliation gaps. Read-only; the
// reason says what happened, the references find it at the payment provider.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { formatMoney } from '@/lib/money';
import { listPaymentsNeedingAttention } from '@/lib/payments/queries';
import { findCurrentEvent } from '@/app/_lib/current-event';

export const metadata: Metadata = { title: 'Payments needing attention' };
export const dynamic = 'force-dynamic';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function AdminPaymentsPage() {
  await requirePermission('orders.view', '/admin/payments');
  const ctx = getContext();
  const event = await findCurrentEvent();
  const items = event ? await listPaymentsNeedingAttention(ctx, event.id) : [];
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Payments needing attention</h1>
        <p className="mt-2 text-muted">
          Orders where the money and the order disagree: check each at the payment provider by its payment reference.
        </p>
      </header>
      {items.length === 0 ? (
        <p className="card p-4">Nothing needs attention.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-[0.9375rem]">
            <caption className="sr-only">Payments needing attention, newest first</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-4">Order</th>
                <th scope="col" className="py-2 pr-4">Buyer email</th>
                <th scope="col" className="py-2 pr-4">Reason</th>
                <th scope="col" className="py-2 pr-4">Status</th>
                <th scope="col" className="py-2 pr-4 text-right">Total</th>
                <th scope="col" className="py-2 pr-4 text-right">Paid</th>
                <th scope="col" className="py-2 pr-4 text-right">Refunded</th>
                <th scope="col" className="py-2">Updated (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4">
                    <span className="font-mono">{p.reference}</span>
                    {p.paymentReference && <span className="block font-mono text-sm text-muted">{p.paymentReference}</span>}
                  </td>
                  <td className="py-2 pr-4 break-all">{p.buyerEmail}</td>
                  <td className="py-2 pr-4">{p.reason}</td>
                  <td className="py-2 pr-4">{p.status.replace('_', ' ')}, {p.paymentState.replace('_', ' ')}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.total, p.currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.amountPaid, p.currency)}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{formatMoney(p.amountRefunded, p.currency)}</td>
                  <td className="py-2"><time dateTime={p.updatedAt.toISOString()}>{when.format(p.updatedAt)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

// Payments needing attention: amount mismatches, late payments refunded, reconciliation gaps. Read-only; the
// reason says what happened, the references find it at the payment provider.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { formatMoney } from '@/lib/money';
import { listPaymentsNeedingAttention } from '@/lib/payments/queries';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { DataTable } from '@/app/admin/_components/data-table';

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
          <DataTable
            caption="Payments needing attention, newest first"
            rows={items}
            rowKey={(p) => p.id}
            columns={[
              {
                header: 'Order',
                cell: (p) => (
                  <>
                    <span className="font-mono">{p.reference}</span>
                    {p.paymentReference && (
                      <span className="block font-mono text-sm text-muted">{p.paymentReference}</span>
                    )}
                  </>
                ),
              },
              { header: 'Buyer email', className: 'break-all', cell: (p) => p.buyerEmail },
              { header: 'Reason', cell: (p) => p.reason },
              {
                header: 'Status',
                cell: (p) => (
                  <>
                    {p.status.replace('_', ' ')}, {p.paymentState.replace('_', ' ')}
                  </>
                ),
              },
              { header: 'Total', numeric: true, cell: (p) => formatMoney(p.total, p.currency) },
              { header: 'Paid', numeric: true, cell: (p) => formatMoney(p.amountPaid, p.currency) },
              { header: 'Refunded', numeric: true, cell: (p) => formatMoney(p.amountRefunded, p.currency) },
              {
                header: 'Updated (UTC)',
                cell: (p) => <time dateTime={p.updatedAt.toISOString()}>{when.format(p.updatedAt)}</time>,
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}

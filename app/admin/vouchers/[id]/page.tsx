// One voucher: its terms and uses, the orders that used it, a form to change its terms and a way to end it now.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { EventInstant, EventWindow } from '@/app/admin/_components/event-instant';
import { Notice } from '@/app/admin/_components/notice';
import { can } from '@/lib/staff/permissions';
import { getVoucherForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { describeVoucherTerms, voucherFormValues } from '@/lib/catalogue/vouchers';
import { VoucherFields } from '../_components/voucher-fields';
import { STATUS_LABELS } from '../_components/voucher-labels';
import { endVoucherAction, updateVoucherAction } from '../actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Voucher' };
export const dynamic = 'force-dynamic';

const ORDER_STATUS: Record<string, string> = {
  pending_payment: 'Awaiting payment',
  paid: 'Paid',
  expired: 'Hold lapsed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
};

export default async function VoucherPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const user = await requirePermission('sales.manage', `/admin/vouchers/${id}`);
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const found = await getVoucherForAdmin(ctx, event.id, id);
  if (!found) notFound();
  const { voucher: v, orders } = found;
  const { types } = await listTicketTypesForAdmin(ctx, event);
  const tz = event.timezone;
  const linkOrders = can(user.role, 'orders.view');
  return (
    <div className="flex max-w-4xl flex-col gap-10">
      <header>
        <p className="mb-1">
          <Link href="/admin/vouchers">All vouchers</Link>
        </p>
        <h1 className="font-mono text-3xl font-bold">{v.code}</h1>
        <Notice text={notice === 'created' ? 'Voucher created.' : null} />
        <dl className="mt-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">State</dt>
          <dd>{STATUS_LABELS[v.status]}</dd>
          <dt className="font-semibold">Terms</dt>
          <dd>{describeVoucherTerms(v, event.currency)}</dd>
          <dt className="font-semibold">Uses</dt>
          <dd>
            {v.uses}
            {v.maxUses !== null ? ` of ${v.maxUses}` : ' (no limit)'}
          </dd>
          <dt className="font-semibold">Valid</dt>
          <dd>
            <EventWindow startsAt={v.validFrom} endsAt={v.validUntil} timeZone={tz} />
          </dd>
          <dt className="font-semibold">Applies to</dt>
          <dd>
            {v.ticketTypeIds.length
              ? types
                  .filter((t) => v.ticketTypeIds.includes(t.id))
                  .map((t) => t.internalLabel)
                  .join(', ')
              : 'Every ticket type'}
          </dd>
          {v.note ? (
            <>
              <dt className="font-semibold">Note</dt>
              <dd>{v.note}</dd>
            </>
          ) : null}
        </dl>
      </header>

      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading" className="mb-3 text-2xl font-semibold">
          Orders that used it
        </h2>
        {orders.length === 0 ? (
          <p className="card p-4">No order has used this voucher.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              caption="Orders placed with this voucher, newest first"
              rows={orders}
              rowKey={(o) => o.id}
              columns={[
                {
                  header: 'Order',
                  rowHeader: true,
                  className: 'font-mono',
                  cell: (o) => (linkOrders ? <Link href={`/admin/orders/${o.id}`}>{o.reference}</Link> : o.reference),
                },
                { header: 'Status', cell: (o) => ORDER_STATUS[o.status] ?? o.status },
                { header: 'Tickets discounted', numeric: true, cell: (o) => o.tickets },
                { header: 'Placed', cell: (o) => <EventInstant at={o.createdAt} timeZone={tz} /> },
              ]}
            />
          </div>
        )}
        <p className="mt-2 text-sm text-muted">Only paid orders and holds that have not lapsed count as uses.</p>
      </section>

      <section aria-labelledby="edit-heading" className="max-w-3xl">
        <h2 id="edit-heading" className="mb-3 text-2xl font-semibold">
          Change the terms
        </h2>
        <p className="mb-3 text-muted">
          Orders already placed keep the discount they got. The code itself cannot change.
        </p>
        <AdminForm action={updateVoucherAction} submitLabel="Save voucher" keepValues>
          <input type="hidden" name="id" value={v.id} />
          <VoucherFields
            prefix="edit"
            values={voucherFormValues(v, event)}
            checked={v.ticketTypeIds}
            types={types.map((t) => ({ id: t.id, label: t.internalLabel, isHidden: t.isHidden }))}
            currency={event.currency}
            timeZone={tz}
          />
        </AdminForm>
      </section>

      {v.status !== 'ended' ? (
        <section aria-labelledby="end-heading" className="max-w-3xl">
          <h2 id="end-heading" className="mb-2 text-2xl font-semibold">
            End this voucher
          </h2>
          <p className="mb-3">
            It stops working for new orders at once (its end becomes now). Holds already placed with it can still be
            paid.
          </p>
          <AdminForm
            action={endVoucherAction}
            submitLabel="End voucher now"
            submitClassName="btn btn-secondary"
            confirm={`End the voucher ${v.code} now?`}
          >
            <input type="hidden" name="id" value={v.id} />
          </AdminForm>
        </section>
      ) : null}
    </div>
  );
}

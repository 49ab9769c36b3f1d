// Orders of the event for organizers ('orders.view'): search by reference, buyer name or email, filter by status,
// page through. A GET form, so the URL holds the filters and it all works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { can } from '@/lib/staff/permissions';
import { listOrders, ORDER_STATUSES } from '@/lib/orders/staff-queries';
import { formatMoney } from '@/lib/money';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { SOURCE_LABELS, STATUS_FILTERS, statusLabel } from './_components/labels';
import { Pagination } from './_components/pagination';
import { listParams, type RawSearchParams } from './_components/search-params';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { NoEvent } from '@/app/admin/_components/no-event';
import { DataTable } from '@/app/admin/_components/data-table';
import {
  FilterForm,
  FilterSelect,
  matchCount,
  ResultsSection,
  SearchField,
} from '@/app/admin/_components/list-filters';

export const metadata: Metadata = { title: 'Orders' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission('orders.view', '/admin/orders');
  const params = await searchParams;
  const q = listParams.q(params.q);
  const status = listParams.oneOf(params.status, ORDER_STATUSES, 'all');
  const page = listParams.page(params.page);
  const ctx = getContext();
  const event = await findCurrentEvent();
  const result = event ? await listOrders(ctx, { eventId: event.id, q, status, page, pageSize: PAGE_SIZE }) : null;
  const filtered = Boolean(q) || status !== 'all';
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Orders</h1>
          <p className="mt-2 text-muted">
            Every registration with its payment. Open an order to refund, cancel or resend its confirmation.
          </p>
        </div>
        {can(user.role, 'orders.manage') ? (
          <Link href="/admin/orders/new" className="btn btn-primary">
            New registration
          </Link>
        ) : null}
      </header>

      <FilterForm
        action="/admin/orders"
        label="Orders"
        className="card flex flex-wrap items-end gap-4 p-4"
        filtered={filtered}
      >
        <SearchField
          id="orders-q"
          label="Reference, buyer name or email"
          defaultValue={q}
          className="min-w-64 flex-1"
        />
        <FilterSelect id="orders-status" label="Status" name="status" defaultValue={status} options={STATUS_FILTERS} />
      </FilterForm>

      {!event || !result ? (
        <NoEvent />
      ) : (
        <ResultsSection id="orders-results" status={matchCount(result.total, 'order', 'orders', filtered)}>
          {result.rows.length ? (
            <div className="overflow-x-auto">
              <DataTable
                caption="Orders, newest first"
                rows={result.rows}
                rowKey={(o) => o.id}
                columns={[
                  {
                    header: 'Reference',
                    rowHeader: true,
                    cell: (o) => (
                      <>
                        <Link href={`/admin/orders/${o.id}`} className="font-mono">
                          {o.reference}
                        </Link>
                        {o.source !== 'online' ? (
                          <span className="block text-sm text-muted">{SOURCE_LABELS[o.source] ?? o.source}</span>
                        ) : null}
                      </>
                    ),
                  },
                  {
                    header: 'Buyer',
                    cell: (o) => (
                      <>
                        {o.buyerName}
                        <span className="block text-sm break-all text-muted">{o.buyerEmail}</span>
                      </>
                    ),
                  },
                  { header: 'Status', cell: (o) => statusLabel(o.status) },
                  { header: 'Tickets', numeric: true, cell: (o) => o.tickets },
                  { header: 'Total', numeric: true, cell: (o) => formatMoney(o.total, o.currency) },
                  {
                    header: 'Refunded',
                    numeric: true,
                    cell: (o) => (o.amountRefunded ? formatMoney(o.amountRefunded, o.currency) : '—'),
                  },
                  { header: 'Placed', cell: (o) => <EventInstant at={o.createdAt} timeZone={event.timezone} /> },
                ]}
              />
            </div>
          ) : null}
          <Pagination
            path="/admin/orders"
            params={{ q, status: status === 'all' ? undefined : status }}
            page={result.page}
            pageSize={result.pageSize}
            total={result.total}
            noun="orders"
          />
        </ResultsSection>
      )}
    </div>
  );
}

// The attendee list ('attendees.view'): one row per ticket, searchable by name, email or order reference and
// filtered by status, ticket type and workshop. A GET form, so the URL holds the filters (and the export link
// carries the same ones); it all works without JavaScript. No money here: the accessibility team sees this page.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { ATTENDEE_STATUSES, searchAttendees } from '@/lib/attendees/search';
import { getAttendeeFilterOptions } from '@/lib/orders/filters';
import { can } from '@/lib/staff/permissions';
import { dateInZone, formatTime } from '@/lib/time';
import { shortDay } from '@/app/_components/dates';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { STATUS_FILTERS, statusLabel } from '../orders/_components/labels';
import { Pagination } from '../orders/_components/pagination';
import { listParams, type RawSearchParams } from '../orders/_components/search-params';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { NoEventPage } from '@/app/admin/_components/no-event';
import { DataTable } from '@/app/admin/_components/data-table';
import {
  FilterForm,
  FilterSelect,
  matchCount,
  ResultsSection,
  SearchField,
} from '@/app/admin/_components/list-filters';

export const metadata: Metadata = { title: 'Attendees' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export default async function AdminAttendeesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission('attendees.view', '/admin/attendees');
  const params = await searchParams;
  const ctx = getContext();
  const event = await findCurrentEvent();
  if (!event) {
    return <NoEventPage title="Attendees" />;
  }
  const options = await getAttendeeFilterOptions(ctx, event.id);
  const filters = {
    q: listParams.q(params.q),
    status: listParams.oneOf(params.status, ATTENDEE_STATUSES, 'all'),
    ticketTypeId: listParams.oneOf(
      listParams.id(params.ticketTypeId),
      ['', ...options.ticketTypes.map((t) => t.id)],
      '',
    ),
    sessionId: listParams.oneOf(listParams.id(params.sessionId), ['', ...options.workshops.map((w) => w.id)], ''),
  };
  const page = listParams.page(params.page);
  const result = await searchAttendees(ctx, {
    eventId: event.id,
    q: filters.q || undefined,
    status: filters.status,
    ticketTypeId: filters.ticketTypeId || undefined,
    sessionId: filters.sessionId || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const kept = {
    q: filters.q,
    status: filters.status === 'all' ? undefined : filters.status,
    ticketTypeId: filters.ticketTypeId,
    sessionId: filters.sessionId,
  };
  const query = new URLSearchParams(
    Object.entries(kept).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString();
  const filtered = query !== '';
  const tz = event.timezone;
  const showOrders = can(user.role, 'orders.view');
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Attendees</h1>
          <p className="mt-2 text-muted">
            One row per ticket. Open an attendee to see their answers, check-ins and emails, or to correct their
            details.
          </p>
        </div>
        {can(user.role, 'attendees.export') ? (
          <a href={`/api/admin/export/attendees.csv${query ? `?${query}` : ''}`} className="btn btn-secondary" download>
            Export {filtered ? 'these attendees' : 'all attendees'} (CSV)
          </a>
        ) : null}
      </header>

      <FilterForm
        action="/admin/attendees"
        label="Attendees"
        className="card grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-4"
        filtered={filtered}
      >
        <SearchField
          id="att-q"
          label="Name, email or order reference"
          defaultValue={filters.q}
          className="sm:col-span-2 lg:col-span-4"
        />
        <FilterSelect
          id="att-status"
          label="Order status"
          name="status"
          defaultValue={filters.status}
          options={STATUS_FILTERS}
        />
        <FilterSelect
          id="att-type"
          label="Ticket type"
          name="ticketTypeId"
          defaultValue={filters.ticketTypeId}
          options={[
            { value: '', label: 'Any ticket type' },
            ...options.ticketTypes.map((t) => ({ value: t.id, label: t.label })),
          ]}
        />
        <FilterSelect
          id="att-workshop"
          label="Workshop"
          name="sessionId"
          defaultValue={filters.sessionId}
          options={[
            { value: '', label: 'Any or none' },
            ...options.workshops.map((w) => ({
              value: w.id,
              label: `${shortDay(dateInZone(w.startsAt, tz))} ${formatTime(w.startsAt, tz)} · ${w.title}`,
            })),
          ]}
        />
      </FilterForm>

      <ResultsSection id="attendee-results" status={matchCount(result.total, 'attendee', 'attendees', filtered)}>
        {result.rows.length ? (
          <div className="overflow-x-auto">
            <DataTable
              caption="Attendees, newest registrations first"
              rows={result.rows}
              rowKey={(a) => a.ticketId}
              columns={[
                {
                  header: 'Name',
                  rowHeader: true,
                  cell: (a) => (
                    <>
                      <Link href={`/admin/attendees/${a.ticketId}`}>{a.legalName}</Link>
                      {a.badgeName !== a.legalName ? (
                        <span className="block text-sm text-muted">Badge: {a.badgeName}</span>
                      ) : null}
                      {a.hasAccessArrangement ? (
                        <span className="badge badge-note mt-1">Access arrangement</span>
                      ) : null}
                    </>
                  ),
                },
                { header: 'Email', className: 'break-all', cell: (a) => a.email },
                { header: 'Ticket', cell: (a) => a.ticketLabel },
                { header: 'Workshops', cell: (a) => (a.workshops.length ? a.workshops.join('; ') : '—') },
                {
                  header: 'Order',
                  cell: (a) => (
                    <>
                      {showOrders ? (
                        <Link href={`/admin/orders/${a.orderId}`} className="font-mono">
                          {a.reference}
                        </Link>
                      ) : (
                        <span className="font-mono">{a.reference}</span>
                      )}
                      <span className="block text-sm text-muted">{statusLabel(a.orderStatus)}</span>
                    </>
                  ),
                },
                { header: 'Registered', cell: (a) => <EventInstant at={a.createdAt} timeZone={tz} /> },
              ]}
            />
          </div>
        ) : null}
        <Pagination
          path="/admin/attendees"
          params={kept}
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          noun="attendees"
        />
      </ResultsSection>
    </div>
  );
}

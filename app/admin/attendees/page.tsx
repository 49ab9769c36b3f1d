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
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Attendees' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export default async function AdminAttendeesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission('attendees.view', '/admin/attendees');
  const params = await searchParams;
  const ctx = getContext();
  const event = await findCurrentEvent();
  if (!event) {
    return (
      <div>
        <h1 className="text-3xl font-bold">Attendees</h1>
        <p className="card mt-6 p-4">
          There is no event with the slug <code>{ctx.config.EVENT_SLUG}</code>.
        </p>
      </div>
    );
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

      <form
        method="get"
        action="/admin/attendees"
        role="search"
        aria-label="Attendees"
        className="card grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div className="sm:col-span-2 lg:col-span-4">
          <label htmlFor="att-q" className="field-label">
            Name, email or order reference
          </label>
          <input id="att-q" name="q" type="search" defaultValue={filters.q} maxLength={200} className="field-control" />
        </div>
        <div>
          <label htmlFor="att-status" className="field-label">
            Order status
          </label>
          <select id="att-status" name="status" defaultValue={filters.status} className="field-control">
            {STATUS_FILTERS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="att-type" className="field-label">
            Ticket type
          </label>
          <select id="att-type" name="ticketTypeId" defaultValue={filters.ticketTypeId} className="field-control">
            <option value="">Any ticket type</option>
            {options.ticketTypes.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="att-workshop" className="field-label">
            Workshop
          </label>
          <select id="att-workshop" name="sessionId" defaultValue={filters.sessionId} className="field-control">
            <option value="">Any or none</option>
            {options.workshops.map((w) => (
              <option key={w.id} value={w.id}>
                {shortDay(dateInZone(w.startsAt, tz))} {formatTime(w.startsAt, tz)} · {w.title}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="btn btn-primary">
            Search
          </button>
          {filtered ? (
            <Link href="/admin/attendees" className="btn btn-secondary">
              Clear
            </Link>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="attendee-results" className="flex flex-col gap-4">
        <h2 id="attendee-results" className="sr-only">
          Results
        </h2>
        <p role="status" className="font-medium">
          {result.total === 0
            ? 'No attendees match.'
            : `${result.total} ${result.total === 1 ? 'attendee' : 'attendees'}${filtered ? ' match' : ''}.`}
        </p>
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
      </section>
    </div>
  );
}

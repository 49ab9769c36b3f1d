// The accessibility team's queue ('access.manage'): requests opened by answers to access-needs questions, oldest
// first, filtered by status. The list names people and states only; the needs themselves are on each request's
// page, whose every opening is recorded (and shown to the attendee).
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { ACCESS_PAGE_SIZE, listAccessRequests } from '@/lib/access/queue';
import { ACCESS_STATUS_LABELS, ACCESS_STATUSES } from '@/lib/access/requests';
import { Pagination } from '../orders/_components/pagination';
import { listParams, type RawSearchParams } from '../orders/_components/search-params';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { NoEvent } from '@/app/admin/_components/no-event';
import { DataTable } from '@/app/admin/_components/data-table';
import { FilterForm, FilterSelect, ResultsSection } from '@/app/admin/_components/list-filters';

export const metadata: Metadata = { title: 'Access requests' };
export const dynamic = 'force-dynamic';

export default async function AccessQueuePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requirePermission('access.manage', '/admin/access');
  const params = await searchParams;
  const status = listParams.oneOf(params.status, ['all', ...ACCESS_STATUSES] as const, 'all');
  const page = listParams.page(params.page);
  const ctx = getContext();
  const event = await findCurrentEvent();
  const result = event
    ? await listAccessRequests(ctx, { eventId: event.id, status: status === 'all' ? undefined : status, page })
    : null;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Access requests</h1>
        <p className="mt-2 text-muted">
          Opened when an attendee answers an access-needs question. Open a request to read the need, assign it, keep
          notes and write to the attendee; they see the status and your message on their own page and get an email that
          says only that there is news. Each opening is recorded and shown to the attendee.
        </p>
      </header>

      <FilterForm
        action="/admin/access"
        label="Filter access requests"
        search={false}
        submitLabel="Show"
        className="card flex flex-wrap items-end gap-4 p-4"
      >
        <FilterSelect
          id="access-status"
          label="Status"
          name="status"
          defaultValue={status}
          options={[
            { value: 'all', label: 'All statuses' },
            ...ACCESS_STATUSES.map((s) => ({ value: s, label: ACCESS_STATUS_LABELS[s] })),
          ]}
        />
      </FilterForm>

      {!event || !result ? (
        <NoEvent />
      ) : (
        <ResultsSection
          id="access-results"
          title="Requests"
          status={ACCESS_STATUSES.map((s) => `${ACCESS_STATUS_LABELS[s]}: ${result.counts[s]}`).join(' · ')}
        >
          {result.rows.length === 0 ? (
            <p className="card p-4">No requests{status === 'all' ? '' : ' with this status'}.</p>
          ) : (
            <div className="overflow-x-auto">
              <DataTable
                caption="Access requests, oldest first"
                rows={result.rows}
                rowKey={(r) => r.id}
                columns={[
                  {
                    header: 'Attendee',
                    rowHeader: true,
                    cell: (r) => (
                      <>
                        <Link href={`/admin/access/${r.id}`} className="font-semibold">
                          {r.badgeName}
                        </Link>
                        <span className="block font-mono text-sm text-muted">{r.reference}</span>
                      </>
                    ),
                  },
                  { header: 'Ticket', cell: (r) => r.ticketLabel },
                  {
                    header: 'Status',
                    cell: (r) => (
                      <>
                        {ACCESS_STATUS_LABELS[r.status]}
                        {r.answerChangedAt ? (
                          <span className="badge badge-note mt-1 block w-fit">Answer changed</span>
                        ) : null}
                      </>
                    ),
                  },
                  { header: 'Assigned to', cell: (r) => r.assignee ?? <span className="text-muted">Nobody yet</span> },
                  { header: 'Received', cell: (r) => <EventInstant at={r.createdAt} timeZone={event.timezone} /> },
                ]}
              />
            </div>
          )}
          <Pagination
            path="/admin/access"
            params={{ status: status === 'all' ? undefined : status }}
            page={page}
            pageSize={ACCESS_PAGE_SIZE}
            total={result.total}
            noun="access requests"
          />
        </ResultsSection>
      )}
    </div>
  );
}

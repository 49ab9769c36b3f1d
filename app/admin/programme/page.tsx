// The programme admin's overview: every session by day (attendee-only ones too), with track, room, speakers and
// seats taken, each leading to its edit page; links to tracks, rooms and speakers.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { longDay } from '@/app/_components/dates';
import { SessionTime } from '@/app/_components/session-time';
import { listSessionsForAdmin, type AdminSessionRow } from '@/lib/programme/staff-queries';
import { formatLabels } from '@/lib/programme/filter';
import { eventDays } from '@/lib/programme/queries';
import { ProgrammeNav } from './_components/programme-nav';
import { Notice } from '@/app/admin/_components/notice';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Programme' };
export const dynamic = 'force-dynamic';

const notices: Record<string, string> = { 'session-deleted': 'The session was deleted.' };

export default async function ProgrammeAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('programme.manage', '/admin/programme');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const sessions = await listSessionsForAdmin(getContext(), event);
  const byDay = new Map<string, AdminSessionRow[]>(eventDays(event).map((d) => [d, []]));
  for (const s of sessions) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);

  return (
    <div>
      <header className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Programme</h1>
          <p className="mt-2 text-muted">
            {sessions.length} {sessions.length === 1 ? 'session' : 'sessions'}. Times are in the event&rsquo;s time zone
            ({event.timezone.replace(/_/g, ' ')}); changes show on the public programme at once.
          </p>
        </div>
        <Link href="/admin/programme/sessions/new" className="btn btn-primary no-underline">
          Add a session
        </Link>
      </header>
      <ProgrammeNav current="sessions" page />
      <Notice text={typeof notice === 'string' ? (notices[notice] ?? null) : null} />
      {[...byDay].map(([day, list]) => (
        <section key={day} aria-labelledby={`day-${day}`} className="mb-10">
          <h2 id={`day-${day}`} className="mb-3 text-xl font-semibold">
            {longDay(day)}
          </h2>
          {list.length === 0 ? (
            <p className="card p-4">No sessions on this day yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <DataTable
                caption={`Sessions on ${longDay(day)}, by start time`}
                rows={list}
                rowKey={(s) => s.id}
                columns={[
                  {
                    header: 'Time',
                    cell: (s) => (
                      <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} day={s.day} timeZone={event.timezone} />
                    ),
                  },
                  {
                    header: 'Session',
                    rowHeader: true,
                    cell: (s) => (
                      <>
                        <Link href={`/admin/programme/sessions/${s.id}`} className="font-semibold">
                          {s.title}
                        </Link>
                        <span className="block text-sm text-muted">
                          {formatLabels[s.format]}
                          {s.visibility === 'attendees' ? ' · attendees only' : ''}
                          {s.speakers.length ? ` · ${s.speakers.join(', ')}` : ''}
                        </span>
                      </>
                    ),
                  },
                  { header: 'Track', cell: (s) => s.track ?? <span className="text-muted">None</span> },
                  { header: 'Room', cell: (s) => s.room ?? <span className="text-muted">None</span> },
                  { header: 'Seats', numeric: true, cell: (s) => <Seats row={s} /> },
                ]}
              />
            </div>
          )}
        </section>
      ))}
    </div>
  );
}

/** Workshops are booked at registration, so only they have seats taken; other sessions just have room for some. */
function Seats({ row }: { row: AdminSessionRow }) {
  if (row.format !== 'workshop')
    return row.capacity === null ? <span className="text-muted">No limit</span> : <>{row.capacity} places</>;
  return row.capacity === null ? (
    <>{row.taken} taken, no limit</>
  ) : (
    <>
      {row.taken} of {row.capacity} taken
    </>
  );
}

// Check-in: choose the list to check people in on (the entrance, a workshop, a session), each with its live
// figure. Opening the page makes sure the entrance and every workshop have a list; organizers add others.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { SelectField } from '@/app/admin/_components/fields';
import { can } from '@/lib/staff/permissions';
import { staffActor } from '@/lib/audit/record';
import { ensureDefaultLists } from '@/lib/checkin/lists';
import { getCheckinOverview } from '@/lib/checkin/queries';
import { dateInZone, formatDay, formatTime } from '@/lib/time';
import { addCheckinListAction } from './actions';
import { ListCount, ListSessionTime } from './_components/list-parts';
import { findCurrentEvent } from '@/app/_lib/current-event';

export const metadata: Metadata = { title: 'Check-in' };
export const dynamic = 'force-dynamic';

export default async function CheckinListsPage() {
  const user = await requirePermission('checkin.scan', '/admin/checkin');
  const ctx = getContext();
  const event = await findCurrentEvent();
  if (!event) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-bold">Check-in</h1>
        <p className="mt-4">There is no event to check people in for yet.</p>
      </div>
    );
  }
  await ensureDefaultLists(ctx, event.id, staffActor(user));
  const { lists, sessionsWithoutList } = await getCheckinOverview(ctx, event.id);
  const mayManage = can(user.role, 'programme.manage');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-8">
      <header>
        <h1 className="text-3xl font-bold">Check-in</h1>
        <p className="mt-2 text-muted">Choose where you are checking people in.</p>
      </header>
      <ul className="flex flex-col gap-3" aria-label="Check-in lists">
        {lists.map((list) => (
          <li key={list.id}>
            <Link
              href={`/admin/checkin/${list.id}`}
              className="card flex min-h-16 flex-col gap-1 p-4 no-underline hover:bg-brand-soft"
            >
              <span className="text-xl font-bold text-brand underline">{list.name}</span>
              {list.session ? (
                <span className="text-ink">
                  <ListSessionTime list={list} />
                </span>
              ) : null}
              <ListCount list={list} className="text-base text-ink" inline />
            </Link>
          </li>
        ))}
      </ul>
      {mayManage && sessionsWithoutList.length ? (
        <section aria-labelledby="add-list-heading" className="card p-4">
          <h2 id="add-list-heading" className="text-xl font-semibold">
            Take attendance at another session
          </h2>
          <p className="mt-1 mb-4 text-muted">
            Workshops get a list on their own. Add one for any other session whose attendance counts (for CE credits,
            say).
          </p>
          <AdminForm action={addCheckinListAction} submitLabel="Add list" submitClassName="btn btn-primary min-h-12">
            <SelectField
              name="sessionId"
              label="Session"
              options={[
                { value: '', label: 'Choose a session…' },
                ...sessionsWithoutList.map((s) => ({
                  value: s.id,
                  label: `${s.title} — ${formatDay(dateInZone(s.startsAt, event.timezone), 'en-GB', 'short')} ${formatTime(s.startsAt, event.timezone)}`,
                })),
              ]}
            />
          </AdminForm>
        </section>
      ) : null}
    </div>
  );
}

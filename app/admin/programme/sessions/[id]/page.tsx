// Editing a session: its form (times shown in the event's zone, the viewer's own time beside them), seats
// taken, a link to its public page, and deletion with what it refuses and what it removes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { SessionTime } from '@/app/_components/session-time';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { getSessionForEdit, toLocalInput } from '@/lib/programme/staff-queries';
import { ProgrammeNav } from '../../_components/programme-nav';
import { Notice } from '@/app/admin/_components/notice';
import { loadSessionFieldOptions, SessionFields } from '../../_components/session-fields';
import { deleteSessionAction, updateSessionAction } from '../actions';

export const metadata: Metadata = { title: 'Edit session' };
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditSessionPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requirePermission('programme.manage', `/admin/programme/sessions/${encodeURIComponent(id)}`);
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const ctx = getContext();
  const found = await getSessionForEdit(ctx, event.id, id);
  if (!found) notFound();
  const { session, speakers, taken } = found;
  const options = await loadSessionFieldOptions(ctx, event.id);
  const tz = event.timezone;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/admin/programme">Programme</Link> <span aria-hidden="true">›</span> Edit session
      </p>
      <h1 className="text-3xl font-bold">{session.title}</h1>
      <p className="mt-2 mb-4 text-muted">
        <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} timeZone={tz} showDay />
        {' · '}
        {session.visibility === 'public' ? (
          <Link href={`/sessions/${session.slug}`}>View on the public programme</Link>
        ) : (
          'Registered attendees only: not on the public pages'
        )}
      </p>
      <ProgrammeNav current="sessions" />
      <Notice text={notice === 'created' ? 'The session was added.' : null} />
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-4 text-xl font-semibold">
          Details
        </h2>
        <AdminForm action={updateSessionAction} submitLabel="Save changes" keepValues>
          <input type="hidden" name="id" value={session.id} />
          <SessionFields
            event={event}
            options={options}
            taken={taken}
            isNew={false}
            values={{
              title: session.title,
              slug: session.slug,
              abstract: session.abstract,
              format: session.format,
              trackId: session.trackId ?? '',
              roomId: session.roomId ?? '',
              startsAt: toLocalInput(session.startsAt, tz),
              endsAt: toLocalInput(session.endsAt, tz),
              capacity: session.capacity === null ? '' : String(session.capacity),
              contentNote: session.contentNote ?? '',
              visibility: session.visibility,
              speakers,
            }}
          />
        </AdminForm>
      </section>
      <section aria-labelledby="delete-heading" className="mt-12 rounded-md border border-[#b42318] p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">
          Delete this session
        </h2>
        <p className="mt-2 mb-4 text-muted">
          Refused while anyone holds a seat, is on its waiting list or has been checked in, and when earlier orders
          refer to it. Otherwise it is removed with its speaker list, and from any attendee&rsquo;s personal agenda.
        </p>
        <AdminForm
          action={deleteSessionAction}
          submitLabel="Delete session"
          submitClassName="btn btn-secondary"
          confirm={`Delete "${session.title}"? This cannot be undone.`}
        >
          <input type="hidden" name="id" value={session.id} />
        </AdminForm>
      </section>
    </div>
  );
}

// Editing a track, and deleting it (refused while sessions use it).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextAreaField, TextField } from '@/app/admin/_components/fields';
import { getTrackForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeNav } from '../../_components/programme-nav';
import { deleteTrackAction, updateTrackAction } from '../actions';

export const metadata: Metadata = { title: 'Edit track' };
export const dynamic = 'force-dynamic';

export default async function EditTrackPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission('programme.manage', `/admin/programme/tracks/${encodeURIComponent(id)}`);
  const event = await getCurrentEvent();
  const track = await getTrackForAdmin(getContext(), event.id, id);
  if (!track) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm"><Link href="/admin/programme/tracks">Tracks</Link> <span aria-hidden="true">›</span> Edit track</p>
      <h1 className="mb-4 text-3xl font-bold">{track.name}</h1>
      <ProgrammeNav current="tracks" />
      <AdminForm action={updateTrackAction} submitLabel="Save changes" keepValues>
        <input type="hidden" name="id" value={track.id} />
        <TextField name="name" label="Name" defaultValue={track.name} />
        <TextAreaField name="description" label="Description" rows={3} defaultValue={track.description} />
        <TextField name="slug" label="Web address" required={false} defaultValue={track.slug}
          hint="Used in programme links (?track=...). Changing it breaks links already shared; leave blank to keep it." />
      </AdminForm>
      <section aria-labelledby="delete-heading" className="mt-12 rounded-md border border-[#b42318] p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">Delete this track</h2>
        <p className="mt-2 mb-4 text-muted">
          {track.sessionCount
            ? `${track.sessionCount} ${track.sessionCount === 1 ? 'session uses' : 'sessions use'} this track: move them to another track first.`
            : 'No session uses this track.'}
        </p>
        <AdminForm action={deleteTrackAction} submitLabel="Delete track" submitClassName="btn btn-secondary" confirm={`Delete the track "${track.name}"?`}>
          <input type="hidden" name="id" value={track.id} />
        </AdminForm>
      </section>
    </div>
  );
}

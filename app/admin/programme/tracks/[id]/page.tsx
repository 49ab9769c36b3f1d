// Editing a track, and deleting it (refused while sessions use it).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { TextAreaField, TextField } from '@/app/admin/_components/fields';
import { getTrackForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeEditPage } from '../../_components/programme-item-pages';
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
    <ProgrammeEditPage
      section="tracks"
      noun="track"
      item={track}
      updateAction={updateTrackAction}
      deleteAction={deleteTrackAction}
      deleteNote={
        track.sessionCount
          ? `${track.sessionCount} ${track.sessionCount === 1 ? 'session uses' : 'sessions use'} this track: move them to another track first.`
          : 'No session uses this track.'
      }
      deleteConfirm={`Delete the track "${track.name}"?`}
    >
      <TextField name="name" label="Name" defaultValue={track.name} />
      <TextAreaField name="description" label="Description" rows={3} defaultValue={track.description} />
      <TextField
        name="slug"
        label="Web address"
        required={false}
        defaultValue={track.slug}
        hint="Used in programme links (?track=...). Changing it breaks links already shared; leave blank to keep it."
      />
    </ProgrammeEditPage>
  );
}

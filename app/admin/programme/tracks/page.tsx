// Tracks: in the order the public programme lists them, with up/down to reorder, how many sessions use each,
// and a form to add one.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextAreaField, TextField } from '@/app/admin/_components/fields';
import { listTracksForAdmin } from '@/lib/programme/staff-queries';
import { OrderedTable } from '../_components/ordered-table';
import { Notice, ProgrammeNav } from '../_components/programme-nav';
import { addTrackAction, moveTrackAction } from './actions';

export const metadata: Metadata = { title: 'Tracks' };
export const dynamic = 'force-dynamic';

export default async function TracksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('programme.manage', '/admin/programme/tracks');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const tracks = await listTracksForAdmin(getContext(), event.id);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Tracks</h1>
      <p className="mb-4 text-muted">Themes that group sessions. The public programme lists and filters them in this order.</p>
      <ProgrammeNav current="tracks" page />
      <Notice text={notice === 'deleted' ? 'The track was deleted.' : null} />
      {tracks.length === 0 ? <p className="card mb-8 p-4">No tracks yet.</p> : (
        <OrderedTable caption="Tracks" nameHeader="Track" hrefBase="/admin/programme/tracks" rows={tracks} moveAction={moveTrackAction} columns={[
          { header: 'Address', cell: (t) => <span className="font-mono text-sm">{t.slug}</span> },
          { header: 'Sessions', numeric: true, cell: (t) => t.sessionCount },
        ]} />
      )}
      <section aria-labelledby="add-heading" className="max-w-2xl">
        <h2 id="add-heading" className="mb-4 text-xl font-semibold">Add a track</h2>
        <AdminForm action={addTrackAction} submitLabel="Add track" keepValues resetOnSuccess>
          <TextField name="name" label="Name" />
          <TextAreaField name="description" label="Description" rows={3} />
          <TextField name="slug" label="Web address" required={false}
            hint="Used in programme links (?track=...). Leave blank to make one from the name." />
        </AdminForm>
      </section>
    </div>
  );
}

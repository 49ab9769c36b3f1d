// Tracks: in the order the public programme lists them, with up/down to reorder, how many sessions use each,
// and a form to add one.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { TextAreaField, TextField } from '@/app/admin/_components/fields';
import { listTracksForAdmin } from '@/lib/programme/staff-queries';
import { OrderedTable } from '../_components/ordered-table';
import { ProgrammeListPage } from '../_components/programme-item-pages';
import { addTrackAction, moveTrackAction } from './actions';

export const metadata: Metadata = { title: 'Tracks' };
export const dynamic = 'force-dynamic';

export default async function TracksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('programme.manage', '/admin/programme/tracks');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const tracks = await listTracksForAdmin(getContext(), event.id);
  return (
    <ProgrammeListPage
      section="tracks"
      noun="track"
      notice={notice}
      addAction={addTrackAction}
      intro="Themes that group sessions. The public programme lists and filters them in this order."
      empty={tracks.length === 0}
      table={
        <OrderedTable
          caption="Tracks"
          nameHeader="Track"
          hrefBase="/admin/programme/tracks"
          rows={tracks}
          moveAction={moveTrackAction}
          columns={[
            { header: 'Address', cell: (t) => <span className="font-mono text-sm">{t.slug}</span> },
            { header: 'Sessions', numeric: true, cell: (t) => t.sessionCount },
          ]}
        />
      }
    >
      <TextField name="name" label="Name" />
      <TextAreaField name="description" label="Description" rows={3} />
      <TextField
        name="slug"
        label="Web address"
        required={false}
        hint="Used in programme links (?track=...). Leave blank to make one from the name."
      />
    </ProgrammeListPage>
  );
}

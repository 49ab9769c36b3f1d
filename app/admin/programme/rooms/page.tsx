// Rooms: in their display order, with up/down to reorder, capacity, how many sessions each holds, and a form
// to add one.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { TextField } from '@/app/admin/_components/fields';
import { listRoomsForAdmin } from '@/lib/programme/staff-queries';
import { OrderedTable } from '../_components/ordered-table';
import { ProgrammeListPage } from '../_components/programme-item-pages';
import { addRoomAction, moveRoomAction } from './actions';

export const metadata: Metadata = { title: 'Rooms' };
export const dynamic = 'force-dynamic';

export default async function RoomsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('programme.manage', '/admin/programme/rooms');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const rooms = await listRoomsForAdmin(getContext(), event.id);
  return (
    <ProgrammeListPage
      section="rooms"
      noun="room"
      notice={notice}
      addAction={addRoomAction}
      intro="Where sessions take place. A room holds one session at a time; sessions at the same time are listed in this order."
      empty={rooms.length === 0}
      table={
        <OrderedTable
          caption="Rooms"
          nameHeader="Room"
          hrefBase="/admin/programme/rooms"
          rows={rooms}
          moveAction={moveRoomAction}
          columns={[
            { header: 'Location', cell: (r) => r.location || <span className="text-muted">Not given</span> },
            {
              header: 'Capacity',
              numeric: true,
              cell: (r) => r.capacity ?? <span className="text-muted">No limit</span>,
            },
            { header: 'Sessions', numeric: true, cell: (r) => r.sessionCount },
          ]}
        />
      }
    >
      <TextField name="name" label="Name" />
      <TextField name="location" label="Location" required={false} hint="For example: Ground floor, east wing." />
      <TextField
        name="capacity"
        label="Capacity"
        required={false}
        inputMode="numeric"
        hint="Seats in the room; leave blank if it does not matter."
      />
    </ProgrammeListPage>
  );
}

// Rooms: in their display order, with up/down to reorder, capacity, how many sessions each holds, and a form
// to add one.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { listRoomsForAdmin } from '@/lib/programme/staff-queries';
import { OrderedTable } from '../_components/ordered-table';
import { Notice, ProgrammeNav } from '../_components/programme-nav';
import { addRoomAction, moveRoomAction } from './actions';

export const metadata: Metadata = { title: 'Rooms' };
export const dynamic = 'force-dynamic';

export default async function RoomsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('programme.manage', '/admin/programme/rooms');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const rooms = await listRoomsForAdmin(getContext(), event.id);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Rooms</h1>
      <p className="mb-4 text-muted">Where sessions take place. A room holds one session at a time; sessions at the same time are listed in this order.</p>
      <ProgrammeNav current="rooms" page />
      <Notice text={notice === 'deleted' ? 'The room was deleted.' : null} />
      {rooms.length === 0 ? <p className="card mb-8 p-4">No rooms yet.</p> : (
        <OrderedTable caption="Rooms" nameHeader="Room" hrefBase="/admin/programme/rooms" rows={rooms} moveAction={moveRoomAction} columns={[
          { header: 'Location', cell: (r) => r.location || <span className="text-muted">Not given</span> },
          { header: 'Capacity', numeric: true, cell: (r) => r.capacity ?? <span className="text-muted">No limit</span> },
          { header: 'Sessions', numeric: true, cell: (r) => r.sessionCount },
        ]} />
      )}
      <section aria-labelledby="add-heading" className="max-w-2xl">
        <h2 id="add-heading" className="mb-4 text-xl font-semibold">Add a room</h2>
        <AdminForm action={addRoomAction} submitLabel="Add room" keepValues resetOnSuccess>
          <TextField name="name" label="Name" />
          <TextField name="location" label="Location" required={false} hint="For example: Ground floor, east wing." />
          <TextField name="capacity" label="Capacity" required={false} inputMode="numeric" hint="Seats in the room; leave blank if it does not matter." />
        </AdminForm>
      </section>
    </div>
  );
}

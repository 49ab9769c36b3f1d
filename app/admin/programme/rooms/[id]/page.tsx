// Editing a room, and deleting it (refused while it holds sessions).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { getRoomForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeNav } from '../../_components/programme-nav';
import { deleteRoomAction, updateRoomAction } from '../actions';

export const metadata: Metadata = { title: 'Edit room' };
export const dynamic = 'force-dynamic';

export default async function EditRoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission('programme.manage', `/admin/programme/rooms/${encodeURIComponent(id)}`);
  const event = await getCurrentEvent();
  const room = await getRoomForAdmin(getContext(), event.id, id);
  if (!room) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm"><Link href="/admin/programme/rooms">Rooms</Link> <span aria-hidden="true">›</span> Edit room</p>
      <h1 className="mb-4 text-3xl font-bold">{room.name}</h1>
      <ProgrammeNav current="rooms" />
      <AdminForm action={updateRoomAction} submitLabel="Save changes" keepValues>
        <input type="hidden" name="id" value={room.id} />
        <TextField name="name" label="Name" defaultValue={room.name} />
        <TextField name="location" label="Location" required={false} defaultValue={room.location} />
        <TextField name="capacity" label="Capacity" required={false} inputMode="numeric" defaultValue={room.capacity ?? ''}
          hint="Seats in the room; leave blank if it does not matter." />
      </AdminForm>
      <section aria-labelledby="delete-heading" className="mt-12 rounded-md border border-[#b42318] p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">Delete this room</h2>
        <p className="mt-2 mb-4 text-muted">
          {room.sessionCount
            ? `${room.sessionCount} ${room.sessionCount === 1 ? 'session takes' : 'sessions take'} place here: move them to another room first.`
            : 'No session takes place in this room.'}
        </p>
        <AdminForm action={deleteRoomAction} submitLabel="Delete room" submitClassName="btn btn-secondary" confirm={`Delete the room "${room.name}"?`}>
          <input type="hidden" name="id" value={room.id} />
        </AdminForm>
      </section>
    </div>
  );
}

// Editing a room, and deleting it (refused while it holds sessions).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { TextField } from '@/app/admin/_components/fields';
import { getRoomForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeEditPage } from '../../_components/programme-item-pages';
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
    <ProgrammeEditPage
      section="rooms"
      noun="room"
      item={room}
      updateAction={updateRoomAction}
      deleteAction={deleteRoomAction}
      deleteNote={
        room.sessionCount
          ? `${room.sessionCount} ${room.sessionCount === 1 ? 'session takes' : 'sessions take'} place here: move them to another room first.`
          : 'No session takes place in this room.'
      }
      deleteConfirm={`Delete the room "${room.name}"?`}
    >
      <TextField name="name" label="Name" defaultValue={room.name} />
      <TextField name="location" label="Location" required={false} defaultValue={room.location} />
      <TextField
        name="capacity"
        label="Capacity"
        required={false}
        inputMode="numeric"
        defaultValue={room.capacity ?? ''}
        hint="Seats in the room; leave blank if it does not matter."
      />
    </ProgrammeEditPage>
  );
}

// Adding a session: the form, with the event's tracks, rooms and speakers to choose from.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { ProgrammeNav } from '../../_components/programme-nav';
import { emptySessionValues, loadSessionFieldOptions, SessionFields } from '../../_components/session-fields';
import { createSessionAction } from '../actions';

export const metadata: Metadata = { title: 'Add a session' };
export const dynamic = 'force-dynamic';

export default async function NewSessionPage() {
  await requirePermission('programme.manage', '/admin/programme/sessions/new');
  const event = await getCurrentEvent();
  const options = await loadSessionFieldOptions(getContext(), event.id);
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/admin/programme">Programme</Link> <span aria-hidden="true">›</span> Add a session
      </p>
      <h1 className="mb-4 text-3xl font-bold">Add a session</h1>
      <ProgrammeNav current="sessions" />
      <AdminForm action={createSessionAction} submitLabel="Add session" keepValues>
        <SessionFields event={event} options={options} values={emptySessionValues} isNew />
      </AdminForm>
    </div>
  );
}

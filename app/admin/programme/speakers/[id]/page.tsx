// Editing a speaker, the sessions they are on, and deleting them (refused while they are on any session).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { getSpeakerForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeNav } from '../../_components/programme-nav';
import { SpeakerFields } from '../../_components/speaker-fields';
import { deleteSpeakerAction, updateSpeakerAction } from '../actions';

export const metadata: Metadata = { title: 'Edit speaker' };
export const dynamic = 'force-dynamic';

export default async function EditSpeakerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission('programme.manage', `/admin/programme/speakers/${encodeURIComponent(id)}`);
  const event = await getCurrentEvent();
  const speaker = await getSpeakerForAdmin(getContext(), event.id, id);
  if (!speaker) notFound();
  return (
    <div className="max-w-2xl">
      <p className="mb-2 text-sm"><Link href="/admin/programme/speakers">Speakers</Link> <span aria-hidden="true">›</span> Edit speaker</p>
      <h1 className="mb-4 text-3xl font-bold">{speaker.name}</h1>
      <ProgrammeNav current="speakers" />
      <AdminForm action={updateSpeakerAction} submitLabel="Save changes" keepValues>
        <input type="hidden" name="id" value={speaker.id} />
        <SpeakerFields values={speaker} />
      </AdminForm>
      <section aria-labelledby="sessions-heading" className="mt-10">
        <h2 id="sessions-heading" className="text-xl font-semibold">Sessions</h2>
        {speaker.sessions.length === 0 ? <p className="mt-2 text-muted">Not on any session yet.</p> : (
          <ul className="mt-2 list-disc pl-6">
            {speaker.sessions.map((s) => <li key={s.id}><Link href={`/admin/programme/sessions/${s.id}`}>{s.title}</Link></li>)}
          </ul>
        )}
      </section>
      <section aria-labelledby="delete-heading" className="mt-12 rounded-md border border-[#b42318] p-4">
        <h2 id="delete-heading" className="text-xl font-semibold">Delete this speaker</h2>
        <p className="mt-2 mb-4 text-muted">
          {speaker.sessions.length ? 'Take them off their sessions first (on each session’s page).' : 'They are not on any session.'}
        </p>
        <AdminForm action={deleteSpeakerAction} submitLabel="Delete speaker" submitClassName="btn btn-secondary" confirm={`Delete ${speaker.name}?`}>
          <input type="hidden" name="id" value={speaker.id} />
        </AdminForm>
      </section>
    </div>
  );
}

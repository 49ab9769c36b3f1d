// Editing a speaker, the sessions they are on, and deleting them (refused while they are on any session).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getSpeakerForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeEditPage } from '../../_components/programme-item-pages';
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
    <ProgrammeEditPage
      section="speakers"
      noun="speaker"
      item={speaker}
      updateAction={updateSpeakerAction}
      deleteAction={deleteSpeakerAction}
      deleteNote={
        speaker.sessions.length
          ? 'Take them off their sessions first (on each session’s page).'
          : 'They are not on any session.'
      }
      deleteConfirm={`Delete ${speaker.name}?`}
      extra={
        <section aria-labelledby="sessions-heading" className="mt-10">
          <h2 id="sessions-heading" className="text-xl font-semibold">
            Sessions
          </h2>
          {speaker.sessions.length === 0 ? (
            <p className="mt-2 text-muted">Not on any session yet.</p>
          ) : (
            <ul className="mt-2 list-disc pl-6">
              {speaker.sessions.map((s) => (
                <li key={s.id}>
                  <Link href={`/admin/programme/sessions/${s.id}`}>{s.title}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      }
    >
      <SpeakerFields values={speaker} />
    </ProgrammeEditPage>
  );
}

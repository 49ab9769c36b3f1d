// Speakers: everyone who can be listed on a session (including people only on attendee-only sessions, who the
// public speaker pages never show), with how many sessions each is on, and a form to add one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { listSpeakersForAdmin } from '@/lib/programme/staff-queries';
import { Notice, ProgrammeNav } from '../_components/programme-nav';
import { SpeakerFields } from '../_components/speaker-fields';
import { addSpeakerAction } from './actions';

export const metadata: Metadata = { title: 'Speakers' };
export const dynamic = 'force-dynamic';

export default async function SpeakersAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('programme.manage', '/admin/programme/speakers');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const speakers = await listSpeakersForAdmin(getContext(), event.id);
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Speakers</h1>
      <p className="mb-4 text-muted">Attach speakers to sessions from each session&rsquo;s page. Only speakers of public sessions appear on the public speaker pages.</p>
      <ProgrammeNav current="speakers" page />
      <Notice text={notice === 'deleted' ? 'The speaker was deleted.' : null} />
      {speakers.length === 0 ? <p className="card mb-8 p-4">No speakers yet.</p> : (
        <div className="mb-10 overflow-x-auto">
          <table className="w-full border-collapse text-left text-[0.9375rem]">
            <caption className="sr-only">Speakers by name</caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-4">Speaker</th>
                <th scope="col" className="py-2 pr-4">Affiliation</th>
                <th scope="col" className="py-2 pr-4 text-right">Sessions</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((s) => (
                <tr key={s.id} className="border-b border-line">
                  <th scope="row" className="py-2 pr-4 text-left font-normal">
                    <Link href={`/admin/programme/speakers/${s.id}`} className="font-semibold">{s.name}</Link>
                  </th>
                  <td className="py-2 pr-4">{s.affiliation || <span className="text-muted">Not given</span>}</td>
                  <td className="py-2 pr-4 text-right tabular-nums">{s.sessionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="add-heading" className="max-w-2xl">
        <h2 id="add-heading" className="mb-4 text-xl font-semibold">Add a speaker</h2>
        <AdminForm action={addSpeakerAction} submitLabel="Add speaker" keepValues resetOnSuccess>
          <SpeakerFields />
        </AdminForm>
      </section>
    </div>
  );
}

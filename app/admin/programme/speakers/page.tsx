// Speakers: everyone who can be listed on a session (including people only on attendee-only sessions, who the
// public speaker pages never show), with how many sessions each is on, and a form to add one.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { listSpeakersForAdmin } from '@/lib/programme/staff-queries';
import { ProgrammeListPage } from '../_components/programme-item-pages';
import { SpeakerFields } from '../_components/speaker-fields';
import { addSpeakerAction } from './actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Speakers' };
export const dynamic = 'force-dynamic';

export default async function SpeakersAdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('programme.manage', '/admin/programme/speakers');
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const speakers = await listSpeakersForAdmin(getContext(), event.id);
  return (
    <ProgrammeListPage
      section="speakers"
      noun="speaker"
      notice={notice}
      addAction={addSpeakerAction}
      intro="Attach speakers to sessions from each session’s page. Only speakers of public sessions appear on the public speaker pages."
      empty={speakers.length === 0}
      table={
        <div className="mb-10 overflow-x-auto">
          <DataTable
            caption="Speakers by name"
            rows={speakers}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Speaker',
                rowHeader: true,
                cell: (s) => (
                  <Link href={`/admin/programme/speakers/${s.id}`} className="font-semibold">
                    {s.name}
                  </Link>
                ),
              },
              { header: 'Affiliation', cell: (s) => s.affiliation || <span className="text-muted">Not given</span> },
              { header: 'Sessions', numeric: true, cell: (s) => s.sessionCount },
            ]}
          />
        </div>
      }
    >
      <SpeakerFields />
    </ProgrammeListPage>
  );
}

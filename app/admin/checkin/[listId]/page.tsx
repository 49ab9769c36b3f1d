// The check-in desk for one list: its live figure, the scanner (camera, keyboard-wedge field, typed code) and
// the search by name or order reference. Shows staff the badge name and ticket type only.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getCheckinListWithCount } from '@/lib/checkin/queries';
import { formatCheckinTime } from '@/lib/checkin/result';
import { searchCheckinTickets } from '@/lib/checkin/search';
import { CheckinDesk, type DeskMatch } from '../_components/checkin-desk';
import { ListCount, ListSessionTime } from '../_components/list-parts';
import { findCurrentEvent } from '@/app/_lib/current-event';

export const metadata: Metadata = { title: 'Check-in desk' };
export const dynamic = 'force-dynamic';

type Params = Promise<{ listId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CheckinDeskPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { listId } = await params;
  await requirePermission('checkin.scan', `/admin/checkin/${encodeURIComponent(listId)}`);
  const ctx = getContext();
  const event = await findCurrentEvent();
  const list = event ? await getCheckinListWithCount(ctx, event.id, listId) : null;
  if (!list) notFound();
  const raw = (await searchParams).q;
  const query = (typeof raw === 'string' ? raw : '').trim().slice(0, 100);
  const found = query ? await searchCheckinTickets(ctx, list, query) : null;
  const matches: DeskMatch[] | null =
    found?.map((m) => ({
      ticketId: m.ticketId,
      badgeName: m.badgeName,
      ticketType: m.ticketType,
      orderReference: m.orderReference,
      isPaid: m.isPaid,
      hasAccessArrangement: m.hasAccessArrangement,
      checkedInLabel: m.checkedInAt ? formatCheckinTime(m.checkedInAt, list.timezone) : null,
    })) ?? null;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <p>
        <Link href="/admin/checkin" className="inline-flex min-h-11 items-center">
          ← All check-in lists
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold break-words">{list.name}</h1>
        <ListSessionTime list={list} />
        <ListCount list={list} />
      </header>
      <CheckinDesk listId={list.id} query={query} matches={matches} />
    </div>
  );
}

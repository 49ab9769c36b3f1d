// The programme with filters or a day chosen (a query string): rendered per request. The plain address /programme
// is served from the cache by app/(public)/[locale]/programme/page.tsx.
import { connection } from 'next/server';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { programmeMetadata, ProgrammeView, type SearchParams } from './programme-view';

export const metadata = programmeMetadata;

export default async function ProgrammePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  return <ProgrammeView event={await getCurrentEvent()} params={await searchParams} />;
}

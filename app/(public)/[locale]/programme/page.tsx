// The programme as it first shows (the first day, no filters), served from the cache ([locale]/layout.tsx).
import { getCachedPageEvent } from '@/app/_lib/current-event';
import { programmeMetadata, ProgrammeView } from '../../programme/programme-view';

export const metadata = programmeMetadata;

export default async function CachedProgrammePage() {
  return <ProgrammeView event={await getCachedPageEvent()} params={{}} />;
}

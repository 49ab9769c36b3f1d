// Speaker names by session, in billing order, for the agenda page and its calendar feed.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { sessionSpeakers, speakers } from '@/db/schema';

export async function speakerNames(db: DbOrTx, sessionIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (!sessionIds.length) return map;
  const rows = await db
    .select({ sessionId: sessionSpeakers.sessionId, name: speakers.name })
    .from(sessionSpeakers)
    .innerJoin(speakers, eq(speakers.id, sessionSpeakers.speakerId))
    .where(inArray(sessionSpeakers.sessionId, sessionIds))
    .orderBy(asc(sessionSpeakers.sortOrder), asc(speakers.name));
  for (const { sessionId, name } of rows) map.set(sessionId, [...(map.get(sessionId) ?? []), name]);
  return map;
}

// Read models of the check-in pages: the lists with their live figures, and one list with its own.
import type { AppContext } from '../context';
import { getCheckinCounts } from './counts';
import { getCheckinList, listCheckinLists, listSessionsWithoutList, type CheckinListView } from './lists';

type Ctx = Pick<AppContext, 'db'>;

export interface CheckinListWithCount extends CheckinListView {
  checkedIn: number;
  expected: number;
}

/** Every list of the event with its figures, and the sessions an organizer could still add a list for. */
export async function getCheckinOverview(
  ctx: Ctx,
  eventId: string,
): Promise<{ lists: CheckinListWithCount[]; sessionsWithoutList: { id: string; title: string; startsAt: Date }[] }> {
  const [lists, counts, sessionsWithoutList] = await Promise.all([
    listCheckinLists(ctx, eventId),
    getCheckinCounts(ctx, eventId),
    listSessionsWithoutList(ctx, eventId),
  ]);
  const byList = new Map(counts.map((c) => [c.listId, c]));
  return {
    lists: lists.map((l) => ({
      ...l,
      checkedIn: byList.get(l.id)?.checkedIn ?? 0,
      expected: byList.get(l.id)?.expected ?? 0,
    })),
    sessionsWithoutList,
  };
}

/** One list of the event with its figures, or null. */
export async function getCheckinListWithCount(
  ctx: Ctx,
  eventId: string,
  listId: string,
): Promise<CheckinListWithCount | null> {
  const list = await getCheckinList(ctx, listId, eventId);
  if (!list) return null;
  const count = (await getCheckinCounts(ctx, eventId)).find((c) => c.listId === list.id);
  return { ...list, checkedIn: count?.checkedIn ?? 0, expected: count?.expected ?? 0 };
}

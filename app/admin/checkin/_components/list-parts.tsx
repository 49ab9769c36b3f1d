// What the check-in pages show of a list, on the overview and on its desk: its session's time, and its live count
// keyed by the server's figures (so a fresh server render starts the count over from them).
import { SessionTime } from '@/app/_components/session-time';
import { LiveCount } from './live-count';

interface ListFigures {
  id: string;
  checkedIn: number;
  expected: number;
}

export function ListCount({ list, ...props }: { list: ListFigures; className?: string; inline?: boolean }) {
  return (
    <LiveCount
      key={`${list.checkedIn}/${list.expected}`}
      listId={list.id}
      checkedIn={list.checkedIn}
      expected={list.expected}
      {...props}
    />
  );
}

export function ListSessionTime({
  list,
}: {
  list: { session: { startsAt: Date; endsAt: Date } | null; timezone: string };
}) {
  if (!list.session) return null;
  return <SessionTime startsAt={list.session.startsAt} endsAt={list.session.endsAt} timeZone={list.timezone} showDay />;
}

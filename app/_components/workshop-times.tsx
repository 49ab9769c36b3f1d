// A ticket's workshops as a list: each title with its day and time range in the event's zone.
import { SessionTime } from './session-time';

export function WorkshopTimes({
  workshops,
  timeZone,
}: {
  workshops: readonly { title: string; startsAt: Date; endsAt: Date }[];
  timeZone: string;
}) {
  return (
    <ul className="flex flex-col gap-1">
      {workshops.map((w) => (
        <li key={`${w.title}-${w.startsAt.toISOString()}`}>
          {w.title}, <SessionTime startsAt={w.startsAt} endsAt={w.endsAt} timeZone={timeZone} showDay />
        </li>
      ))}
    </ul>
  );
}

// One programme entry: what, when (event zone and the viewer's), where, who. No attendee data, ever.
import Link from '@/app/_components/link';
import { formatLabels } from '@/lib/programme/filter';
import type { ProgrammeSession } from '@/lib/programme/queries';
import { ContentNote } from './content-note';
import { SessionTime } from './session-time';

type HeadingLevel = 'h2' | 'h3' | 'h4';

export function SessionCard({
  session,
  timeZone,
  heading: Heading = 'h3',
  showDay = false,
}: {
  session: ProgrammeSession;
  timeZone: string;
  heading?: HeadingLevel;
  showDay?: boolean;
}) {
  const where = session.room ? [session.room.name, session.room.location].filter(Boolean).join(', ') : null;
  return (
    <article className="card flex flex-col gap-2 p-4 sm:p-5">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`badge ${session.format === 'keynote' ? 'badge-brand' : ''}`}>
          {formatLabels[session.format]}
        </span>
        {session.track && <span className="text-sm font-medium text-muted">{session.track.name}</span>}
        {session.capacity !== null && <span className="badge badge-note">Limited seats</span>}
      </div>
      <Heading className="text-lg font-semibold leading-snug">
        <Link href={`/sessions/${session.slug}`} className="no-underline hover:underline">
          {session.title}
        </Link>
      </Heading>
      <p className="text-[0.9375rem]">
        <SessionTime
          startsAt={session.startsAt}
          endsAt={session.endsAt}
          day={session.day}
          timeZone={timeZone}
          showDay={showDay}
        />
      </p>
      {(where || session.speakers.length > 0) && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[0.9375rem]">
          {where && (
            <>
              <dt className="font-medium text-muted">Room</dt>
              <dd>{where}</dd>
            </>
          )}
          {session.speakers.length > 0 && (
            <>
              <dt className="font-medium text-muted">{session.speakers.length > 1 ? 'Speakers' : 'Speaker'}</dt>
              <dd>{session.speakers.map((s) => s.name).join(', ')}</dd>
            </>
          )}
        </dl>
      )}
      {session.contentNote && <ContentNote note={session.contentNote} compact />}
    </article>
  );
}

import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getContext } from '@/app/_lib/context';
import { readCurrentEvent, getCachedPageEvent } from '@/app/_lib/current-event';
import { longDay } from '@/app/_components/dates';
import { ContentNote } from '@/app/_components/content-note';
import { Paragraphs } from '@/app/_components/paragraphs';
import { SessionTime } from '@/app/_components/session-time';
import { formatLabels } from '@/lib/programme/filter';
import { getPublicSession } from '@/lib/programme/queries';

type Props = { params: Promise<{ slug: string }> };

// None at build time (it has no database): each is rendered on its first visit, then cached (../../layout.tsx).
export function generateStaticParams(): { slug: string }[] {
  return [];
}

// generateMetadata and the page share one lookup per request.
const find = cache(async (slug: string) => {
  const event = await readCurrentEvent();
  return event ? getPublicSession(getContext(), event, slug) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const session = await find(slug);
  if (!session) return { title: 'Session not found' };
  return { title: session.title, description: session.abstract.slice(0, 200) || undefined };
}

export default async function SessionPage({ params }: Props) {
  const { slug } = await params;
  const event = await getCachedPageEvent();
  const session = await find(slug);
  if (!session) notFound();

  const tz = event.timezone;
  const calendarHref = `/sessions/${session.slug}/calendar.ics`;

  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-3">
        <p>
          <Link href={`/programme?day=${session.day}`} className="font-medium">
            <span aria-hidden="true">← </span>Programme for {longDay(session.day)}
          </Link>
        </p>
        <p className="flex flex-wrap items-center gap-2">
          <span className={`badge ${session.format === 'keynote' ? 'badge-brand' : ''}`}>
            {formatLabels[session.format]}
          </span>
          {session.track && (
            <Link href={`/programme?day=all&track=${session.track.slug}`} className="text-sm font-medium">
              {session.track.name} track
            </Link>
          )}
        </p>
        <h1 className="text-3xl font-bold sm:text-4xl">{session.title}</h1>
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="flex flex-col gap-6">
          {session.contentNote && <ContentNote note={session.contentNote} />}

          {session.abstract && (
            <section aria-labelledby="about-heading" className="flex flex-col gap-2">
              <h2 id="about-heading" className="text-xl font-semibold">
                About this session
              </h2>
              <Paragraphs text={session.abstract} className="max-w-prose" />
            </section>
          )}

          {session.speakers.length > 0 && (
            <section aria-labelledby="speakers-heading" className="flex flex-col gap-3">
              <h2 id="speakers-heading" className="text-xl font-semibold">
                {session.speakers.length > 1 ? 'Speakers' : 'Speaker'}
              </h2>
              <ul className="grid gap-3 sm:grid-cols-2">
                {session.speakers.map((s) => (
                  <li key={s.slug} className="card p-4">
                    <Link href={`/speakers/${s.slug}`} className="font-semibold">
                      {s.name}
                    </Link>
                    {s.affiliation && <p className="text-sm text-muted">{s.affiliation}</p>}
                    {s.role && s.role !== 'speaker' && <p className="text-sm text-muted capitalize">{s.role}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>

        <aside aria-labelledby="details-heading" className="card flex h-fit flex-col gap-5 p-5">
          <h2 id="details-heading" className="sr-only">
            Session details
          </h2>
          <dl className="flex flex-col gap-4">
            <div>
              <dt className="text-sm font-semibold text-muted">When</dt>
              <dd>
                <time dateTime={session.day} className="block">
                  {longDay(session.day)}
                </time>
                <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} day={session.day} timeZone={tz} />
              </dd>
            </div>
            {(session.room || event.venueName) && (
              <div>
                <dt className="text-sm font-semibold text-muted">Where</dt>
                <dd>
                  {session.room && <span className="block font-medium">{session.room.name}</span>}
                  {session.room?.location && <span className="block">{session.room.location}</span>}
                  {event.venueName && <span className="block text-muted">{event.venueName}</span>}
                </dd>
              </div>
            )}
            {session.track && (
              <div>
                <dt className="text-sm font-semibold text-muted">Track</dt>
                <dd>{session.track.name}</dd>
              </div>
            )}
            {session.capacity !== null && (
              <div>
                <dt className="text-sm font-semibold text-muted">Seats</dt>
                <dd>
                  <span className="badge badge-note">Limited seats: {session.capacity}</span>
                </dd>
              </div>
            )}
          </dl>

          <div className="flex flex-col gap-2 border-t border-line pt-4">
            <h3 className="font-semibold">Add to your calendar</h3>
            <a href={calendarHref} className="btn btn-secondary w-full" download>
              Add to calendar (.ics)
            </a>
            <a href={`${calendarHref}?discreet=1`} className="btn btn-secondary w-full" download>
              Add with a private title
            </a>
            <p className="text-sm text-muted">
              The private version is titled only &ldquo;Conference session&rdquo;, for calendars that others can see.
            </p>
          </div>
        </aside>
      </div>
    </article>
  );
}

import Link from '@/app/_components/link';
import { getContext } from '@/app/_lib/context';
import { getCachedPageEvent } from '@/app/_lib/current-event';
import { formatDateRange } from '@/app/_components/dates';
import { Paragraphs } from '@/app/_components/paragraphs';
import { SessionCard } from '@/app/_components/session-card';
import { eventDays, listPublicSessions, listTracks } from '@/lib/programme/queries';

export default async function HomePage() {
  const event = await getCachedPageEvent();
  const ctx = getContext();
  const [sessions, tracks] = await Promise.all([listPublicSessions(ctx, event), listTracks(ctx, event.id)]);
  const keynotes = sessions.filter((s) => s.format === 'keynote').slice(0, 3);
  const days = eventDays(event).length;

  return (
    <div className="flex flex-col gap-12">
      <section
        aria-labelledby="event-heading"
        className="-mx-4 -mt-8 bg-brand-strong px-4 py-12 text-white sm:-mx-6 sm:-mt-10 sm:rounded-b-2xl sm:px-10 sm:py-16"
      >
        <h1 id="event-heading" className="max-w-3xl text-4xl font-bold sm:text-5xl">
          {event.name}
        </h1>
        {event.tagline && <p className="mt-4 max-w-2xl text-lg text-white sm:text-xl">{event.tagline}</p>}
        <dl className="mt-6 flex flex-col gap-1 text-white sm:flex-row sm:gap-8">
          <div>
            <dt className="sr-only">Dates</dt>
            <dd className="font-semibold">
              <time dateTime={event.startsOn}>{formatDateRange(event.startsOn, event.endsOn)}</time>
              <span className="font-normal">
                {' '}
                · {days} {days === 1 ? 'day' : 'days'}
              </span>
            </dd>
          </div>
          {event.venueName && (
            <div>
              <dt className="sr-only">Venue</dt>
              <dd>
                {event.venueName}
                {event.venueAddress && <span>, {event.venueAddress}</span>}
              </dd>
            </div>
          )}
        </dl>
        <p className="mt-8 flex flex-wrap gap-3">
          <Link
            href="/programme"
            className="btn border-white bg-white text-brand-strong hover:bg-brand-soft hover:text-brand-strong"
          >
            Browse the programme
          </Link>
          <Link
            href="/register"
            prefetch={false}
            className="btn border-white text-white hover:bg-white/10 hover:text-white"
          >
            Register
          </Link>
        </p>
      </section>

      {event.description && (
        <section aria-labelledby="about-heading" className="flex flex-col gap-3">
          <h2 id="about-heading" className="text-2xl font-bold">
            About the conference
          </h2>
          <Paragraphs text={event.description} className="max-w-prose text-lg" />
        </section>
      )}

      {tracks.length > 0 && (
        <section aria-labelledby="tracks-heading" className="flex flex-col gap-4">
          <h2 id="tracks-heading" className="text-2xl font-bold">
            Tracks
          </h2>
          <ul className={`grid gap-3 sm:grid-cols-2 ${tracks.length >= 4 ? 'lg:grid-cols-4' : 'lg:grid-cols-3'}`}>
            {tracks.map((t) => (
              <li key={t.slug} className="card flex flex-col gap-2 border-t-4 border-t-brand p-5">
                <h3 className="text-lg font-semibold">{t.name}</h3>
                {t.description && <p className="text-[0.9375rem] text-muted">{t.description}</p>}
                <p className="mt-auto pt-1">
                  <Link href={`/programme?day=all&track=${t.slug}`} className="font-medium">
                    Sessions in {t.name}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {keynotes.length > 0 && (
        <section aria-labelledby="keynotes-heading" className="flex flex-col gap-4">
          <h2 id="keynotes-heading" className="text-2xl font-bold">
            Keynotes
          </h2>
          <ul className="grid gap-3">
            {keynotes.map((s) => (
              <li key={s.id}>
                <SessionCard session={s} timeZone={event.timezone} heading="h3" showDay />
              </li>
            ))}
          </ul>
          <p>
            <Link href="/programme" className="btn btn-primary">
              See the full programme
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

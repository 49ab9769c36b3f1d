// The programme: sessions by day and start time, with filters by track, format and words.
import type { Metadata } from 'next';
import Form from 'next/form';
import Link from '@/app/_components/link';
import { getContext } from '@/app/_lib/context';
import { longDay } from '@/app/_components/dates';
import { ALL_DAYS, ProgrammeDayTabs, programmeHref } from '@/app/_components/programme-day-tabs';
import { SessionCard } from '@/app/_components/session-card';
import { filterSessions, formatLabels, parseProgrammeFilter } from '@/lib/programme/filter';
import { eventDays, listPublicSessions, listTracks, type ProgrammeSession } from '@/lib/programme/queries';
import { sessionFormats } from '@/lib/programme/schemas';
import { formatTime, zoneAbbreviation } from '@/lib/time';

import type { Event } from '@/db/schema';

export const programmeMetadata: Metadata = { title: 'Programme' };

export type SearchParams = Record<string, string | string[] | undefined>;

/** Sessions by day, then by start instant, keeping the list's time order. */
function groupByDayAndStart(
  list: ProgrammeSession[],
): { day: string; slots: { startsAt: Date; sessions: ProgrammeSession[] }[] }[] {
  const days: { day: string; slots: { startsAt: Date; sessions: ProgrammeSession[] }[] }[] = [];
  for (const session of list) {
    let day = days.at(-1);
    if (day?.day !== session.day) days.push((day = { day: session.day, slots: [] }));
    let slot = day.slots.at(-1);
    if (slot?.startsAt.getTime() !== session.startsAt.getTime())
      day.slots.push((slot = { startsAt: session.startsAt, sessions: [] }));
    slot.sessions.push(session);
  }
  return days;
}

/** The programme, for the cached page (no parameters) and the filtered one (app/(public)/programme/page.tsx). */
export async function ProgrammeView({ event, params }: { event: Event; params: SearchParams }) {
  const ctx = getContext();
  const [all, tracks] = await Promise.all([listPublicSessions(ctx, event), listTracks(ctx, event.id)]);

  const filter = parseProgrammeFilter(params);
  const days = eventDays(event);
  const rawDay = Array.isArray(params.day) ? params.day[0] : params.day;
  const allDays = rawDay === ALL_DAYS;
  const day = allDays ? undefined : filter.day && days.includes(filter.day) ? filter.day : days[0];
  const results = filterSessions(all, { ...filter, day });
  const groups = groupByDayAndStart(results);
  const narrowed = Boolean(filter.track || filter.format || filter.q);
  const keep = { track: filter.track, format: filter.format, q: filter.q };
  const tz = event.timezone;
  const zone = zoneAbbreviation(new Date(`${days[0] ?? event.startsOn}T12:00:00Z`), tz);

  const where = allDays ? 'across all days' : day ? `on ${longDay(day)}` : '';
  const count = `${results.length} ${results.length === 1 ? 'session' : 'sessions'} ${where}${filter.q ? ` matching “${filter.q}”` : ''}`;

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Programme</h1>
        <p className="text-muted">
          Times are in the event&rsquo;s time zone ({tz.replace(/_/g, ' ')}, {zone}); where yours differs, your own time
          is shown beside them.
        </p>
      </header>

      <ProgrammeDayTabs days={days} current={allDays ? ALL_DAYS : (day ?? '')} keep={keep} />

      <Form
        action="/programme"
        prefetch={false}
        className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-5 lg:grid-cols-[1fr_1fr_1.4fr_auto] lg:items-end"
        aria-label="Filter sessions"
      >
        <input type="hidden" name="day" value={allDays ? ALL_DAYS : (day ?? '')} />
        <div>
          <label htmlFor="filter-track" className="field-label">
            Track
          </label>
          <select id="filter-track" name="track" defaultValue={filter.track ?? ''} className="field-control">
            <option value="">All tracks</option>
            {tracks.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-format" className="field-label">
            Format
          </label>
          <select id="filter-format" name="format" defaultValue={filter.format ?? ''} className="field-control">
            <option value="">All formats</option>
            {sessionFormats.map((f) => (
              <option key={f} value={f}>
                {formatLabels[f]}
              </option>
            ))}
          </select>
        </div>
        <div className="sm:col-span-2 lg:col-span-1">
          <label htmlFor="filter-q" className="field-label">
            Search
          </label>
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={filter.q ?? ''}
            placeholder="Title, speaker, topic"
            className="field-control"
          />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-1">
          <button type="submit" className="btn btn-primary">
            Show sessions
          </button>
          {narrowed && (
            <Link href={programmeHref({ day: allDays ? ALL_DAYS : day })} className="font-medium">
              Clear filters
            </Link>
          )}
        </div>
      </Form>

      <p role="status" aria-live="polite" className="font-semibold">
        {count}
      </p>

      {results.length === 0 ? (
        <div className="card flex flex-col gap-2 p-6">
          <h2 className="text-xl font-semibold">No sessions found</h2>
          <p>
            {narrowed ? `No public session matches these filters ${where}.` : `There are no public sessions ${where}.`}
          </p>
          <p className="flex flex-wrap gap-x-5 gap-y-2">
            {!allDays && <Link href={programmeHref({ day: ALL_DAYS, ...keep })}>Search all days</Link>}
            {narrowed && <Link href={programmeHref({ day: allDays ? ALL_DAYS : day })}>Clear filters</Link>}
          </p>
        </div>
      ) : (
        <div className="flex flex-col gap-10">
          {groups.map((g) => (
            <section key={g.day} aria-labelledby={`day-${g.day}`} className="flex flex-col gap-5">
              <h2 id={`day-${g.day}`} className="text-2xl font-bold">
                <time dateTime={g.day}>{longDay(g.day)}</time>
              </h2>
              {g.slots.map((slot) => {
                const id = `slot-${slot.startsAt.getTime()}`;
                return (
                  <div key={id} className="grid gap-3 md:grid-cols-[6.5rem_1fr] md:gap-5">
                    <h3
                      id={id}
                      className="border-b border-line pb-1 text-lg font-semibold tabular-nums text-brand-strong md:border-b-0 md:pt-4 md:text-right"
                    >
                      <time dateTime={slot.startsAt.toISOString()}>{formatTime(slot.startsAt, tz)}</time>{' '}
                      <span className="text-sm font-medium text-muted">{zoneAbbreviation(slot.startsAt, tz)}</span>
                    </h3>
                    <ul className="grid gap-3">
                      {slot.sessions.map((s) => (
                        <li key={s.id}>
                          <SessionCard session={s} timeZone={tz} heading="h4" />
                        </li>
                      ))}
                    </ul>
                  </div>
                );
              })}
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

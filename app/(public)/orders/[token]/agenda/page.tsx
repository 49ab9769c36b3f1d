// The personal agenda of one attendee of a paid order, behind the order's secret link: the whole programme by
// day (attendee-only sessions included) with a Star toggle each, the starred ones first as "My agenda", and a
// private calendar feed of them. Never cached or indexed; the referrer stays on this site (the actions need an
// Origin header, which "no-referrer" would blank).
import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { longDay } from '@/app/_components/dates';
import { SessionTime } from '@/app/_components/session-time';
import { getRequestContext } from '@/app/_lib/request-context';
import { getAgenda, type AgendaSession, type AgendaView } from '@/lib/agenda/queries';
import { formatLabels } from '@/lib/programme/filter';
import { orderLinkState } from '@/lib/self-service/access-links';
import { zoneAbbreviation } from '@/lib/time';
import { ExpiredLink } from '../../../find-registration/expired-link';
import { FeedPanel } from './feed-panel';
import { StarButton } from './star-button';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Your agenda',
  robots: { index: false, follow: false, nocache: true },
  referrer: 'same-origin',
};

function byDay(list: AgendaSession[]): { day: string; sessions: AgendaSession[] }[] {
  const days: { day: string; sessions: AgendaSession[] }[] = [];
  for (const s of list) {
    const last = days.at(-1);
    if (last?.day === s.day) last.sessions.push(s);
    else days.push({ day: s.day, sessions: [s] });
  }
  return days;
}

function overlapping(list: AgendaSession[]): Set<string> {
  const out = new Set<string>();
  for (const a of list) {
    for (const b of list) if (a.id !== b.id && a.startsAt < b.endsAt && b.startsAt < a.endsAt) out.add(a.id);
  }
  return out;
}

function Where({ s }: { s: AgendaSession }) {
  const parts = [s.room, s.track].filter(Boolean);
  return parts.length ? <p className="text-[0.9375rem] text-muted">{parts.join(' · ')}</p> : null;
}

function Title({ s }: { s: AgendaSession }) {
  return s.attendeesOnly ? <>{s.title}</> : <Link href={`/sessions/${s.slug}`}>{s.title}</Link>;
}

function MyAgenda({ view, timeZone }: { view: AgendaView; timeZone: string }) {
  const starred = view.sessions.filter((s) => s.starred);
  const clashes = overlapping(starred);
  if (!starred.length) {
    return (
      <p>No sessions starred yet. Star sessions in the programme below: they appear here and in your calendar feed.</p>
    );
  }
  return (
    <ol className="grid gap-3">
      {starred.map((s) => (
        <li key={s.id} className="card flex flex-col gap-1 p-4">
          <h3 className="text-lg font-semibold leading-snug">
            <Title s={s} />
          </h3>
          <p className="text-[0.9375rem]">
            <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} day={s.day} timeZone={timeZone} showDay />
          </p>
          <Where s={s} />
          {clashes.has(s.id) && (
            <p>
              <span className="badge badge-note">Overlaps another starred session</span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

function TicketChooser({ view, token }: { view: AgendaView; token: string }) {
  return (
    <form method="get" action={`/orders/${token}/agenda`} className="card flex flex-wrap items-end gap-3 p-4">
      <div className="min-w-60 flex-1">
        <label htmlFor="agenda-ticket" className="field-label">
          Attendee
        </label>
        <select id="agenda-ticket" name="ticket" defaultValue={view.ticket.id} className="field-control">
          {view.tickets.map((t, i) => (
            <option key={t.id} value={t.id}>{`Attendee ${i + 1}: ${t.badgeName} (${t.label})`}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn-secondary">
        Show agenda
      </button>
    </form>
  );
}

export default async function AgendaPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const raw = (await searchParams).ticket;
  const ticketId = typeof raw === 'string' && raw ? raw : null;
  const ctx = await getRequestContext();
  const result = await getAgenda(ctx, token, ticketId);
  if (result.state === 'unknown') {
    if ((await orderLinkState(ctx, token)) === 'expired') return <ExpiredLink token={token} />;
    notFound();
  }
  const orderHref = `/orders/${token}`;
  if (result.state === 'not_paid') {
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-3xl font-bold sm:text-4xl">Your agenda</h1>
        <p className="text-lg">Your personal agenda opens once registration {result.reference} is confirmed.</p>
        <p>
          <Link href={orderHref}>Back to your order</Link>
        </p>
      </div>
    );
  }
  const { view } = result;
  const tz = view.event.timezone;
  const zone = zoneAbbreviation(new Date(`${view.event.startsOn}T12:00:00Z`), tz);
  const several = view.tickets.length > 1;
  return (
    <div className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">{view.event.name}</p>
        <h1 className="text-3xl font-bold sm:text-4xl">
          {several ? `Agenda of ${view.ticket.badgeName}` : 'Your agenda'}
        </h1>
        <p>
          Order reference <strong className="font-mono tracking-wide">{view.reference}</strong> ·{' '}
          <Link href={orderHref}>Back to your order</Link>
        </p>
        <p className="text-muted">
          Times are in the event’s time zone ({tz.replace(/_/g, ' ')}, {zone}); where yours differs, your own time is
          shown beside them.
        </p>
      </header>

      {several && <TicketChooser view={view} token={token} />}

      <section aria-labelledby="my-agenda-heading" className="flex flex-col gap-3">
        <h2 id="my-agenda-heading" className="text-2xl font-bold">
          My agenda
        </h2>
        <MyAgenda view={view} timeZone={tz} />
      </section>

      <section aria-labelledby="feed-heading" className="card flex flex-col gap-2 p-4 sm:p-5">
        <h2 id="feed-heading" className="text-xl font-semibold">
          Calendar feed
        </h2>
        <FeedPanel token={token} ticketId={view.ticket.id} feed={view.feed} showTitles={view.feedShowsTitles} />
      </section>

      <section aria-labelledby="programme-heading" className="flex flex-col gap-6">
        <h2 id="programme-heading" className="text-2xl font-bold">
          Programme
        </h2>
        {view.sessions.length === 0 && <p>The programme has not been published yet.</p>}
        {byDay(view.sessions).map((d) => (
          <section key={d.day} aria-labelledby={`agenda-day-${d.day}`} className="flex flex-col gap-3">
            <h3 id={`agenda-day-${d.day}`} className="text-xl font-bold">
              <time dateTime={d.day}>{longDay(d.day)}</time>
            </h3>
            <ul className="grid gap-3">
              {d.sessions.map((s) => (
                <li
                  key={s.id}
                  className="card flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:justify-between sm:gap-4"
                >
                  <div className="flex flex-col gap-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="badge">{formatLabels[s.format]}</span>
                      {s.attendeesOnly && <span className="badge badge-note">Registered attendees only</span>}
                    </p>
                    <h4 className="text-lg font-semibold leading-snug">
                      <Title s={s} />
                    </h4>
                    <p className="text-[0.9375rem]">
                      <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} day={s.day} timeZone={tz} />
                    </p>
                    <Where s={s} />
                    {s.speakers.length > 0 && <p className="text-[0.9375rem]">With {s.speakers.join(', ')}</p>}
                  </div>
                  <StarButton
                    token={token}
                    ticketId={view.ticket.id}
                    sessionId={s.id}
                    title={s.title}
                    starred={s.starred}
                  />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}

// Workshops by day with the seats left, for the ticket page; a full one links to its waiting list.
import Link from '@/app/_components/link';
import { SessionTime } from '@/app/_components/session-time';
import { longDay } from '@/app/_components/dates';
import type { OnSaleWorkshop } from '@/lib/catalogue/on-sale';
import { dayOf } from './format';

export function seatsLeftText(remaining: number | null): string | null {
  if (remaining === null) return null;
  if (remaining <= 0) return 'Full';
  return remaining === 1 ? '1 seat left' : `${remaining} seats left`;
}

export function groupByDay<W extends { startsAt: Date }>(list: W[], timeZone: string): { day: string; items: W[] }[] {
  const days: { day: string; items: W[] }[] = [];
  for (const w of list) {
    const day = dayOf(w.startsAt, timeZone);
    let group = days.find((d) => d.day === day);
    if (!group) days.push((group = { day, items: [] }));
    group.items.push(w);
  }
  return days;
}

export function WorkshopList({ workshops, timeZone }: { workshops: OnSaleWorkshop[]; timeZone: string }) {
  return (
    <div className="flex flex-col gap-5">
      {groupByDay(workshops, timeZone).map((g) => (
        <section key={g.day} aria-labelledby={`ws-day-${g.day}`} className="flex flex-col gap-2">
          <h3 id={`ws-day-${g.day}`} className="text-lg font-semibold">
            <time dateTime={g.day}>{longDay(g.day)}</time>
          </h3>
          <ul className="grid gap-2">
            {g.items.map((w) => {
              const full = w.remaining !== null && w.remaining <= 0;
              return (
                <li key={w.id} className="card flex flex-col gap-1 p-4">
                  <span className="font-semibold">{w.title}</span>
                  <span className="text-[0.9375rem]">
                    <SessionTime startsAt={w.startsAt} endsAt={w.endsAt} day={g.day} timeZone={timeZone} />
                  </span>
                  <span className="flex flex-wrap items-center gap-3">
                    {full ? (
                      <span className="badge badge-note">Full</span>
                    ) : (
                      seatsLeftText(w.remaining) && (
                        <span className="text-sm text-muted">{seatsLeftText(w.remaining)}</span>
                      )
                    )}
                    {full && (
                      <Link href={`/register/waitlist?session=${w.id}`}>
                        Join the waiting list<span className="sr-only"> for {w.title}</span>
                      </Link>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

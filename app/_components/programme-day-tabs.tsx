// The programme's day switcher: plain links (keyboard- and no-JS-friendly) that keep the other filters.
import Link from '@/app/_components/link';
import { shortDay } from './dates';

export const ALL_DAYS = 'all';

export interface ProgrammeQuery {
  day?: string;
  track?: string;
  format?: string;
  q?: string;
}

export function programmeHref(query: ProgrammeQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `/programme?${search}` : '/programme';
}

export function ProgrammeDayTabs({
  days,
  current,
  keep,
}: {
  days: string[];
  /** A date, or ALL_DAYS. */
  current: string;
  keep: Omit<ProgrammeQuery, 'day'>;
}) {
  return (
    <nav aria-label="Programme days">
      <ul className="flex flex-wrap gap-2">
        {days.map((d, i) => (
          <li key={d} className="grow sm:grow-0">
            <DayTab href={programmeHref({ ...keep, day: d })} current={d === current}>
              <span className="block text-xs font-medium uppercase tracking-wide opacity-85">Day {i + 1}</span>
              <time dateTime={d} className="block">
                {shortDay(d)}
              </time>
            </DayTab>
          </li>
        ))}
        <li className="grow sm:grow-0">
          <DayTab href={programmeHref({ ...keep, day: ALL_DAYS })} current={current === ALL_DAYS}>
            <span aria-hidden="true" className="block text-xs font-medium uppercase tracking-wide opacity-85">
              Days 1–{days.length}
            </span>
            <span className="block">All days</span>
          </DayTab>
        </li>
      </ul>
    </nav>
  );
}

function DayTab({ href, current, children }: { href: string; current: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className={`block min-w-[5.5rem] rounded-lg border-2 px-4 py-2 leading-tight no-underline ${
        current
          ? 'border-brand bg-brand text-white hover:text-white'
          : 'border-line bg-surface text-ink hover:border-brand'
      }`}
    >
      {children}
    </Link>
  );
}

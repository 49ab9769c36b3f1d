// The programme admin's own sections, below the admin navigation; the current one is marked for assistive
// technology. Pages pass which one they are (no client code needed).
import Link from 'next/link';

const sections = [
  { key: 'sessions', href: '/admin/programme', label: 'Sessions' },
  { key: 'tracks', href: '/admin/programme/tracks', label: 'Tracks' },
  { key: 'rooms', href: '/admin/programme/rooms', label: 'Rooms' },
  { key: 'speakers', href: '/admin/programme/speakers', label: 'Speakers' },
] as const;

export type ProgrammeSection = (typeof sections)[number]['key'];

export function ProgrammeNav({ current, page = false }: { current: ProgrammeSection; page?: boolean }) {
  return (
    <nav aria-label="Programme sections" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {sections.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              // "page" only on the section's own list; on a page inside it the link is the current location's parent.
              aria-current={s.key === current ? (page ? 'page' : 'location') : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-line px-3 font-medium no-underline hover:bg-brand-soft aria-[current]:border-brand-strong aria-[current]:bg-brand-soft aria-[current]:text-brand-strong"
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

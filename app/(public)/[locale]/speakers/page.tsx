import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { getContext } from '@/app/_lib/context';
import { getCachedPageEvent } from '@/app/_lib/current-event';
import { listPublicSpeakers } from '@/lib/programme/queries';

export const metadata: Metadata = { title: 'Speakers' };

export default async function SpeakersPage() {
  const event = await getCachedPageEvent();
  const speakers = await listPublicSpeakers(getContext(), event.id);

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold sm:text-4xl">Speakers</h1>
        <p className="max-w-prose text-muted">Everyone presenting in the public programme of {event.name}.</p>
      </header>
      {speakers.length === 0 ? (
        <p className="card p-6">The speakers will be announced soon.</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {speakers.map((s) => (
            <li key={s.slug} className="card flex flex-col gap-1 p-4">
              <h2 className="text-lg font-semibold leading-snug">
                <Link href={`/speakers/${s.slug}`} className="no-underline hover:underline">
                  {s.name}
                </Link>
              </h2>
              {s.affiliation && <p className="text-[0.9375rem] text-muted">{s.affiliation}</p>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getContext } from '@/app/_lib/context';
import { readCurrentEvent, getCachedPageEvent } from '@/app/_lib/current-event';
import { Paragraphs } from '@/app/_components/paragraphs';
import { SessionCard } from '@/app/_components/session-card';
import { getPublicSpeaker } from '@/lib/programme/queries';

type Props = { params: Promise<{ slug: string }> };

// None at build time (it has no database): each is rendered on its first visit, then cached (../../layout.tsx).
export function generateStaticParams(): { slug: string }[] {
  return [];
}

// generateMetadata and the page share one lookup per request.
const find = cache(async (slug: string) => {
  const event = await readCurrentEvent();
  return event ? getPublicSpeaker(getContext(), event, slug) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const speaker = await find(slug);
  if (!speaker) return { title: 'Speaker not found' };
  return { title: speaker.name, description: speaker.affiliation || undefined };
}

export default async function SpeakerPage({ params }: Props) {
  const { slug } = await params;
  const event = await getCachedPageEvent();
  const speaker = await find(slug);
  if (!speaker) notFound();

  return (
    <article className="flex flex-col gap-8">
      <header className="flex flex-col gap-2">
        <p>
          <Link href="/speakers" className="font-medium">
            <span aria-hidden="true">← </span>All speakers
          </Link>
        </p>
        <h1 className="text-3xl font-bold sm:text-4xl">{speaker.name}</h1>
        {speaker.affiliation && <p className="text-lg text-muted">{speaker.affiliation}</p>}
      </header>

      {speaker.bio && (
        <section aria-labelledby="bio-heading" className="flex flex-col gap-2">
          <h2 id="bio-heading" className="text-xl font-semibold">
            About
          </h2>
          <Paragraphs text={speaker.bio} className="max-w-prose" />
        </section>
      )}

      <section aria-labelledby="sessions-heading" className="flex flex-col gap-3">
        <h2 id="sessions-heading" className="text-xl font-semibold">
          Sessions
        </h2>
        <ul className="grid gap-3">
          {speaker.sessions.map((s) => (
            <li key={s.id}>
              <SessionCard session={s} timeZone={event.timezone} heading="h3" showDay />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

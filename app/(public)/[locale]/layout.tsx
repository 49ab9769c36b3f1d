// The public pages that are the same for everyone, served from the framework's cache (lib/http/public-cache.ts):
// rendered on the first visit after a start, again at most once a second (PUBLIC_PAGE_MAX_AGE_SECONDS) and after
// every organizer edit (app/admin/_lib/action.ts), never at build time. proxy.ts sends their plain addresses
// here (/programme is served by /en/programme); nothing under this folder may read the request (headers,
// cookies, search parameters, connection()), or it would be rendered per request again.
import { notFound } from 'next/navigation';
import { isLocale } from '@/lib/http/public-cache';

// Seconds; must be a literal for Next.js to read it (PUBLIC_PAGE_MAX_AGE_SECONDS says the same).
export const revalidate = 1;

// No page is rendered at build time (the build has no database): each is rendered on its first visit.
export function generateStaticParams(): { locale: string }[] {
  return [];
}

export default async function CachedPublicLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  return children;
}

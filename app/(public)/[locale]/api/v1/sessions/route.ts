// GET /api/v1/sessions without a query, served from the cache like the public pages (../../../layout.tsx):
// rendered at most once a second and after every organizer edit.
import { notFound } from 'next/navigation';
import { getContext } from '@/app/_lib/context';
import { toHttpError } from '@/lib/errors';
import { isLocale } from '@/lib/http/public-cache';
import { publicSessionsListing } from '@/lib/programme/sessions-listing';

export const revalidate = 1;

export function generateStaticParams(): { locale: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  if (!isLocale((await params).locale)) notFound();
  try {
    return Response.json(await publicSessionsListing(getContext(), {}));
  } catch (error) {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error('GET /api/v1/sessions failed', error);
    return Response.json(body, { status });
  }
}

// The public programme as JSON, filtered by the same query the programme page reads (day, track, format, q).
// Without a query it is served from the cache (app/(public)/[locale]/api/v1/sessions/route.ts).
import { connection, type NextRequest } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { toHttpError } from '@/lib/errors';
import { publicSessionsListing } from '@/lib/programme/sessions-listing';

export async function GET(request: NextRequest) {
  await connection();
  try {
    const query: Record<string, string[]> = {};
    for (const key of new Set(request.nextUrl.searchParams.keys()))
      query[key] = request.nextUrl.searchParams.getAll(key);
    return Response.json(await publicSessionsListing(getContext(), query), {
      headers: { 'Cache-Control': 'public, max-age=60' },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error('GET /api/v1/sessions failed', error);
    return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
}

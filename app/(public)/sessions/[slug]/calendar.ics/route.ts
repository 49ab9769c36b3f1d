// The .ics file for one public session; ?discreet=1 gives a neutral title and file name for shared calendars.
import { connection, type NextRequest } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { toHttpError } from '@/lib/errors';
import { getEventBySlug, getPublicSession } from '@/lib/programme/queries';
import { sessionCalendar } from '@/lib/programme/session-calendar';

function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export async function GET(request: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  try {
    const ctx = getContext();
    const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
    const session = event && (await getPublicSession(ctx, event, slug));
    if (!event || !session) return plain(404, 'Session not found');

    const discreet = ['1', 'true'].includes(request.nextUrl.searchParams.get('discreet') ?? '');
    const body = sessionCalendar(event, session, { appUrl: ctx.config.APP_URL, discreet, now: ctx.clock.now() });
    // The slug names the topic, so the discreet file gets a neutral name in the downloads folder too.
    const filename = discreet ? 'conference-session.ics' : `${session.slug.replace(/[^a-z0-9-]/g, '')}.ics`;
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error('GET calendar.ics failed', error);
    return plain(status, body.error.message);
  }
}

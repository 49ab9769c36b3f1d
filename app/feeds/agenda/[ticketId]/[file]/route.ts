// The private calendar feed of a personal agenda (/feeds/agenda/<ticketId>/<sig>.ics), fetched by calendar apps
// without cookies. Built live from the programme; never cached anywhere; a wrong, reset or lapsed address is a
// plain 404 that says nothing about why.
import { connection } from 'next/server';
import { getContext } from '@/app/_lib/context';
import { getAgendaFeed } from '@/lib/agenda/feed';
import { toHttpError } from '@/lib/errors';

const PRIVATE = {
  'Cache-Control': 'private, no-store, max-age=0',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
};

function plain(status: number, text: string): Response {
  return new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PRIVATE } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ ticketId: string; file: string }> }) {
  await connection();
  const { ticketId, file } = await params;
  const sig = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : '';
  try {
    const body = sig ? await getAgendaFeed(getContext(), ticketId.toLowerCase(), sig) : null;
    if (body === null) return plain(404, 'Not found');
    return new Response(body, {
      headers: {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': 'inline; filename="agenda.ics"',
        'X-Content-Type-Options': 'nosniff',
        ...PRIVATE,
      },
    });
  } catch (error) {
    const { status, body } = toHttpError(error);
    if (status >= 500) console.error('GET agenda feed failed', error instanceof Error ? error.name : 'unknown error');
    return plain(status, body.error.message);
  }
}

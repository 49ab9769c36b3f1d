// Answers for the private files opened by a secret in the URL (calendars, QR images): never cached by shared
// caches, never sending the URL on as a referrer, and a plain 404 for anything unknown or revoked.
import 'server-only';

export const PRIVATE_FILE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
} as const;

export function notFoundText(text = 'Not found'): Response {
  return new Response(`${text}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PRIVATE_FILE_HEADERS } });
}

export function serverErrorText(where: string, error: unknown): Response {
  console.error(`${where} failed:`, error instanceof Error ? error.name : 'unknown error');
  return new Response('Something went wrong on our side. Please try again.\n', {
    status: 500, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PRIVATE_FILE_HEADERS },
  });
}

/** A calendar download with a neutral file name (it shows in the downloads folder). */
export function calendarFile(body: string): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': 'attachment; filename="conference.ics"', ...PRIVATE_FILE_HEADERS },
  });
}

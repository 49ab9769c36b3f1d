// Answers for the private files opened by a secret in the URL (calendars, QR images): never cached by shared
// caches, never sending the URL on as a referrer, and a plain 404 for anything unknown or revoked.
import 'server-only';
import { toHttpError } from '@/lib/errors';

export const PRIVATE_FILE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex',
} as const;

export function notFoundText(text = 'Not found'): Response {
  return new Response(`${text}\n`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...PRIVATE_FILE_HEADERS },
  });
}

/** 503 with Retry-After while the database is out of reach, otherwise 500; never the error's own text. */
export function serverErrorText(where: string, error: unknown): Response {
  const { status, retryAfterSeconds, body } = toHttpError(error);
  console.error(`${where} failed:`, error instanceof Error ? error.name : 'unknown error', body.error.code);
  const text = status === 503 ? body.error.message : 'Something went wrong on our side. Please try again.';
  return new Response(`${text}\n`, {
    status: status === 503 ? 503 : 500,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      ...PRIVATE_FILE_HEADERS,
      ...(retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {}),
    },
  });
}

/** A calendar download with a neutral file name (it shows in the downloads folder). */
export function calendarFile(body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'attachment; filename="conference.ics"',
      ...PRIVATE_FILE_HEADERS,
    },
  });
}

/** A JSON download (a data export) under a neutral file name. */
export function jsonFile(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      ...PRIVATE_FILE_HEADERS,
    },
  });
}

/** 429 in plain text with Retry-After, for a download asked for too often. */
export function tooManyText(message: string, retryAfterSeconds: number): Response {
  return new Response(`${message}\n`, {
    status: 429,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Retry-After': String(retryAfterSeconds),
      ...PRIVATE_FILE_HEADERS,
    },
  });
}

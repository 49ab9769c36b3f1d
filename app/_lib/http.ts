// Shared by the JSON route handlers: bounded body reading and DomainError -> HTTP mapping.
import 'server-only';
import { DomainError, toHttpError } from '@/lib/errors';

export { readJsonBody } from '@/lib/http/json-body';

export function errorResponse(error: unknown, where: string): Response {
  const { status, body, retryAfterSeconds } = toHttpError(error);
  // The database out of reach: the code only (an outage would otherwise flood the log with the same stack).
  if (body.error.code === 'UNAVAILABLE') console.error(`${where}: database unavailable (${describeCode(error)})`);
  else if (status >= 500)
    console.error(`${where} failed`, error instanceof Error ? error.name : 'unknown error', error);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  else if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    if (typeof retry === 'number') headers['Retry-After'] = String(retry);
    else if (error.code === 'BUSY') headers['Retry-After'] = '2';
  }
  return Response.json(body, { status, headers });
}

function describeCode(error: unknown): string {
  const e = error as { code?: unknown; cause?: { code?: unknown } };
  return String(e?.cause?.code ?? e?.code ?? 'unknown');
}

// Shared by the JSON route handlers: bounded body reading and DomainError -> HTTP mapping.
import 'server-only';
import { DomainError, toHttpError } from '@/lib/errors';

export { readJsonBody } from '@/lib/http/json-body';

export function errorResponse(error: unknown, where: string): Response {
  const { status, body } = toHttpError(error);
  if (status >= 500) console.error(`${where} failed`, error instanceof Error ? error.name : 'unknown error', error);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error instanceof DomainError) {
    const retry = error.details.retryAfterSeconds;
    if (typeof retry === 'number') headers['Retry-After'] = String(retry);
    else if (error.code === 'BUSY') headers['Retry-After'] = '2';
  }
  return Response.json(body, { status, headers });
}

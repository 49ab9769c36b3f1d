// Shared by the JSON route handlers: bounded body reading and DomainError -> HTTP mapping.
import 'server-only';
import { DomainError, toHttpError } from '@/lib/errors';

export const MAX_JSON_BYTES = 1_000_000;

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new DomainError('VALIDATION', 'The request body is too large.', { _form: [`At most ${maxBytes} bytes`] });
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('VALIDATION', 'Send the request as JSON (Content-Type: application/json).', { _form: ['Expected application/json'] });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new DomainError('VALIDATION', 'The request body is too large.', { _form: [`At most ${maxBytes} bytes`] });
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('VALIDATION', 'The request body is not valid JSON.', { _form: ['Invalid JSON'] });
  }
}

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

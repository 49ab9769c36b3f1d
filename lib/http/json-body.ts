// Reads a JSON request body within a size limit (stopping as soon as it is passed); every way it can be wrong is a
// 4xx with a message, never a 500: 413 TOO_LARGE for a body over the limit, 422 VALIDATION for the rest.
import { DomainError } from '../errors';
import { readBoundedText } from './bounded-body';

export const MAX_JSON_BYTES = 1_000_000;

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () =>
    new DomainError('TOO_LARGE', 'The request body is too large.', { _form: [`At most ${maxBytes} bytes`] });
  if (declared > maxBytes) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('VALIDATION', 'Send the request as JSON (Content-Type: application/json).', {
      _form: ['Expected application/json'],
    });
  }
  const read = await readBoundedText(request, maxBytes);
  if (!read.ok && read.reason === 'too_large') throw tooLarge();
  if (!read.ok)
    throw new DomainError('VALIDATION', 'The request body could not be read.', { _form: ['Unreadable body'] });
  try {
    return JSON.parse(read.text);
  } catch {
    throw new DomainError('VALIDATION', 'The request body is not valid JSON.', { _form: ['Invalid JSON'] });
  }
}

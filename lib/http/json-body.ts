// Reads a JSON request body within a size limit; every way it can be wrong is a 422 with a message, never a 500.
import { DomainError } from '../errors';

export const MAX_JSON_BYTES = 1_000_000;

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  const tooLarge = () => new DomainError('VALIDATION', 'The request body is too large.', { _form: [`At most ${maxBytes} bytes`] });
  if (declared > maxBytes) throw tooLarge();
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('VALIDATION', 'Send the request as JSON (Content-Type: application/json).', { _form: ['Expected application/json'] });
  }
  let text: string;
  try {
    text = await request.text();
  } catch {
    throw new DomainError('VALIDATION', 'The request body could not be read.', { _form: ['Unreadable body'] });
  }
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('VALIDATION', 'The request body is not valid JSON.', { _form: ['Invalid JSON'] });
  }
}

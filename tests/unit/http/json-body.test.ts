import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { readJsonBody } from '@/lib/http/json-body';

const post = (body: string, type = 'application/json', length?: number) =>
  new Request('http://localhost/api', { method: 'POST', body, headers: { 'content-type': type, ...(length ? { 'content-length': String(length) } : {}) } });

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it('refuses bodies over the limit with a validation error, declared or actual', async () => {
    await expect(readJsonBody(post('{}', 'application/json', 2_000_000))).rejects.toMatchObject({ code: 'VALIDATION', message: 'The request body is too large.' });
    await expect(readJsonBody(post(JSON.stringify({ x: 'a'.repeat(1_000_001) })))).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses invalid JSON and other content types with a clear message', async () => {
    await expect(readJsonBody(post('{bad'))).rejects.toMatchObject({ code: 'VALIDATION', message: 'The request body is not valid JSON.' });
    const error = await readJsonBody(post('a=1', 'application/x-www-form-urlencoded')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors._form).toEqual(['Expected application/json']);
  });
});

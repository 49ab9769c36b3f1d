import { describe, expect, it } from 'vitest';
import { DomainError, toHttpError } from '@/lib/errors';
import { readJsonBody } from '@/lib/http/json-body';
import { countingStream, streamingPost } from '../../support/counting-stream';

const post = (body: string, type = 'application/json', length?: number) =>
  new Request('http://localhost/api', {
    method: 'POST',
    body,
    headers: { 'content-type': type, ...(length ? { 'content-length': String(length) } : {}) },
  });

describe('readJsonBody', () => {
  it('parses a JSON body', async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it('refuses bodies over the limit with 413 TOO_LARGE, declared or actual', async () => {
    await expect(readJsonBody(post('{}', 'application/json', 2_000_000))).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: 'The request body is too large.',
    });
    const error = await readJsonBody(post(JSON.stringify({ x: 'a'.repeat(1_000_001) }))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TOO_LARGE' });
    expect(toHttpError(error).status).toBe(413);
  });

  it('stops reading a streamed body that passes the limit', async () => {
    const body = countingStream(160);
    const request = streamingPost('http://localhost/api', body.stream, { 'content-type': 'application/json' });
    await expect(readJsonBody(request)).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(body.pulls).toBeLessThanOrEqual(17);
    expect(body.cancelled).toBe(true);
  });

  it('refuses invalid JSON and other content types with a clear message', async () => {
    await expect(readJsonBody(post('{bad'))).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The request body is not valid JSON.',
    });
    const error = await readJsonBody(post('a=1', 'application/x-www-form-urlencoded')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors._form).toEqual(['Expected application/json']);
  });
});

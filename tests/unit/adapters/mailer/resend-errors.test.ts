import { describe, expect, it } from 'vitest';
import { parseRetryAfter, toMailerError } from '@/lib/adapters/mailer/resend';

describe("mapping Resend's errors", () => {
  it('retries 429s after their retry-after, 5xx and network errors, and refuses content errors for good', () => {
    expect(toMailerError({ statusCode: 429, name: 'rate_limit_exceeded' }, { 'retry-after': '2' })).toMatchObject({
      retryable: true,
      code: 'rate_limited',
      retryAfterMs: 2000,
    });
    expect(toMailerError({ statusCode: 429, name: 'daily_quota_exceeded' }, {})).toMatchObject({
      retryable: true,
      retryAfterMs: 3_600_000,
    });
    expect(toMailerError({ statusCode: 503, name: 'internal_server_error' }, {})).toMatchObject({
      retryable: true,
      code: 'unavailable',
    });
    expect(toMailerError({ statusCode: null, name: 'application_error' }, {})).toMatchObject({
      retryable: true,
      code: 'unavailable',
    });
    expect(toMailerError({ statusCode: 409, name: 'concurrent_idempotent_requests' }, {})).toMatchObject({
      retryable: true,
      code: 'in_progress',
    });
    expect(toMailerError({ statusCode: 409, name: 'invalid_idempotent_request' }, {})).toMatchObject({
      retryable: false,
      code: 'idempotency_mismatch',
    });
    expect(toMailerError({ statusCode: 403, name: 'invalid_api_key' }, {})).toMatchObject({
      retryable: true,
      code: 'unauthorized',
    });
    expect(toMailerError({ statusCode: 422, name: 'validation_error' }, {})).toMatchObject({
      retryable: false,
      code: 'invalid',
      message: 'Resend 422 validation_error',
    });
  });

  it('reads retry-after as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter('Wed, 01 Jan 2030 10:00:05 GMT', Date.parse('2030-01-01T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

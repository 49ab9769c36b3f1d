// The one mapping from "the database could not be reached" to 503 UNAVAILABLE (issue 11 item 10): the driver's and
// the socket's codes, Postgres' shutdown and connection codes, also when wrapped (drizzle puts the driver's error
// in `cause`); everything else keeps its own mapping.
import { describe, expect, it } from 'vitest';
import { DomainError, isDatabaseUnavailable, toHttpError } from '@/lib/errors';

const withCode = (code: string) => Object.assign(new Error('x'), { code });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'CONNECT_TIMEOUT',
    'CONNECTION_CLOSED',
    'CONNECTION_ENDED',
    '57P01',
    '57P03',
    '08006',
    '53300',
  ])('counts %s, bare or wrapped', (code) => {
    expect(isDatabaseUnavailable(withCode(code))).toBe(true);
    expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(true);
  });

  it('counts a refused connection to every address of a host name', () => {
    expect(
      isDatabaseUnavailable(wrapped(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))),
    ).toBe(true);
  });

  it.each(['23505', '40001', '55P03', '57014', '42P01', 'ERR_INVALID_ARG_TYPE'])('does not count %s', (code) => {
    expect(isDatabaseUnavailable(wrapped(withCode(code)))).toBe(false);
  });

  it('does not count errors without a code, or nothing at all', () => {
    expect(isDatabaseUnavailable(new TypeError('bug'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('toHttpError', () => {
  it('answers 503 UNAVAILABLE with a retry time and a generic message for an unreachable database', () => {
    const mapped = toHttpError(wrapped(withCode('ECONNREFUSED')));
    expect(mapped).toMatchObject({ status: 503, retryAfterSeconds: 5, body: { error: { code: 'UNAVAILABLE' } } });
    expect(mapped.body.error.message).not.toMatch(/select|ECONN/i);
  });

  it('keeps 500 for other failures and the domain mapping for domain errors', () => {
    expect(toHttpError(new TypeError('bug'))).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL' } } });
    expect(toHttpError(new DomainError('SOLD_OUT', 'Sold out'))).toMatchObject({ status: 409 });
  });
});

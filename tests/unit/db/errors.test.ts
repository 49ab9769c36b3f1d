// The Postgres error readers every module shares (db/errors.ts): they look at the error and at the one drizzle wraps.
import { describe, expect, it } from 'vitest';
import {
  isForeignKeyViolation,
  isLockTimeout,
  isQueryCanceled,
  isRetryableTransaction,
  isTransientDbError,
  isUniqueViolation,
  pgErrorCode,
  uniqueViolationConstraint,
} from '@/db/errors';

const pg = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error('pg'), { code, ...extra });
const wrapped = (cause: unknown) => Object.assign(new Error('Failed query'), { cause });

describe('db/errors', () => {
  it('reads the code of the error or of the error it wraps', () => {
    expect(pgErrorCode(pg('23505'))).toBe('23505');
    expect(pgErrorCode(wrapped(pg('40001')))).toBe('40001');
    expect(pgErrorCode(new Error('plain'))).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });

  it('tells a unique violation, optionally of one constraint', () => {
    const e = wrapped(pg('23505', { constraint_name: 'vouchers_event_code' }));
    expect(isUniqueViolation(e)).toBe(true);
    expect(isUniqueViolation(e, 'vouchers_event_code')).toBe(true);
    expect(isUniqueViolation(e, 'other')).toBe(false);
    expect(uniqueViolationConstraint(e)).toBe('vouchers_event_code');
    expect(uniqueViolationConstraint(pg('23505'))).toBe('');
    expect(uniqueViolationConstraint(pg('23503'))).toBeNull();
    expect(isForeignKeyViolation(wrapped(pg('23503')))).toBe(true);
  });

  it('tells lock timeouts, cancelled statements and retryable transactions apart', () => {
    expect(isLockTimeout(wrapped(pg('55P03')))).toBe(true);
    expect(isLockTimeout(pg('57014'))).toBe(false);
    expect(isQueryCanceled(pg('57014'))).toBe(true);
    expect(isRetryableTransaction(pg('40001'))).toBe(true);
    expect(isRetryableTransaction(wrapped(pg('40P01')))).toBe(true);
    expect(isRetryableTransaction(pg('55P03'))).toBe(false);
  });

  it.each(['08006', '40001', '40P01', '55P03', '57014', '57P01', '53300', '53400', 'ECONNRESET', 'CONNECTION_CLOSED'])(
    'counts %s as transient',
    (code) => {
      expect(isTransientDbError(wrapped(pg(code)))).toBe(true);
    },
  );

  it.each(['23505', '23503', '42P01', '22P02', 'ERR_INVALID_ARG_TYPE'])('does not count %s as transient', (code) => {
    expect(isTransientDbError(pg(code))).toBe(false);
  });
});

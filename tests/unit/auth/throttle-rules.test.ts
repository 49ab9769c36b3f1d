import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import {
  accountDelayMs,
  counted,
  isStale,
  refusedUntil,
  ThrottledError,
  throttledMessage,
  type ThrottleRow,
} from '@/lib/auth/throttle-rules';

const config = parseEnv({ DATABASE_URL: 'postgres://u@localhost/db' });
const MINUTE = 60_000;
const now = new Date('2030-03-01T09:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
const row = (failures: number, windowStartedAt = now, lockedUntil: Date | null = null): ThrottleRow => ({
  failures,
  windowStartedAt,
  lockedUntil,
});

describe('sign-in throttle rules', () => {
  it('doubles the account delay from 30 seconds up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => accountDelayMs(n, config) / 1000)).toEqual([
      30, 60, 120, 240, 300, 300, 300,
    ]);
    expect(accountDelayMs(7, { ...config, LOGIN_ACCOUNT_MAX_DELAY_MINUTES: 60 }) / 1000).toBe(1920);
    expect(accountDelayMs(8, { ...config, LOGIN_ACCOUNT_MAX_DELAY_MINUTES: 60 }) / 1000).toBe(3600);
  });

  it('sets the account delay from the attempt that reaches the limit on, and never locks it', () => {
    expect(counted('account', row(8), now, config)).toEqual({ failures: 9, windowStartedAt: now, lockedUntil: null });
    expect(counted('account', row(9), now, config).lockedUntil).toEqual(new Date(now.getTime() + 30_000));
    expect(counted('account', row(10), now, config).lockedUntil).toEqual(new Date(now.getTime() + 60_000));
    expect(refusedUntil('account', row(50), now, config)).toBeNull();
  });

  it('refuses a client or pair at its limit, even before the lock is written', () => {
    expect(refusedUntil('pair', row(4), now, config)).toBeNull();
    expect(refusedUntil('pair', row(5), now, config)).toEqual(at(15));
    expect(refusedUntil('client', row(19), now, config)).toBeNull();
    expect(refusedUntil('client', row(0, now, at(3)), now, config)).toEqual(at(3));
  });

  it('starts a pair again after its window or lock, an account only after a quiet window', () => {
    expect(isStale('pair', row(3, at(-15)), now, config)).toBe(true);
    expect(isStale('pair', row(3, at(-14)), now, config)).toBe(false);
    expect(isStale('pair', row(5, at(-1), now), now, config)).toBe(true);
    expect(isStale('account', row(12, at(-20), at(-14)), now, config)).toBe(false);
    expect(isStale('account', row(12, at(-20), at(-15)), now, config)).toBe(true);
  });

  it('says the wait in seconds below a minute, else in whole minutes rounded up', () => {
    expect(throttledMessage(1)).toBe('Too many failed attempts. Try again in 1 second.');
    expect(throttledMessage(30)).toBe('Too many failed attempts. Try again in 30 seconds.');
    expect(throttledMessage(61)).toBe('Too many failed attempts. Try again in 2 minutes.');
    expect(new ThrottledError(new Date(now.getTime() + 59_500), now)).toMatchObject({
      code: 'THROTTLED',
      retryAfterSeconds: 60,
      message: 'Too many failed attempts. Try again in 1 minute.',
    });
  });
});

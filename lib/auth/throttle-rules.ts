// The sign-in throttle's rules as pure functions over one counter row (lib/auth/throttle.ts keeps the rows):
// client and pair keys lock for LOGIN_LOCK_MINUTES once they reach their limit; the account key never locks but
// spaces attempts by a delay that doubles from FIRST_ACCOUNT_DELAY_MS up to LOGIN_ACCOUNT_MAX_DELAY_MINUTES.
import type { Env } from '../env';
import { DomainError } from '../errors';

export type ThrottleConfig = Pick<
  Env,
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT_CLIENT'
  | 'LOGIN_MAX_FAILURES_PER_CLIENT'
  | 'LOGIN_LOCK_MINUTES'
  | 'LOGIN_MAX_FAILURES_PER_ACCOUNT'
  | 'LOGIN_ACCOUNT_MAX_DELAY_MINUTES'
  | 'LOGIN_FAILURE_WINDOW_MINUTES'
>;

/** client: one client on every account; pair: one client on one account; account: every client on one account. */
export type ThrottleKind = 'client' | 'pair' | 'account';

export interface ThrottleRow {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

const MINUTE = 60_000;
export const FIRST_ACCOUNT_DELAY_MS = 30_000;

export const clientThrottleKey = (client: string) => `client:${client}`;
export const pairThrottleKey = (email: string, client: string) => `pair:${email}|${client}`;
export const accountThrottleKey = (email: string) => `account:${email}`;

export function maxFailures(kind: ThrottleKind, config: ThrottleConfig): number {
  if (kind === 'client') return config.LOGIN_MAX_FAILURES_PER_CLIENT;
  if (kind === 'pair') return config.LOGIN_MAX_FAILURES_PER_ACCOUNT_CLIENT;
  return config.LOGIN_MAX_FAILURES_PER_ACCOUNT;
}

/** The wait before the next attempt on an account, once `beyond` (1, 2, ...) attempts have reached its limit. */
export function accountDelayMs(beyond: number, config: ThrottleConfig): number {
  const cap = config.LOGIN_ACCOUNT_MAX_DELAY_MINUTES * MINUTE;
  return Math.min(cap, FIRST_ACCOUNT_DELAY_MS * 2 ** Math.min(beyond - 1, 30));
}

/**
 * Whether the row's count no longer applies and starts again from zero. Client and pair keys: a lock that has
 * ended, or a window that has run out. Account keys: a whole window without attempts after the last delay ended,
 * so a slow, steady attack never gets back to the free attempts.
 */
export function isStale(kind: ThrottleKind, row: ThrottleRow, now: Date, config: ThrottleConfig): boolean {
  const window = config.LOGIN_FAILURE_WINDOW_MINUTES * MINUTE;
  if (kind === 'account') {
    const quietSince = Math.max(row.windowStartedAt.getTime(), row.lockedUntil?.getTime() ?? 0);
    return quietSince <= now.getTime() - window;
  }
  if (row.lockedUntil && row.lockedUntil <= now) return true;
  return row.windowStartedAt.getTime() <= now.getTime() - window;
}

/**
 * When a fresh (not stale) row lets the next attempt in, if not now: a lock or delay in force, or, for client
 * and pair keys, a limit already reached by attempts still being checked (they lock it if they fail).
 */
export function refusedUntil(kind: ThrottleKind, row: ThrottleRow, now: Date, config: ThrottleConfig): Date | null {
  if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  if (kind !== 'account' && row.failures >= maxFailures(kind, config)) {
    return new Date(row.windowStartedAt.getTime() + config.LOGIN_FAILURE_WINDOW_MINUTES * MINUTE);
  }
  return null;
}

/** The row after counting one more attempt at `now` (only called when refusedUntil said yes). */
export function counted(kind: ThrottleKind, row: ThrottleRow, now: Date, config: ThrottleConfig): ThrottleRow {
  const failures = row.failures + 1;
  if (kind !== 'account') return { failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil };
  const beyond = failures - maxFailures(kind, config) + 1;
  return {
    failures,
    windowStartedAt: now,
    lockedUntil: beyond >= 1 ? new Date(now.getTime() + accountDelayMs(beyond, config)) : null,
  };
}

export function throttledMessage(seconds: number): string {
  if (seconds < 60) return `Too many failed attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  const minutes = Math.ceil(seconds / 60);
  return `Too many failed attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Sign-in refused because a key is locked or an account's delay is running; says when to try again. */
export class ThrottledError extends DomainError {
  readonly retryAfterSeconds: number;

  constructor(
    public readonly retryAt: Date,
    now: Date,
  ) {
    const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
    super('THROTTLED', throttledMessage(seconds));
    this.retryAfterSeconds = seconds;
  }
}

// Failed sign-in counters per account and per client, kept in Postgres so every app instance shares them.
// An attempt is counted atomically BEFORE the password is checked, so a burst of parallel guesses cannot slip past
// the limit; a success gives the attempt back. Reaching the limit locks the key until the lock ends, whatever the
// password; after that the count starts again.
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { authThrottle } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const MINUTE = 60_000;

export function accountThrottleKey(email: string): string {
  return `account:${email}`;
}

export function clientThrottleKey(client: string): string {
  return `client:${client}`;
}

export function throttledMessage(minutes: number): string {
  return `Too many failed attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}

/** Sign-in refused because the account or the client is locked; says when to try again. */
export class ThrottledError extends DomainError {
  readonly retryAfterMinutes: number;

  constructor(
    public readonly retryAt: Date,
    now: Date,
  ) {
    const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / MINUTE));
    super('THROTTLED', throttledMessage(minutes));
    this.retryAfterMinutes = minutes;
  }
}

interface CountedKey {
  key: string;
  max: number;
}

export interface SignInAttempt {
  client: CountedKey;
  account: CountedKey;
}

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Counts one attempt on a key and answers the lock end if the key is (now) locked. */
async function countAttempt(ctx: Ctx, { key, max }: CountedKey): Promise<Date | null> {
  const t = authThrottle;
  const now = ctx.clock.now();
  const windowStart = new Date(now.getTime() - ctx.config.LOGIN_FAILURE_WINDOW_MINUTES * MINUTE);
  const lockUntil = new Date(now.getTime() + ctx.config.LOGIN_LOCK_MINUTES * MINUTE);
  const locked = sql`${t.lockedUntil} > ${iso(now)}`;
  // A finished lock or a window that has run out starts the count again.
  const stale = sql`(${t.lockedUntil} is not null or ${t.windowStartedAt} <= ${iso(windowStart)})`;
  const [row] = await ctx.db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${locked} then ${t.failures} when ${stale} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${locked} then ${t.windowStartedAt} when ${stale} then ${iso(now)} else ${t.windowStartedAt} end`,
        // More attempts in flight than the limit allows (parallel guesses): lock at once.
        lockedUntil: sql`case when ${locked} then ${t.lockedUntil} when ${stale} then null
          when ${t.failures} + 1 > ${max}::int then ${iso(lockUntil)} else null end`,
      },
    })
    .returning({ lockedUntil: t.lockedUntil });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Counts the attempt for the client, then for the account, and throws ThrottledError if either is locked. Call it
 * before checking the password; then call recordSignInFailure or recordSignInSuccess.
 */
export async function beginSignInAttempt(ctx: Ctx, input: { email: string; client: string }): Promise<SignInAttempt> {
  const attempt: SignInAttempt = {
    client: { key: clientThrottleKey(input.client), max: ctx.config.LOGIN_MAX_FAILURES_PER_CLIENT },
    account: { key: accountThrottleKey(input.email), max: ctx.config.LOGIN_MAX_FAILURES_PER_ACCOUNT },
  };
  // A locked client does not touch the account's counter, so a blocked attacker cannot keep an account locked.
  for (const counted of [attempt.client, attempt.account]) {
    const lockedUntil = await countAttempt(ctx, counted);
    if (lockedUntil) throw new ThrottledError(lockedUntil, ctx.clock.now());
  }
  return attempt;
}

/** The attempt failed: it stays counted, and a key that has reached its limit is locked from now. */
export async function recordSignInFailure(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
  const t = authThrottle;
  const now = ctx.clock.now();
  const lockUntil = new Date(now.getTime() + ctx.config.LOGIN_LOCK_MINUTES * MINUTE);
  for (const { key, max } of [attempt.client, attempt.account]) {
    await ctx.db
      .update(t)
      .set({ lockedUntil: lockUntil })
      .where(and(eq(t.key, key), sql`${t.failures} >= ${max}::int`, or(isNull(t.lockedUntil), lte(t.lockedUntil, now))));
  }
}

/**
 * The password was right: the account's counter is cleared. The client only gets this attempt back, so signing in
 * to one's own account cannot wipe a count of guesses at others.
 */
export async function recordSignInSuccess(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
  const t = authThrottle;
  await ctx.db.delete(t).where(eq(t.key, attempt.account.key));
  await ctx.db
    .update(t)
    .set({ failures: sql`greatest(${t.failures} - 1, 0)` })
    .where(and(eq(t.key, attempt.client.key), isNull(t.lockedUntil)));
}

/** When a key is locked until, or null; for tests and an admin view. */
export async function getLockedUntil(ctx: Ctx, key: string): Promise<Date | null> {
  const t = authThrottle;
  const [row] = await ctx.db
    .select({ lockedUntil: t.lockedUntil })
    .from(t)
    .where(and(eq(t.key, key), gt(t.lockedUntil, ctx.clock.now())));
  return row?.lockedUntil ?? null;
}

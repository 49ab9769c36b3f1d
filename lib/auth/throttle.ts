// Failed sign-ins, counted in Postgres so every instance shares them, on three keys in turn (throttle-rules.ts):
// the client (one client spraying many accounts), the account and client pair (a locked pair never blocks the
// same account from another client) and the account (every client together: growing delays, never a lock, so
// its owner gets in after a bounded wait). Each key counts the attempt under its row lock BEFORE the password is
// checked, so parallel guesses cannot slip past; a key that refuses gives the attempt back to the keys before
// it. Every lock, and the start of an account's delays, is audited with the account id only.
import { and, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { authThrottle } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import {
  accountThrottleKey,
  clientThrottleKey,
  counted,
  isStale,
  maxFailures,
  pairThrottleKey,
  refusedUntil,
  ThrottledError,
  type ThrottleKind,
} from './throttle-rules';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

interface TakenKey {
  kind: ThrottleKind;
  key: string;
  /** The n-th attempt the key counted in its current window. */
  n: number;
}

export interface SignInAttempt {
  /** The account's id when it exists (for the audit trail), else null: unknown emails are throttled alike. */
  accountId: string | null;
  taken: TakenKey[];
}

/** Counts one attempt on a key, or answers until when it refuses (then nothing is counted). */
async function take(ctx: Ctx, kind: ThrottleKind, key: string, account: string | null): Promise<number | Date> {
  const t = authThrottle;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(t).values({ key, account, failures: 0, windowStartedAt: now }).onConflictDoNothing();
    const [stored] = await tx.select().from(t).where(eq(t.key, key)).for('update');
    if (!stored) throw new Error('sign-in throttle row vanished under its lock');
    const row = isStale(kind, stored, now, ctx.config)
      ? { failures: 0, windowStartedAt: now, lockedUntil: null }
      : stored;
    const refused = refusedUntil(kind, row, now, ctx.config);
    if (refused) return refused;
    const next = counted(kind, row, now, ctx.config);
    await tx.update(t).set(next).where(eq(t.key, key));
    return next.failures;
  });
}

/** Hands back attempts counted on earlier keys when a later one refused: a refusal is no failed guess. */
async function giveBack(ctx: Ctx, keys: TakenKey[]): Promise<void> {
  if (keys.length === 0) return;
  const t = authThrottle;
  await ctx.db
    .update(t)
    .set({ failures: sql`greatest(${t.failures} - 1, 0)` })
    .where(
      and(
        inArray(
          t.key,
          keys.map((k) => k.key),
        ),
        or(isNull(t.lockedUntil), lte(t.lockedUntil, ctx.clock.now())),
      ),
    );
}

/**
 * Counts the attempt for the client, the account and client pair, then the account, and throws ThrottledError
 * if one refuses. Call it before checking the password; then recordSignInFailure or recordSignInSuccess.
 */
export async function beginSignInAttempt(
  ctx: Ctx,
  input: { email: string; client: string; accountId: string | null },
): Promise<SignInAttempt> {
  const keys: [ThrottleKind, string, string | null][] = [
    ['client', clientThrottleKey(input.client), null],
    ['pair', pairThrottleKey(input.email, input.client), input.email],
    ['account', accountThrottleKey(input.email), input.email],
  ];
  const taken: TakenKey[] = [];
  for (const [kind, key, account] of keys) {
    const result = await take(ctx, kind, key, account);
    if (result instanceof Date) {
      await giveBack(ctx, taken);
      throw new ThrottledError(result, ctx.clock.now());
    }
    taken.push({ kind, key, n: result });
  }
  return { accountId: input.accountId, taken };
}

const LOCK_SUMMARY: Record<Exclude<ThrottleKind, 'account'>, string> = {
  pair: 'Sign-in to this account locked for one client after repeated wrong passwords; other clients are not affected.',
  client: 'Sign-in locked for one client after repeated wrong passwords across accounts.',
};

/** The attempt failed: it stays counted; a client or pair key that reached its limit is locked from now. */
export async function recordSignInFailure(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
  const t = authThrottle;
  const now = ctx.clock.now();
  const target = attempt.accountId ? { targetType: 'user', targetId: attempt.accountId } : {};
  for (const { kind, key, n } of attempt.taken) {
    const max = maxFailures(kind, ctx.config);
    if (n < max) continue;
    if (kind === 'account') {
      if (n === max && attempt.accountId) {
        await recordAudit(ctx.db, {
          actor: { type: 'system' },
          action: 'auth.account_delayed',
          ...target,
          at: now,
          details: { failures: max },
          summary: `Sign-in to this account slowed down for every client after ${max} wrong passwords: each further attempt waits, up to ${ctx.config.LOGIN_ACCOUNT_MAX_DELAY_MINUTES} minutes.`,
        });
      }
      continue;
    }
    const minutes = ctx.config.LOGIN_LOCK_MINUTES;
    await ctx.db.transaction(async (tx) => {
      const locked = await tx
        .update(t)
        .set({ lockedUntil: new Date(now.getTime() + minutes * 60_000) })
        .where(and(eq(t.key, key), or(isNull(t.lockedUntil), lte(t.lockedUntil, now))))
        .returning({ key: t.key });
      // An unknown email has no account to name; its pair locks quietly, as a real one would.
      if (locked.length === 0 || (kind === 'pair' && !attempt.accountId)) return;
      await recordAudit(tx, {
        actor: { type: 'system' },
        action: `auth.${kind}_locked`,
        ...(kind === 'pair' ? target : {}),
        at: now,
        summary: `${LOCK_SUMMARY[kind]} (${minutes} minutes)`,
        details: { failures: max, minutes },
      });
    });
  }
}

/**
 * The password was right: the pair's and the account's counters are cleared. The client only gets this attempt
 * back, so signing in to one's own account cannot wipe a count of guesses at others.
 */
export async function recordSignInSuccess(ctx: Ctx, attempt: SignInAttempt): Promise<void> {
  const byKind = new Map(attempt.taken.map((k) => [k.kind, k]));
  const cleared = [byKind.get('pair'), byKind.get('account')].flatMap((k) => (k ? [k.key] : []));
  if (cleared.length) await ctx.db.delete(authThrottle).where(inArray(authThrottle.key, cleared));
  const client = byKind.get('client');
  if (client) await giveBack(ctx, [client]);
}

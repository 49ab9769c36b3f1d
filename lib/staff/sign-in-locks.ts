// Sign-in locks as an owner sees and lifts them in /admin/users: which staff accounts have clients locked out or
// are being slowed down (lib/auth/throttle.ts), and clearing all of an account's locks and delays at once,
// audited with the account id and the acting owner only.
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { authThrottle, users, type UserRole } from '@/db/schema';
import { recordAudit } from '../audit/record';
import {
  accountThrottleKey,
  isStale,
  maxFailures,
  refusedUntil,
  type ThrottleKind,
  type ThrottleRow,
} from '../auth/throttle-rules';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { can } from './permissions';
import type { StaffManager } from './users';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface SignInLockState {
  /** Clients currently locked out of this account (each after repeated wrong passwords of its own). */
  lockedClients: number;
  /** Every client's attempts are being spaced out by growing delays. */
  delayed: boolean;
}

type KeyedRow = ThrottleRow & { key: string };

const kindOf = (key: string): ThrottleKind | null =>
  key.startsWith('pair:') ? 'pair' : key.startsWith('account:') ? 'account' : null;

function stateOf(ctx: Ctx, rows: KeyedRow[]): SignInLockState {
  const now = ctx.clock.now();
  const state: SignInLockState = { lockedClients: 0, delayed: false };
  for (const row of rows) {
    const kind = kindOf(row.key);
    if (!kind || isStale(kind, row, now, ctx.config)) continue;
    if (kind === 'pair' && refusedUntil(kind, row, now, ctx.config)) state.lockedClients += 1;
    if (kind === 'account' && row.failures >= maxFailures(kind, ctx.config)) state.delayed = true;
  }
  return state;
}

const isLocked = (s: SignInLockState) => s.lockedClients > 0 || s.delayed;

/** Staff accounts whose sign-in is locked for some client or slowed down, by user id. */
export async function listSignInLocks(ctx: Ctx): Promise<Map<string, SignInLockState>> {
  const t = authThrottle;
  const rows = await ctx.db
    .select({
      userId: users.id,
      key: t.key,
      failures: t.failures,
      windowStartedAt: t.windowStartedAt,
      lockedUntil: t.lockedUntil,
    })
    .from(t)
    .innerJoin(users, eq(users.email, t.account));
  const byUser = new Map<string, KeyedRow[]>();
  for (const { userId, ...row } of rows) byUser.set(userId, [...(byUser.get(userId) ?? []), row]);
  const locks = new Map<string, SignInLockState>();
  for (const [userId, userRows] of byUser) {
    const state = stateOf(ctx, userRows);
    if (isLocked(state)) locks.set(userId, state);
  }
  return locks;
}

const unlockSchema = z.object({
  userId: z.string({ error: 'Choose a staff member.' }).min(1, { error: 'Choose a staff member.' }),
});

/**
 * Clears every sign-in lock and delay of one account (the right password from any client then works at once),
 * with its audit entry in the same transaction. Refused, changing nothing, when nothing is locked, and for anyone
 * but an owner (checked here too, not only by the action).
 */
export async function unlockSignIn(
  ctx: Ctx,
  manager: StaffManager & { role: UserRole },
  input: { userId: string },
): Promise<{ email: string } & SignInLockState> {
  if (!can(manager.role, 'users.manage')) throw new DomainError('FORBIDDEN', 'Only an owner can unlock sign-in.');
  const { userId } = parseInput(unlockSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [member] = z.uuid().safeParse(userId).success
      ? await tx.select({ id: users.id, email: users.email }).from(users).where(eq(users.id, userId))
      : [];
    if (!member)
      throw new DomainError('NOT_FOUND', 'That staff account no longer exists.', {
        userId: ['Choose a staff member from the list.'],
      });
    const t = authThrottle;
    const ofAccount = or(eq(t.account, member.email), eq(t.key, accountThrottleKey(member.email)));
    const rows = await tx.select().from(t).where(ofAccount).for('update');
    const state = stateOf(ctx, rows);
    if (!isLocked(state)) {
      throw new DomainError(
        'CONFLICT',
        `Sign-in to ${member.email} is not locked or slowed down: there is nothing to clear.`,
        { userId: ['Choose a locked account.'] },
      );
    }
    await tx.delete(t).where(ofAccount);
    await recordAudit(tx, {
      actor: manager.actor,
      action: 'user.unlock',
      targetType: 'user',
      targetId: member.id,
      at: now,
      summary: 'Cleared the sign-in locks and delays of this account.',
      details: { ...state },
    });
    return { email: member.email, ...state };
  });
}

// Owners see which staff accounts have sign-in locks or delays, and clear them: the real user then signs in at
// once from the locked client. Only an owner may; a refused or pointless unlock changes nothing and is not audited.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, authThrottle, users } from '@/db/schema';
import { listSignInLocks, unlockSignIn } from '@/lib/staff/sign-in-locks';
import { staffActor } from '@/lib/audit/record';
import { authenticate } from '@/lib/auth/authenticate';
import { createUser, type StaffUser } from '@/lib/auth/users';
import { authContext } from '../auth/helpers';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
const PASSWORD = 'a long enough password';

beforeEach(async () => {
  await t.db.delete(auditLog);
  await t.db.delete(authThrottle);
  await t.db.delete(users);
});

type Ctx = ReturnType<typeof authContext>;

async function staff(ctx: Ctx, email: string, role: StaffUser['role']) {
  return createUser(ctx, { email, name: email.split('@')[0]!, password: PASSWORD, role });
}

const as = (u: StaffUser) => ({ id: u.id, role: u.role, actor: staffActor(u) });
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code?: string }) => e.code ?? String(e),
  );
const unlocks = () => t.db.select().from(auditLog).where(eq(auditLog.action, 'user.unlock'));

/** Locks `client` out of the account (5 failures) and slows the account down for everyone (10 in all). */
async function lockOut(ctx: Ctx, email: string, client: string) {
  for (let i = 0; i < 5; i++)
    expect(await code(authenticate(ctx, { email, password: `guess ${i}`, clientKey: client }))).toBe(
      'INVALID_CREDENTIALS',
    );
  for (let i = 0; i < 5; i++)
    expect(await code(authenticate(ctx, { email, password: `guess ${i}`, clientKey: `bot-${i}` }))).toBe(
      'INVALID_CREDENTIALS',
    );
}

describe('sign-in locks in /admin/users', () => {
  it('lists locked and slowed-down accounts only', async () => {
    const ctx = authContext(t);
    const locked = await staff(ctx, 'locked@example.org', 'organizer');
    const calm = await staff(ctx, 'calm@example.org', 'organizer');
    expect(await code(authenticate(ctx, { email: calm.email, password: 'one typo', clientKey: 'c' }))).toBe(
      'INVALID_CREDENTIALS',
    );
    await lockOut(ctx, locked.email, '203.0.113.5');
    const locks = await listSignInLocks(ctx);
    expect([...locks.keys()]).toEqual([locked.id]);
    expect(locks.get(locked.id)).toEqual({ lockedClients: 1, delayed: true });
  });

  it('lets an owner clear them, after which the right password works at once from the locked client', async () => {
    const ctx = authContext(t);
    const owner = await staff(ctx, 'owner@example.org', 'owner');
    const user = await staff(ctx, 'user@example.org', 'checkin');
    await lockOut(ctx, user.email, '203.0.113.5');
    expect(await code(authenticate(ctx, { email: user.email, password: PASSWORD, clientKey: '203.0.113.5' }))).toBe(
      'THROTTLED',
    );

    await expect(unlockSignIn(ctx, as(owner), { userId: user.id })).resolves.toMatchObject({
      email: user.email,
      lockedClients: 1,
      delayed: true,
    });
    await expect(
      authenticate(ctx, { email: user.email, password: PASSWORD, clientKey: '203.0.113.5' }),
    ).resolves.toMatchObject({ id: user.id });
    expect((await listSignInLocks(ctx)).size).toBe(0);

    const [entry, ...more] = await unlocks();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorType: 'user', actorUserId: owner.id, targetType: 'user', targetId: user.id });
    // The owner is named as the actor; of the unlocked account, only its id.
    expect(JSON.stringify({ ...entry, actorLabel: null })).not.toContain('user@example.org');
    expect(JSON.stringify(entry)).not.toContain('203.0.113.5');
    const locked = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.pair_locked'), eq(auditLog.targetId, user.id)));
    expect(locked).toHaveLength(1);
  });

  it('refuses anyone but an owner, changing nothing', async () => {
    const ctx = authContext(t);
    const organizer = await staff(ctx, 'org@example.org', 'organizer');
    const user = await staff(ctx, 'user@example.org', 'checkin');
    await lockOut(ctx, user.email, '203.0.113.5');
    for (const role of ['organizer', 'checkin', 'accessibility'] as const) {
      await expect(unlockSignIn(ctx, { ...as(organizer), role }, { userId: user.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await listSignInLocks(ctx)).get(user.id)).toEqual({ lockedClients: 1, delayed: true });
    expect(await unlocks()).toEqual([]);
  });

  it('answers an account without locks, an unknown one and a malformed id clearly, without an audit entry', async () => {
    const ctx = authContext(t);
    const owner = await staff(ctx, 'owner@example.org', 'owner');
    const user = await staff(ctx, 'user@example.org', 'checkin');
    await expect(unlockSignIn(ctx, as(owner), { userId: user.id })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('nothing to clear'),
    });
    await expect(
      unlockSignIn(ctx, as(owner), { userId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(unlockSignIn(ctx, as(owner), { userId: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(unlockSignIn(ctx, as(owner), { userId: '' })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await unlocks()).toEqual([]);
  });
});

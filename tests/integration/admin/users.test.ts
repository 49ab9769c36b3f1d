// Staff management: invitations as one-time links, role changes that end the old role's sessions, removals, the
// last owner who can be neither demoted nor removed (even by two owners acting at once), and changing one's own
// password, which ends every other session. Each change leaves its audit entry; a refused one changes nothing.
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, authThrottle, users } from '@/db/schema';
import {
  changeOwnPassword,
  changeStaffRole,
  inviteStaff,
  listPendingInvitations,
  listStaff,
  removeStaff,
  type StaffManager,
} from '@/lib/staff/users';
import { recordAudit, staffActor } from '@/lib/audit/record';
import { describeAccountToken, redeemAccountToken } from '@/lib/auth/account-tokens';
import { authenticate } from '@/lib/auth/authenticate';
import { createUser, type StaffUser } from '@/lib/auth/users';
import { DomainError } from '@/lib/errors';
import { authContext } from '../auth/helpers';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();

const PASSWORD = 'a long enough password';

beforeEach(async () => {
  await t.db.delete(auditLog);
  await t.db.delete(accountTokens);
  await t.db.delete(authThrottle);
  await t.db.delete(users);
});

async function staff(email: string, role: StaffUser['role']): Promise<StaffUser> {
  return createUser(authContext(t), { email, name: email.split('@')[0]!, password: PASSWORD, role });
}

const as = (u: StaffUser): StaffManager => ({ id: u.id, actor: staffActor(u) });

async function row(id: string) {
  const [r] = await t.db.select().from(users).where(eq(users.id, id));
  return r;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

describe('invitations', () => {
  it('creates a one-time link for an email and role, lists it as pending and audits it', async () => {
    const ctx = authContext(t, { APP_URL: 'https://tickets.example.org' });
    const owner = await staff('owner@example.org', 'owner');
    const invitation = await inviteStaff(ctx, as(owner), { email: ' Door@Example.org ', role: 'checkin' });
    expect(invitation).toMatchObject({ email: 'door@example.org', role: 'checkin' });
    expect(invitation.url).toMatch(/^https:\/\/tickets\.example\.org\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = invitation.url.split('/').pop()!;
    expect(await describeAccountToken(ctx, token)).toMatchObject({
      purpose: 'invitation',
      email: 'door@example.org',
      role: 'checkin',
    });
    expect(await listPendingInvitations(ctx)).toEqual([
      expect.objectContaining({ email: 'door@example.org', role: 'checkin' }),
    ]);
    const [entry] = await audits('user.invite');
    expect(entry).toMatchObject({
      actorUserId: owner.id,
      actorLabel: 'owner@example.org',
      summary: 'Invited door@example.org as check-in staff.',
    });
    expect(JSON.stringify(entry)).not.toContain(token);

    await redeemAccountToken(ctx, { token, name: 'Door', password: PASSWORD });
    expect(await listPendingInvitations(ctx)).toEqual([]);
    expect((await listStaff(ctx)).map((s) => [s.email, s.role])).toEqual([
      ['owner@example.org', 'owner'],
      ['door@example.org', 'checkin'],
    ]);
  });

  it('refuses an address that already has an account, or a role that does not exist, and writes nothing', async () => {
    const ctx = authContext(t);
    const owner = await staff('owner@example.org', 'owner');
    expect(
      (await errorOf(inviteStaff(ctx, as(owner), { email: 'OWNER@example.org', role: 'organizer' }))).fieldErrors.email,
    ).toBeDefined();
    expect(
      (await errorOf(inviteStaff(ctx, as(owner), { email: 'new@example.org', role: 'admin' }))).fieldErrors.role,
    ).toBeDefined();
    expect(await t.db.select().from(accountTokens)).toEqual([]);
    expect(await audits('user.invite')).toEqual([]);
  });
});

describe('role changes', () => {
  it('changes the role, bumps session_version so old sessions end, and audits it', async () => {
    const ctx = authContext(t);
    const owner = await staff('owner@example.org', 'owner');
    const organizer = await staff('org@example.org', 'organizer');
    const changed = await changeStaffRole(ctx, as(owner), { userId: organizer.id, role: 'checkin' });
    expect(changed.role).toBe('checkin');
    expect(await row(organizer.id)).toMatchObject({ role: 'checkin', sessionVersion: organizer.sessionVersion + 1 });
    const [entry] = await audits('user.role_change');
    expect(entry).toMatchObject({
      targetId: organizer.id,
      actorUserId: owner.id,
      summary: 'Changed org@example.org from organizer to check-in staff.',
    });
  });

  it('refuses to demote the last owner, and a change to the same role, changing nothing', async () => {
    const ctx = authContext(t);
    const owner = await staff('owner@example.org', 'owner');
    const organizer = await staff('org@example.org', 'organizer');
    const last = await errorOf(changeStaffRole(ctx, as(owner), { userId: owner.id, role: 'organizer' }));
    expect(last.code).toBe('CONFLICT');
    expect(last.message).toContain('only owner');
    const same = await errorOf(changeStaffRole(ctx, as(owner), { userId: organizer.id, role: 'organizer' }));
    expect(same.fieldErrors.role).toBeDefined();
    expect(await row(owner.id)).toMatchObject({ role: 'owner', sessionVersion: owner.sessionVersion });
    expect(await row(organizer.id)).toMatchObject({ role: 'organizer', sessionVersion: organizer.sessionVersion });
    expect(await audits('user.role_change')).toEqual([]);
    expect((await errorOf(changeStaffRole(ctx, as(owner), { userId: 'not-a-uuid', role: 'owner' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('lets one of two owners step down, but never both at once', async () => {
    const ctx = authContext(t);
    const a = await staff('a@example.org', 'owner');
    const b = await staff('b@example.org', 'owner');
    // Both changes queue behind a lock on the two rows, then run at the same moment when it is released.
    const holder = await t.sql.reserve();
    await holder`begin`;
    await holder`select 1 from users where id in (${a.id}, ${b.id}) for update`;
    const racing = Promise.allSettled([
      changeStaffRole(ctx, as(a), { userId: b.id, role: 'organizer' }),
      changeStaffRole(ctx, as(b), { userId: a.id, role: 'organizer' }),
    ]);
    await new Promise((r) => setTimeout(r, 300));
    await holder`commit`;
    holder.release();
    const results = await racing;
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // The other is refused cleanly (not a deadlock or a query error).
    const refused = results.find((r) => r.status === 'rejected')?.reason as unknown;
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('CONFLICT');
    const owners = await t.db.select().from(users).where(eq(users.role, 'owner'));
    expect(owners).toHaveLength(1);
    expect(await audits('user.role_change')).toHaveLength(1);
  });
});

describe('removals', () => {
  it('removes an account (its sessions end with it) and keeps who did what in the audit log', async () => {
    const ctx = authContext(t);
    const owner = await staff('owner@example.org', 'owner');
    const door = await staff('door@example.org', 'checkin');
    await recordAudit(t.db, {
      actor: staffActor(door),
      action: 'checkin.scan',
      summary: 'Checked in a ticket.',
      at: new Date(),
    });
    await removeStaff(ctx, as(owner), { userId: door.id });
    expect(await row(door.id)).toBeUndefined();
    const [earlier] = await audits('checkin.scan');
    expect(earlier).toMatchObject({ actorUserId: null, actorLabel: 'door@example.org' });
    const [entry] = await audits('user.remove');
    expect(entry).toMatchObject({
      targetId: door.id,
      actorUserId: owner.id,
      summary: 'Removed door@example.org (check-in staff).',
    });
  });

  it('refuses removing oneself and the last owner, changing nothing', async () => {
    const ctx = authContext(t);
    const owner = await staff('owner@example.org', 'owner');
    const organizer = await staff('org@example.org', 'organizer');
    expect((await errorOf(removeStaff(ctx, as(owner), { userId: owner.id }))).message).toContain('your own account');
    // Whoever asks (the wrapper only lets owners in, but the rule holds without it).
    expect((await errorOf(removeStaff(ctx, as(organizer), { userId: owner.id }))).message).toContain('only owner');
    expect(await row(owner.id)).toBeDefined();
    expect(await audits('user.remove')).toEqual([]);
    const second = await staff('owner2@example.org', 'owner');
    await removeStaff(ctx, as(owner), { userId: second.id });
    expect(await row(second.id)).toBeUndefined();
  });
});

describe("changing one's own password", () => {
  const input = (current: string, next: string, confirm = next) => ({
    currentPassword: current,
    newPassword: next,
    confirmPassword: confirm,
    clientKey: '198.51.100.7',
  });

  it('needs the current password and a new one that follows the policy, changing nothing otherwise', async () => {
    const ctx = authContext(t);
    const user = await staff('org@example.org', 'organizer');
    const wrong = await errorOf(changeOwnPassword(ctx, user, input('not my password', 'a brand new password')));
    expect(wrong.fieldErrors.currentPassword).toEqual(['That is not your current password.']);
    expect(
      (await errorOf(changeOwnPassword(ctx, user, input(PASSWORD, 'short')))).fieldErrors.newPassword,
    ).toBeDefined();
    expect(
      (await errorOf(changeOwnPassword(ctx, user, input(PASSWORD, 'a brand new password', 'another one entirely'))))
        .fieldErrors.confirmPassword,
    ).toBeDefined();
    expect(
      (await errorOf(changeOwnPassword(ctx, user, input(PASSWORD, PASSWORD)))).fieldErrors.newPassword,
    ).toBeDefined();
    expect(await row(user.id)).toMatchObject({ sessionVersion: user.sessionVersion });
    await expect(
      authenticate(ctx, { email: user.email, password: PASSWORD, clientKey: '198.51.100.8' }),
    ).resolves.toMatchObject({ id: user.id });
    expect(await audits('user.password_change')).toEqual([]);
  });

  it('stores the new password, bumps session_version and audits it without the password', async () => {
    const ctx = authContext(t);
    const user = await staff('org@example.org', 'organizer');
    const { sessionVersion } = await changeOwnPassword(ctx, user, input(PASSWORD, 'a brand new password'));
    expect(sessionVersion).toBe(user.sessionVersion + 1);
    expect(await row(user.id)).toMatchObject({ sessionVersion });
    await expect(
      authenticate(ctx, { email: user.email, password: 'a brand new password', clientKey: '198.51.100.9' }),
    ).resolves.toMatchObject({ id: user.id });
    expect(
      (await errorOf(authenticate(ctx, { email: user.email, password: PASSWORD, clientKey: '198.51.100.9' }))).code,
    ).toBe('INVALID_CREDENTIALS');
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.password_change'), eq(auditLog.targetId, user.id)));
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('brand new');
  });

  it('is throttled like a sign-in, so a stolen session cannot guess the password', async () => {
    const ctx = authContext(t, { LOGIN_MAX_FAILURES_PER_ACCOUNT_CLIENT: '3' });
    const user = await staff('org@example.org', 'organizer');
    for (let i = 0; i < 3; i++)
      await errorOf(changeOwnPassword(ctx, user, input(`guess ${i}`, 'a brand new password')));
    expect((await errorOf(changeOwnPassword(ctx, user, input(PASSWORD, 'a brand new password')))).code).toBe(
      'THROTTLED',
    );
    expect(await row(user.id)).toMatchObject({ sessionVersion: user.sessionVersion });
  });
});

// Staff accounts as the owner manages them: the list, invitations (a one-time link the owner passes on), role
// changes and removals. Every change is audited in its own transaction, and all of them take one advisory lock,
// so two owners demoting or removing each other at once can never leave the event without an owner. A role
// change bumps session_version (the old role's sessions end at once); a removal deletes the account, which ends
// its sessions too (authz.ts finds no user).
import { ROLE_LABELS } from './permissions';
import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { accountTokens, users, type UserRole } from '@/db/schema';
import { recordAudit, type AuditActor } from '../audit/record';
import { createInvitationToken, hashToken } from '../auth/account-tokens';
import { accountLinkUrl } from '../auth/setup-link';
import { authenticate } from '../auth/authenticate';
import { MAX_PASSWORD_LENGTH } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { enqueueEmail } from '../outbox/enqueue';
import { newPasswordSchema, USER_ROLES } from '../auth/users';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/** The acting owner: who is recorded in the audit log and who may not remove themselves. */
export interface StaffManager {
  id: string;
  actor: AuditActor;
}

// Serialises every change to staff roles and accounts (see the module comment).
const STAFF_LOCK = 727_002;

/** Role names inside a sentence ("as check-in staff"). */
export const ROLE_NAMES = Object.fromEntries(
  Object.entries(ROLE_LABELS).map(([role, label]) => [role, label.toLowerCase()]),
) as Record<UserRole, string>;

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  createdAt: Date;
}

export async function listStaff(ctx: Pick<AppContext, 'db'>): Promise<StaffMember[]> {
  return (
    ctx.db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
      // The enum sorts in its declared order: owners first.
      .from(users)
      .orderBy(asc(users.role), asc(users.email))
  );
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: UserRole;
  expiresAt: Date;
  createdAt: Date;
}

/** Invitations not yet used and not yet expired, newest first. */
export async function listPendingInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  const rows = await ctx.db
    .select({
      id: accountTokens.id,
      email: accountTokens.email,
      role: accountTokens.role,
      expiresAt: accountTokens.expiresAt,
      createdAt: accountTokens.createdAt,
    })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.purpose, 'invitation'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, ctx.clock.now()),
        // Accepted through another link of the same invitation (the emailed one, or the one the owner passed on).
        sql`not exists (select 1 from users u where u.email = ${accountTokens.email})`,
      ),
    )
    .orderBy(desc(accountTokens.createdAt));
  // The emailed link is a token of its own for the same invitation: list each address and role once.
  const seen = new Set<string>();
  return rows
    .map((r) => ({ ...r, email: r.email ?? '' }))
    .filter((r) => {
      const key = `${r.email}|${r.role}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

async function lockStaff(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK})`);
}

async function loadMember(tx: DbOrTx, userId: string): Promise<StaffMember> {
  const row = z.uuid().safeParse(userId).success
    ? (
        await tx
          .select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt })
          .from(users)
          .where(eq(users.id, userId))
          .for('update')
      )[0]
    : undefined;
  if (!row)
    throw new DomainError('NOT_FOUND', 'That staff account no longer exists.', {
      userId: ['Choose a staff member from the list.'],
    });
  return row;
}

async function countOwners(tx: DbOrTx): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(users).where(eq(users.role, 'owner'));
  return row?.n ?? 0;
}

const roleSchema = z.enum(USER_ROLES, { error: 'Choose a role.' });

export interface Invitation {
  email: string;
  role: UserRole;
  url: string;
  expiresAt: Date;
}

/** Creates a one-time invitation link for an email address and a role, emails it, and shows it to the owner too. */
export async function inviteStaff(
  ctx: Ctx & Pick<AppContext, 'config'>,
  manager: StaffManager,
  input: { email: string; role: string },
): Promise<Invitation> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const { token, expiresAt } = await createInvitationToken({ db: tx, clock: ctx.clock }, input);
    const [row] = await tx
      .select({ id: accountTokens.id, email: accountTokens.email, role: accountTokens.role })
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    if (!row?.email) throw new Error('The invitation just created was not found');
    const { email, role } = row;
    // The invitee gets the link by email too (a fresh one, composed when it is sent); the owner is shown this one.
    await enqueueEmail(tx, {
      kind: 'staff_invitation',
      to: email,
      idempotencyKey: `staff_invitation:${row.id}`,
      params: { invitationId: row.id },
      now,
    });
    await recordAudit(tx, {
      actor: manager.actor,
      action: 'user.invite',
      targetType: 'invitation',
      targetId: row.id,
      at: now,
      summary: `Invited ${email} as ${ROLE_NAMES[role]}.`,
      details: { email, role },
    });
    return { email, role, url: accountLinkUrl(ctx.config.APP_URL, token), expiresAt };
  });
}

const changeRoleSchema = z.object({
  userId: z.string({ error: 'Choose a staff member.' }).min(1, { error: 'Choose a staff member.' }),
  role: roleSchema,
});

/** Gives a staff member another role and ends their sessions. The last owner cannot be demoted. */
export async function changeStaffRole(
  ctx: Ctx,
  manager: StaffManager,
  input: { userId: string; role: string },
): Promise<StaffMember> {
  const data = parseInput(changeRoleSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockStaff(tx);
    const member = await loadMember(tx, data.userId);
    if (member.role === data.role) {
      throw new DomainError('VALIDATION', `${member.email} is already ${ROLE_NAMES[data.role]}.`, {
        role: ['Choose a different role.'],
      });
    }
    if (member.role === 'owner' && (await countOwners(tx)) <= 1) {
      throw new DomainError('CONFLICT', `${member.email} is the only owner. Make someone else owner first.`, {
        role: ['The event needs at least one owner.'],
      });
    }
    await tx
      .update(users)
      .set({ role: data.role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, member.id));
    await recordAudit(tx, {
      actor: manager.actor,
      action: 'user.role_change',
      targetType: 'user',
      targetId: member.id,
      at: now,
      summary: `Changed ${member.email} from ${ROLE_NAMES[member.role]} to ${ROLE_NAMES[data.role]}.`,
      details: { email: member.email, from: member.role, to: data.role },
    });
    return { ...member, role: data.role };
  });
}

/** Removes a staff account; its sessions end at once. Owners cannot remove themselves, nor the last owner. */
export async function removeStaff(ctx: Ctx, manager: StaffManager, input: { userId: string }): Promise<StaffMember> {
  const { userId } = parseInput(z.object({ userId: z.string().min(1, { error: 'Choose a staff member.' }) }), input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockStaff(tx);
    const member = await loadMember(tx, userId);
    if (member.id === manager.id) {
      throw new DomainError('CONFLICT', 'You cannot remove your own account. Another owner can.', {
        userId: ['Choose someone else.'],
      });
    }
    if (member.role === 'owner' && (await countOwners(tx)) <= 1) {
      throw new DomainError('CONFLICT', `${member.email} is the only owner and cannot be removed.`, {
        userId: ['The event needs at least one owner.'],
      });
    }
    await tx.delete(users).where(eq(users.id, member.id));
    await recordAudit(tx, {
      actor: manager.actor,
      action: 'user.remove',
      targetType: 'user',
      targetId: member.id,
      at: now,
      summary: `Removed ${member.email} (${ROLE_NAMES[member.role]}).`,
      details: { email: member.email, role: member.role },
    });
    return member;
  });
}

const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password.' })
      .min(1, { error: 'Enter your current password.' })
      .max(MAX_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((d) => d.newPassword === d.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords are not the same.',
  })
  .refine((d) => d.newPassword !== d.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from your current one.',
  });

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
  /** Who is asking, for the sign-in throttle the current password goes through. */
  clientKey: string;
}

/**
 * Changes the signed-in user's own password. The current password is checked like a sign-in (and throttled
 * like one); the new hash and a bumped session_version are written together, so every session issued before
 * ends. The caller re-issues the current session with the new version.
 */
export async function changeOwnPassword(
  ctx: Ctx & Pick<AppContext, 'config'>,
  user: { id: string; email: string },
  input: ChangePasswordInput,
): Promise<{ sessionVersion: number }> {
  const data = parseInput(changePasswordSchema, input);
  try {
    await authenticate(ctx, { email: user.email, password: data.currentPassword, clientKey: input.clientKey });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') {
      throw new DomainError('VALIDATION', 'Please correct the highlighted fields.', {
        currentPassword: ['That is not your current password.'],
      });
    }
    throw error;
  }
  const passwordHash = await hashPassword(data.newPassword);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, user.id))
      .returning({ sessionVersion: users.sessionVersion });
    if (!row) throw new DomainError('NOT_FOUND', 'Your account no longer exists.');
    await recordAudit(tx, {
      actor: { type: 'user', userId: user.id, label: user.email },
      action: 'user.password_change',
      targetType: 'user',
      targetId: user.id,
      at: now,
      summary: `${user.email} changed their password; their other sessions were signed out.`,
    });
    return { sessionVersion: row.sessionVersion };
  });
}

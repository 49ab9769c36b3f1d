'use server';
// Owner-only staff management: invite (the link is emailed, and shown to pass on too), change a role, remove an
// account, clear an account's sign-in locks.
import { revalidatePath } from 'next/cache';
import { adminAction } from '@/app/admin/_lib/action';
import { text } from '@/app/admin/_lib/form-state';
import { unlockSignIn } from '@/lib/staff/sign-in-locks';
import { changeStaffRole, inviteStaff, removeStaff, ROLE_NAMES, type StaffManager } from '@/lib/staff/users';
import { staffActor } from '@/lib/audit/record';
import type { StaffUser } from '@/lib/auth/users';

const manager = (user: StaffUser): StaffManager => ({ id: user.id, actor: staffActor(user) });

const when = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);

export const inviteStaffAction = adminAction('users.manage', async ({ user, ctx, formData }) => {
  const invitation = await inviteStaff(ctx, manager(user), {
    email: text(formData, 'email'),
    role: text(formData, 'role'),
  });
  revalidatePath('/admin/users');
  return `Invitation for ${invitation.email} as ${ROLE_NAMES[invitation.role]} created and emailed to them. You can also pass on this link; it works once, until ${when(invitation.expiresAt)} UTC: ${invitation.url}`;
});

export const changeStaffRoleAction = adminAction('users.manage', async ({ user, ctx, formData }) => {
  const member = await changeStaffRole(ctx, manager(user), {
    userId: text(formData, 'userId'),
    role: text(formData, 'role'),
  });
  revalidatePath('/admin/users');
  return `${member.email} is now ${ROLE_NAMES[member.role]}. Their sessions were signed out.`;
});

export const removeStaffAction = adminAction('users.manage', async ({ user, ctx, formData }) => {
  const member = await removeStaff(ctx, manager(user), { userId: text(formData, 'userId') });
  revalidatePath('/admin/users');
  return `${member.email} was removed and signed out.`;
});

export const unlockSignInAction = adminAction('users.manage', async ({ user, ctx, formData }) => {
  const { email } = await unlockSignIn(
    ctx,
    { ...manager(user), role: user.role },
    { userId: text(formData, 'userId') },
  );
  revalidatePath('/admin/users');
  return `Sign-in to ${email} is unlocked: the right password works again from every client.`;
});

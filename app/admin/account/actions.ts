'use server';
// Changing one's own password: checked and stored by lib/staff/users.ts (which ends every session by bumping
// session_version), then this browser signs in again with the new password, so only this session lives on.
import { CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { signIn } from '@/app/_lib/auth';
import { getClientKey } from '@/app/_lib/request-context';
import { adminAction } from '@/app/admin/_lib/action';
import { changeOwnPassword } from '@/lib/staff/users';

// Passwords are taken exactly as typed: no trimming.
const raw = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

export const changePasswordAction = adminAction('account.self', async ({ user, ctx, formData }) => {
  const newPassword = raw(formData, 'newPassword');
  await changeOwnPassword(ctx, user, {
    currentPassword: raw(formData, 'currentPassword'),
    newPassword,
    confirmPassword: raw(formData, 'confirmPassword'),
    clientKey: await getClientKey(),
  });
  try {
    await signIn('credentials', { email: user.email, password: newPassword, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin)
      return 'Your password was changed and every session was signed out. Please sign in again with the new password.';
    throw error;
  }
  // A fresh page under the new session cookie, saying what happened.
  redirect('/admin/account?notice=password-changed');
});

'use server';
// Signing out ends every session of the account (its session version is bumped), so a copy of the cookie taken
// from this browser stops working too; then the cookie is cleared and the next admin request needs a sign-in.
import { redirect } from 'next/navigation';
import { signOut } from '@/app/_lib/auth';
import { getCurrentUser } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { endSessions } from '@/lib/auth/sessions';

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endSessions(getContext(), user.id);
  await signOut({ redirect: false });
  redirect('/sign-in?notice=signed-out');
}

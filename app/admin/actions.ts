'use server';
// Signing out clears the session cookie; the next admin request then needs a new sign-in.
import { redirect } from 'next/navigation';
import { signOut } from '@/app/_lib/auth';

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect('/sign-in?notice=signed-out');
}

// Authentication and authorization for pages, server actions and route handlers. Every admin entry point calls
// one of these itself (the proxy is only a first gate). The user is reloaded from the database on every call,
// so a removed account, a bumped sessionVersion (sign-out, password or role change) or a session past its
// absolute lifetime is refused at once, and the role is the database's (lib/auth/sessions.ts).
import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { userRole, type UserRole } from '@/db/schema';
import { can, type Permission } from '@/lib/staff/permissions';
import { signInUrl } from '@/lib/auth/callback-url';
import { resolveSession } from '@/lib/auth/sessions';
import type { StaffUser } from '@/lib/auth/users';
import { DomainError } from '@/lib/errors';
import { auth } from './auth';
import { getContext } from './context';

export const STAFF_ROLES: readonly UserRole[] = userRole.enumValues;
export const REFUSED_MESSAGE = 'Your account does not have access to this.';
export const SIGN_IN_MESSAGE = 'Please sign in.';

/** The signed-in user, or null when there is no valid session (none, expired, revoked, or the user is gone). */
export async function getCurrentUser(): Promise<StaffUser | null> {
  const claims = (await auth())?.user;
  if (!claims) return null;
  return resolveSession(getContext(), {
    userId: claims.id,
    sessionVersion: claims.sessionVersion,
    signedInAt: claims.signedInAt,
  });
}

/**
 * For pages. Anonymous visitors are sent to sign in and come back to `returnTo` afterwards; a signed-in user
 * without one of `roles` gets the 403 page (app/forbidden.tsx) and sees nothing of this one.
 */
export async function requireUser(roles: readonly UserRole[] = STAFF_ROLES, returnTo = '/admin'): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrl(returnTo));
  if (!roles.includes(user.role)) forbidden();
  return user;
}

/** For pages: the signed-in user holding `permission`, else sign-in (anonymous) or 403. */
export async function requirePermission(permission: Permission, returnTo: string): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInUrl(returnTo));
  if (!can(user.role, permission)) forbidden();
  return user;
}

/** For route handlers and action wrappers that answer with an error instead of a redirect (401 / 403). */
export async function authorizeUser(roles: readonly UserRole[] = STAFF_ROLES): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new DomainError('UNAUTHENTICATED', SIGN_IN_MESSAGE);
  if (!roles.includes(user.role)) throw new DomainError('FORBIDDEN', REFUSED_MESSAGE);
  return user;
}

/** Route handlers: the user holding `permission`, or a DomainError that toHttpError turns into 401 / 403. */
export async function authorizePermission(permission: Permission): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new DomainError('UNAUTHENTICATED', SIGN_IN_MESSAGE);
  if (!can(user.role, permission)) throw new DomainError('FORBIDDEN', REFUSED_MESSAGE);
  return user;
}

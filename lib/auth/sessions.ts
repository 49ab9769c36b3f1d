// Staff sessions. The signed cookie names the user, the session_version it was issued under and when its holder
// signed in; it opens the admin only while the user still has that version and within SESSION_ABSOLUTE_HOURS of
// signing in, however often it was renewed. Signing out bumps the version, so a copy of the cookie dies with it.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '@/db/schema';
import type { AppContext } from '../context';
import { getUserById, type StaffUser } from './users';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const HOUR = 3_600_000;

/** What the session cookie claims, as read from it (anything may be missing or malformed). */
export interface SessionClaims {
  userId?: string;
  sessionVersion?: number;
  /** Milliseconds since the epoch, set once at sign-in and carried unchanged through renewals. */
  signedInAt?: number;
}

/** When a session that started at `signedInAt` stops, whatever its sliding expiry says. */
export function sessionEndsAt(ctx: Pick<Ctx, 'config'>, signedInAt: number): Date {
  return new Date(signedInAt + ctx.config.SESSION_ABSOLUTE_HOURS * HOUR);
}

/**
 * The user the session stands for, or null: no or malformed claims, a session from before signedInAt was
 * recorded, one past its absolute lifetime (or dated in the future), a user who is gone, or a bumped version.
 */
export async function resolveSession(ctx: Ctx, claims: SessionClaims): Promise<StaffUser | null> {
  const { userId, sessionVersion, signedInAt } = claims;
  if (!userId || !z.uuid().safeParse(userId).success) return null;
  if (!Number.isInteger(sessionVersion) || !Number.isFinite(signedInAt) || signedInAt === undefined) return null;
  const now = ctx.clock.now();
  // A little slack for clocks of several instances that disagree.
  if (signedInAt > now.getTime() + 60_000 || sessionEndsAt(ctx, signedInAt) <= now) return null;
  const user = await getUserById(ctx, userId);
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return user;
}

/** Ends every session of the user issued so far (sign-out, and anywhere a copied cookie must stop working). */
export async function endSessions(ctx: Pick<AppContext, 'db' | 'clock'>, userId: string): Promise<void> {
  if (!z.uuid().safeParse(userId).success) return;
  await ctx.db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: ctx.clock.now() })
    .where(eq(users.id, userId));
}

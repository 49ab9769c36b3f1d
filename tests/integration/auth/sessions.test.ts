// Staff sessions: a cookie opens the admin only for the user's current session version and within the absolute
// lifetime from sign-in; sign-out (endSessions) kills every copy of the cookie.
import { describe, expect, it } from 'vitest';
import { endSessions, resolveSession, sessionEndsAt } from '@/lib/auth/sessions';
import { createUser, type StaffUser } from '@/lib/auth/users';
import { useTestDb } from '../../support/test-db';
import { authContext, MINUTE } from './helpers';

const t = useTestDb();
const HOUR = 60 * MINUTE;

async function signedIn(overrides: Parameters<typeof authContext>[1] = {}) {
  const ctx = authContext(t, overrides);
  const user: StaffUser = await createUser(ctx, {
    email: `s-${ctx.client}@example.org`,
    name: 'Sam',
    password: 'a long enough password',
    role: 'organizer',
  });
  const claims = { userId: user.id, sessionVersion: user.sessionVersion, signedInAt: ctx.clock.now().getTime() };
  return { ctx, user, claims };
}

describe('staff sessions', () => {
  it('resolves a fresh session to its user', async () => {
    const { ctx, user, claims } = await signedIn();
    await expect(resolveSession(ctx, claims)).resolves.toMatchObject({ id: user.id, role: 'organizer' });
  });

  it('ends every copy of the cookie on sign-out, and a new sign-in works again', async () => {
    const { ctx, user, claims } = await signedIn();
    const copied = { ...claims };
    await endSessions(ctx, user.id);
    await expect(resolveSession(ctx, claims)).resolves.toBeNull();
    await expect(resolveSession(ctx, copied)).resolves.toBeNull();
    const again = { ...claims, sessionVersion: claims.sessionVersion + 1, signedInAt: ctx.clock.now().getTime() };
    await expect(resolveSession(ctx, again)).resolves.toMatchObject({ id: user.id });
  });

  it('ends a session 12 hours after sign-in by default, however active it was', async () => {
    const { ctx, claims } = await signedIn();
    expect(sessionEndsAt(ctx, claims.signedInAt)).toEqual(new Date(claims.signedInAt + 12 * HOUR));
    // In use every hour: the sliding expiry would keep it alive for ever.
    for (let hour = 1; hour < 12; hour++) {
      ctx.clock.advance(HOUR);
      await expect(resolveSession(ctx, claims), `after ${hour} hours`).resolves.not.toBeNull();
    }
    ctx.clock.advance(HOUR - 1);
    await expect(resolveSession(ctx, claims)).resolves.not.toBeNull();
    ctx.clock.advance(1);
    await expect(resolveSession(ctx, claims)).resolves.toBeNull();
  });

  it('takes the lifetime from SESSION_ABSOLUTE_HOURS', async () => {
    const { ctx, claims } = await signedIn({ SESSION_ABSOLUTE_HOURS: '2' });
    ctx.clock.advance(2 * HOUR - MINUTE);
    await expect(resolveSession(ctx, claims)).resolves.not.toBeNull();
    ctx.clock.advance(MINUTE);
    await expect(resolveSession(ctx, claims)).resolves.toBeNull();
  });

  it('refuses claims without a sign-in time, from the future, of another version or user, or malformed', async () => {
    const { ctx, user, claims } = await signedIn();
    const refused = [
      { ...claims, signedInAt: undefined },
      { ...claims, signedInAt: Number.NaN },
      { ...claims, signedInAt: claims.signedInAt + HOUR },
      { ...claims, sessionVersion: user.sessionVersion + 1 },
      { ...claims, sessionVersion: undefined },
      { ...claims, userId: '00000000-0000-4000-8000-000000000000' },
      { ...claims, userId: 'not-a-uuid' },
      {},
    ];
    for (const c of refused) await expect(resolveSession(ctx, c), JSON.stringify(c)).resolves.toBeNull();
  });

  it('signing one user out leaves other users signed in', async () => {
    const a = await signedIn();
    const b = await signedIn();
    await endSessions(a.ctx, a.user.id);
    await expect(resolveSession(b.ctx, b.claims)).resolves.toMatchObject({ id: b.user.id });
  });
});

import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { countUsers, createUser, getUserById } from '@/lib/auth/users';
import { useTestDb } from '../../support/test-db';
import { authContext } from './helpers';

const t = useTestDb();

const PASSWORD = 'a long enough passphrase';

describe('authenticate', () => {
  it('signs in with the right password, whatever the case and spacing of the email, and never returns the hash', async () => {
    const ctx = authContext(t);
    const created = await createUser(ctx, {
      email: '  Ana@Example.ORG ',
      name: 'Ana',
      password: PASSWORD,
      role: 'owner',
    });
    expect(created.email).toBe('ana@example.org');
    const user = await authenticate(ctx, { email: 'ANA@example.org ', password: PASSWORD, clientKey: '198.51.100.7' });
    expect(user).toMatchObject({ id: created.id, role: 'owner', sessionVersion: 1 });
    expect(user).not.toHaveProperty('passwordHash');
  });

  it('stores an argon2id hash with m=19456 KiB, t=2, p=1', async () => {
    const ctx = authContext(t);
    const created = await createUser(ctx, {
      email: 'hash@example.org',
      name: 'Hash',
      password: PASSWORD,
      role: 'checkin',
    });
    const [row] = await t.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, created.id));
    expect(row?.hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.hash).not.toContain(PASSWORD);
  });

  it('answers a wrong password and an unknown email with the same message', async () => {
    const ctx = authContext(t);
    await createUser(ctx, { email: 'ben@example.org', name: 'Ben', password: PASSWORD, role: 'organizer' });
    const wrong = authenticate(ctx, {
      email: 'ben@example.org',
      password: 'not the password',
      clientKey: '198.51.100.8',
    });
    await expect(wrong).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
    const unknown = authenticate(ctx, {
      email: 'nobody@example.org',
      password: 'not the password',
      clientKey: '198.51.100.8',
    });
    await expect(unknown).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong email or password.' });
  });

  it('refuses malformed input without touching the database', async () => {
    const ctx = authContext(t);
    await expect(
      authenticate(ctx, { email: 'not-an-email', password: 'x', clientKey: '198.51.100.9' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      authenticate(ctx, { email: 'ben@example.org', password: '', clientKey: '198.51.100.9' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('says when to try again once the client is locked out of the account', async () => {
    const ctx = authContext(t, { LOGIN_MAX_FAILURES_PER_ACCOUNT_CLIENT: '2', LOGIN_LOCK_MINUTES: '30' });
    await createUser(ctx, { email: 'cleo@example.org', name: 'Cleo', password: PASSWORD, role: 'organizer' });
    for (let i = 0; i < 2; i++) {
      await expect(
        authenticate(ctx, { email: 'cleo@example.org', password: 'wrong one', clientKey: '198.51.100.10' }),
      ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(
      authenticate(ctx, { email: 'cleo@example.org', password: PASSWORD, clientKey: '198.51.100.10' }),
    ).rejects.toMatchObject({
      code: 'THROTTLED',
      message: 'Too many failed attempts. Try again in 30 minutes.',
      retryAfterSeconds: 30 * 60,
    });
  });

  it('validates new users: a short password and a duplicate email are refused', async () => {
    const ctx = authContext(t);
    await expect(
      createUser(ctx, { email: 'dee@example.org', name: 'Dee', password: 'short', role: 'organizer' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { password: ['Use at least 12 characters.'] },
    });
    await createUser(ctx, { email: 'dee@example.org', name: 'Dee', password: PASSWORD, role: 'organizer' });
    await expect(
      createUser(ctx, { email: 'DEE@example.org', name: 'Dee 2', password: PASSWORD, role: 'organizer' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('finds users by id and counts them', async () => {
    const ctx = authContext(t);
    const before = await countUsers(ctx);
    const created = await createUser(ctx, {
      email: 'eve@example.org',
      name: 'Eve',
      password: PASSWORD,
      role: 'accessibility',
    });
    expect(await countUsers(ctx)).toBe(before + 1);
    expect(await getUserById(ctx, created.id)).toMatchObject({ email: 'eve@example.org', role: 'accessibility' });
    expect(await getUserById(ctx, 'not-a-uuid')).toBeNull();
    expect(await getUserById(ctx, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});

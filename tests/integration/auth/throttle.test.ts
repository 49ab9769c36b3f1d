import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { authenticate } from '@/lib/auth/authenticate';
import { accountThrottleKey, getLockedUntil } from '@/lib/auth/throttle';
import { createUser } from '@/lib/auth/users';
import { useTestDb } from '../../support/test-db';
import { authContext, MINUTE } from './helpers';

const t = useTestDb();

const PASSWORD = 'correct horse battery staple';

async function staff(ctx: ReturnType<typeof authContext>, email: string) {
  await createUser(ctx, { email, name: 'Staff', password: PASSWORD, role: 'organizer' });
}

function attempt(ctx: ReturnType<typeof authContext>, email: string, password: string, clientKey = ctx.client) {
  return authenticate(ctx, { email, password, clientKey });
}

describe('sign-in throttle', () => {
  it('locks an account after 5 failures, refuses even the right password during the lock, and lets the real user in after it', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'lock@example.org');
    for (let i = 0; i < 5; i++) {
      await expect(attempt(ctx, 'lock@example.org', `guess-${i}`, `203.0.113.${i}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(attempt(ctx, 'lock@example.org', PASSWORD, '203.0.113.99')).rejects.toMatchObject({
      code: 'THROTTLED',
      message: 'Too many failed attempts. Try again in 15 minutes.',
    });
    ctx.clock.advance(14 * MINUTE);
    await expect(attempt(ctx, 'lock@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED', message: 'Too many failed attempts. Try again in 1 minute.' });
    ctx.clock.advance(MINUTE);
    await expect(attempt(ctx, 'lock@example.org', PASSWORD)).resolves.toMatchObject({ email: 'lock@example.org' });
  });

  it('clears the account counter after a successful sign-in', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'clear@example.org');
    for (let i = 0; i < 4; i++) await expect(attempt(ctx, 'clear@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await attempt(ctx, 'clear@example.org', PASSWORD);
    expect(await getLockedUntil(ctx, accountThrottleKey('clear@example.org'))).toBeNull();
    for (let i = 0; i < 4; i++) await expect(attempt(ctx, 'clear@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt(ctx, 'clear@example.org', PASSWORD)).resolves.toMatchObject({ email: 'clear@example.org' });
  });

  it('counts failures per account whatever the capitalisation of the email', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'case@example.org');
    for (const email of ['CASE@example.org', ' case@EXAMPLE.org', 'Case@Example.org', 'case@example.org', 'CASE@EXAMPLE.ORG']) {
      await expect(attempt(ctx, email, 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(attempt(ctx, 'case@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED' });
  });

  it('limits one client across many different accounts, without locking other clients out', async () => {
    const ctx = authContext(t, { LOGIN_MAX_FAILURES_PER_CLIENT: '6' });
    await staff(ctx, 'sprayed@example.org');
    const sprayer = '192.0.2.50';
    for (let i = 0; i < 6; i++) {
      await expect(attempt(ctx, `nobody-${i}@example.org`, 'Summer2030!', sprayer)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }
    await expect(attempt(ctx, 'sprayed@example.org', PASSWORD, sprayer)).rejects.toMatchObject({ code: 'THROTTLED' });
    await expect(attempt(ctx, 'sprayed@example.org', PASSWORD, '192.0.2.51')).resolves.toMatchObject({ email: 'sprayed@example.org' });
    ctx.clock.advance(15 * MINUTE);
    await expect(attempt(ctx, 'sprayed@example.org', PASSWORD, sprayer)).resolves.toMatchObject({ email: 'sprayed@example.org' });
  });

  it('shares the counters between app instances with their own database connections', async () => {
    const other = createDb(t.url, { max: 2 });
    try {
      const first = authContext(t);
      const second = { ...authContext(t), db: other.db, clock: first.clock, client: first.client };
      await staff(first, 'shared@example.org');
      for (let i = 0; i < 5; i++) {
        const instance = i % 2 === 0 ? first : second;
        await expect(attempt(instance, 'shared@example.org', `guess-${i}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
      }
      await expect(attempt(second, 'shared@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED' });
      await expect(attempt(first, 'shared@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED' });
    } finally {
      await other.close();
    }
  });

  it('lets no more than the limit of parallel guesses reach the password check', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'burst@example.org');
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => attempt(ctx, 'burst@example.org', i === 29 ? PASSWORD : `guess-${i}`, `198.18.0.${i}`)),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS' || c === 'OK').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'THROTTLED').length).toBeGreaterThanOrEqual(25);
    await expect(attempt(ctx, 'burst@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED' });
  });

  it('forgets failures older than the window', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'window@example.org');
    for (let i = 0; i < 4; i++) await expect(attempt(ctx, 'window@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    ctx.clock.advance(16 * MINUTE);
    for (let i = 0; i < 4; i++) await expect(attempt(ctx, 'window@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt(ctx, 'window@example.org', PASSWORD)).resolves.toMatchObject({ email: 'window@example.org' });
  });

  it('starts counting again after a lock has ended', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'again@example.org');
    for (let i = 0; i < 5; i++) await expect(attempt(ctx, 'again@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    ctx.clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++) await expect(attempt(ctx, 'again@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt(ctx, 'again@example.org', 'wrong password')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await expect(attempt(ctx, 'again@example.org', PASSWORD)).rejects.toMatchObject({ code: 'THROTTLED' });
  });
});

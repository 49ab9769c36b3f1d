// The sign-in throttle on real Postgres: per account-and-client locks that never block another client, growing
// delays (never a lock) per account, the per-client limit across accounts, atomic counting of parallel guesses,
// and the audit entries of locks, which name the account by id only.
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { auditLog, authThrottle } from '@/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { accountThrottleKey } from '@/lib/auth/throttle-rules';
import { createUser } from '@/lib/auth/users';
import { useTestDb } from '../../support/test-db';
import { authContext, MINUTE } from './helpers';

const t = useTestDb();

const PASSWORD = 'correct horse battery staple';
const SECOND = 1000;
type Ctx = ReturnType<typeof authContext>;

async function staff(ctx: Ctx, email: string) {
  return createUser(ctx, { email, name: 'Staff', password: PASSWORD, role: 'organizer' });
}

function attempt(ctx: Ctx, email: string, password: string, clientKey = ctx.client) {
  return authenticate(ctx, { email, password, clientKey });
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { code?: string }) => e.code ?? String(e),
  );

/** Fails n times on the account, each from a client of its own (so no pair lock gets in the way). */
async function spray(ctx: Ctx, email: string, n: number, tag: string) {
  for (let i = 0; i < n; i++)
    expect(await code(attempt(ctx, email, `guess-${i}`, `${tag}-${i}`))).toBe('INVALID_CREDENTIALS');
}

async function audits(action: string, targetId?: string) {
  return t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), targetId ? eq(auditLog.targetId, targetId) : undefined));
}

describe('per account and client', () => {
  it('locks one client out of an account after 5 failures, never the same account from another client', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'pair@example.org');
    for (let i = 0; i < 5; i++)
      expect(await code(attempt(ctx, 'pair@example.org', `guess-${i}`, '203.0.113.1'))).toBe('INVALID_CREDENTIALS');
    await expect(attempt(ctx, 'pair@example.org', PASSWORD, '203.0.113.1')).rejects.toMatchObject({
      code: 'THROTTLED',
      message: 'Too many failed attempts. Try again in 15 minutes.',
      retryAfterSeconds: 15 * 60,
    });
    await expect(attempt(ctx, 'pair@example.org', PASSWORD, '203.0.113.2')).resolves.toMatchObject({
      email: 'pair@example.org',
    });
    // The locked client stays locked (the owner's success elsewhere does not free it) until the lock ends.
    expect(await code(attempt(ctx, 'pair@example.org', PASSWORD, '203.0.113.1'))).toBe('THROTTLED');
    ctx.clock.advance(15 * MINUTE);
    await expect(attempt(ctx, 'pair@example.org', PASSWORD, '203.0.113.1')).resolves.toMatchObject({
      email: 'pair@example.org',
    });
  });

  it('counts a pair whatever the capitalisation of the email', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'case@example.org');
    for (const email of [
      'CASE@example.org',
      ' case@EXAMPLE.org',
      'Case@Example.org',
      'case@example.org',
      'CASE@EXAMPLE.ORG',
    ]) {
      expect(await code(attempt(ctx, email, 'wrong password'))).toBe('INVALID_CREDENTIALS');
    }
    expect(await code(attempt(ctx, 'case@example.org', PASSWORD))).toBe('THROTTLED');
  });

  it('forgets failures older than the window, and starts again after a lock has ended', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'window@example.org');
    for (let i = 0; i < 4; i++)
      expect(await code(attempt(ctx, 'window@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    ctx.clock.advance(16 * MINUTE);
    for (let i = 0; i < 4; i++)
      expect(await code(attempt(ctx, 'window@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    expect(await code(attempt(ctx, 'window@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    expect(await code(attempt(ctx, 'window@example.org', PASSWORD))).toBe('THROTTLED');
    ctx.clock.advance(15 * MINUTE);
    for (let i = 0; i < 4; i++)
      expect(await code(attempt(ctx, 'window@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    await expect(attempt(ctx, 'window@example.org', PASSWORD)).resolves.toMatchObject({ email: 'window@example.org' });
  });

  it('clears the pair after a successful sign-in', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'clear@example.org');
    for (let i = 0; i < 4; i++)
      expect(await code(attempt(ctx, 'clear@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    await attempt(ctx, 'clear@example.org', PASSWORD);
    for (let i = 0; i < 4; i++)
      expect(await code(attempt(ctx, 'clear@example.org', 'wrong password'))).toBe('INVALID_CREDENTIALS');
    await expect(attempt(ctx, 'clear@example.org', PASSWORD)).resolves.toMatchObject({ email: 'clear@example.org' });
  });
});

describe('per account, from every client', () => {
  it('spaces attempts by growing delays after 10 failures instead of locking, and lets the owner in after the delay', async () => {
    const ctx = authContext(t);
    const owner = await staff(ctx, 'slow@example.org');
    await spray(ctx, 'slow@example.org', 10, 'bot');
    const waits: number[] = [];
    for (let round = 0; round < 6; round++) {
      // The owner, from a clean client, is told to wait; the wait grows with every guess that got through.
      const refused = await attempt(ctx, 'slow@example.org', PASSWORD, '198.18.1.1').catch(
        (e: { code: string; retryAfterSeconds: number }) => e,
      );
      expect(refused).toMatchObject({ code: 'THROTTLED' });
      waits.push((refused as { retryAfterSeconds: number }).retryAfterSeconds);
      ctx.clock.advance(waits.at(-1)! * SECOND);
      expect(await code(attempt(ctx, 'slow@example.org', 'another guess', `late-bot-${round}`))).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    expect(waits).toEqual([30, 60, 120, 240, 300, 300]);
    const last = await attempt(ctx, 'slow@example.org', PASSWORD, '198.18.1.1').catch(
      (e: { retryAfterSeconds: number }) => e,
    );
    ctx.clock.advance((last as { retryAfterSeconds: number }).retryAfterSeconds * SECOND);
    await expect(attempt(ctx, 'slow@example.org', PASSWORD, '198.18.1.1')).resolves.toMatchObject({ id: owner.id });
    // Signing in ends the delays.
    await spray(ctx, 'slow@example.org', 9, 'after');
    await expect(attempt(ctx, 'slow@example.org', PASSWORD, '198.18.1.2')).resolves.toMatchObject({ id: owner.id });
  });

  it('does not count attempts it refused against the waiting client', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'patient@example.org');
    await spray(ctx, 'patient@example.org', 10, 'bot');
    // More refused tries than the pair limit, from the owner's client: none of them is a guess.
    for (let i = 0; i < 8; i++)
      expect(await code(attempt(ctx, 'patient@example.org', PASSWORD, '198.18.2.2'))).toBe('THROTTLED');
    ctx.clock.advance(30 * SECOND);
    await expect(attempt(ctx, 'patient@example.org', PASSWORD, '198.18.2.2')).resolves.toMatchObject({
      email: 'patient@example.org',
    });
  });

  it('starts from the free attempts again only after a quiet window', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'quiet@example.org');
    await spray(ctx, 'quiet@example.org', 10, 'bot');
    ctx.clock.advance(14 * MINUTE);
    expect(await code(attempt(ctx, 'quiet@example.org', 'guess', 'bot-late'))).toBe('INVALID_CREDENTIALS');
    expect(await code(attempt(ctx, 'quiet@example.org', 'guess', 'bot-later'))).toBe('THROTTLED');
    ctx.clock.advance(16 * MINUTE);
    await spray(ctx, 'quiet@example.org', 9, 'fresh');
    await expect(attempt(ctx, 'quiet@example.org', PASSWORD, 'owner')).resolves.toMatchObject({
      email: 'quiet@example.org',
    });
  });
});

describe('per client, across accounts', () => {
  it('limits one client spraying many accounts, without locking other clients out', async () => {
    const ctx = authContext(t, { LOGIN_MAX_FAILURES_PER_CLIENT: '6' });
    await staff(ctx, 'sprayed@example.org');
    const sprayer = '192.0.2.50';
    for (let i = 0; i < 6; i++)
      expect(await code(attempt(ctx, `nobody-${i}@example.org`, 'Summer2030!', sprayer))).toBe('INVALID_CREDENTIALS');
    expect(await code(attempt(ctx, 'sprayed@example.org', PASSWORD, sprayer))).toBe('THROTTLED');
    await expect(attempt(ctx, 'sprayed@example.org', PASSWORD, '192.0.2.51')).resolves.toMatchObject({
      email: 'sprayed@example.org',
    });
    ctx.clock.advance(15 * MINUTE);
    await expect(attempt(ctx, 'sprayed@example.org', PASSWORD, sprayer)).resolves.toMatchObject({
      email: 'sprayed@example.org',
    });
  });
});

describe('counting', () => {
  it('shares the counters between app instances with their own database connections', async () => {
    const other = createDb(t.url, { max: 2 });
    try {
      const first = authContext(t);
      const second = { ...authContext(t), db: other.db, clock: first.clock, client: first.client };
      await staff(first, 'shared@example.org');
      for (let i = 0; i < 5; i++) {
        expect(await code(attempt(i % 2 === 0 ? first : second, 'shared@example.org', `guess-${i}`))).toBe(
          'INVALID_CREDENTIALS',
        );
      }
      expect(await code(attempt(second, 'shared@example.org', PASSWORD))).toBe('THROTTLED');
      expect(await code(attempt(first, 'shared@example.org', PASSWORD))).toBe('THROTTLED');
    } finally {
      await other.close();
    }
  });

  it('lets no more than the pair limit of parallel guesses from one client reach the password check', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'burst@example.org');
    // Wrong guesses only: a right password among them would clear the pair's count (as a real sign-in does) and,
    // depending on the order the burst is served in, let a second round of guesses through.
    const codes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => code(attempt(ctx, 'burst@example.org', `guess-${i}`))),
    );
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 'THROTTLED').length).toBeGreaterThanOrEqual(25);
    expect(await code(attempt(ctx, 'burst@example.org', PASSWORD))).toBe('THROTTLED');
  });

  it('lets no more than the account limit of parallel guesses from many clients reach the password check', async () => {
    const ctx = authContext(t);
    await staff(ctx, 'swarm@example.org');
    const codes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => code(attempt(ctx, 'swarm@example.org', `guess-${i}`, `198.18.3.${i}`))),
    );
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS').length).toBeLessThanOrEqual(10);
    expect(codes.filter((c) => c === 'THROTTLED').length).toBeGreaterThanOrEqual(30);
    expect(codes.every((c) => c === 'INVALID_CREDENTIALS' || c === 'THROTTLED')).toBe(true);
  });
});

describe('audit', () => {
  it("records each pair lock and the start of an account's delays, by account id, with no email or address", async () => {
    const ctx = authContext(t);
    const user = await staff(ctx, 'audited@example.org');
    for (let i = 0; i < 5; i++) await code(attempt(ctx, 'audited@example.org', `guess-${i}`, '203.0.113.77'));
    for (let i = 0; i < 3; i++) await code(attempt(ctx, 'audited@example.org', 'guess', '203.0.113.77'));
    const locks = await audits('auth.pair_locked', user.id);
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatchObject({ actorType: 'system', targetType: 'user', targetId: user.id });
    await spray(ctx, 'audited@example.org', 5, 'bot');
    const delays = await audits('auth.account_delayed', user.id);
    expect(delays).toHaveLength(1);
    for (const entry of [...locks, ...delays]) {
      expect(JSON.stringify(entry)).not.toMatch(/audited@|203\.0\.113|bot-/);
    }
  });

  it("locks a made-up account's pair like a real one, without an audit entry to name it", async () => {
    const ctx = authContext(t);
    for (let i = 0; i < 5; i++)
      expect(await code(attempt(ctx, 'ghost@example.org', `guess-${i}`))).toBe('INVALID_CREDENTIALS');
    expect(await code(attempt(ctx, 'ghost@example.org', 'guess'))).toBe('THROTTLED');
    const rows = await t.db.select().from(auditLog).where(like(auditLog.summary, '%ghost%'));
    expect(rows).toEqual([]);
    const [account] = await t.db
      .select()
      .from(authThrottle)
      .where(eq(authThrottle.key, accountThrottleKey('ghost@example.org')));
    expect(account?.failures).toBe(5);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { accountTokens, users } from '@/db/schema';
import {
  createInvitationToken,
  createOwnerSetupToken,
  describeAccountToken,
  hashToken,
  redeemAccountToken,
} from '@/lib/auth/account-tokens';
import { authenticate } from '@/lib/auth/authenticate';
import { hashPassword } from '@/lib/auth/passwords';
import { ensureOwnerSetupLink } from '@/lib/auth/setup-link';
import { useTestDb } from '../../support/test-db';
import { authContext } from './helpers';

const t = useTestDb();
// Owner set-up depends on there being no owner, so every test starts without accounts.
beforeEach(async () => {
  await t.db.delete(accountTokens);
  await t.db.delete(users);
});

const PASSWORD = 'the owner passphrase';

describe('account tokens', () => {
  it('prints an owner set-up link only while no account exists, and stores only the hash of its secret', async () => {
    const ctx = authContext(t, { APP_URL: 'https://tickets.example.org/' });
    const link = await ensureOwnerSetupLink(ctx);
    expect(link).toMatch(/^https:\/\/tickets\.example\.org\/setup\/[A-Za-z0-9_-]{43}$/);
    const token = link!.split('/').pop()!;
    const rows = await t.db.select().from(accountTokens);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tokenHash: hashToken(token), purpose: 'owner_setup', role: 'owner', email: null });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - ctx.clock.now().getTime()).toBe(24 * 60 * 60 * 1000);

    await redeemAccountToken(ctx, { token, name: 'Olu', email: 'Olu@Example.org', password: PASSWORD });
    expect(await ensureOwnerSetupLink(ctx)).toBeNull();
    await expect(
      authenticate(ctx, { email: 'olu@example.org', password: PASSWORD, clientKey: '198.51.100.1' }),
    ).resolves.toMatchObject({ role: 'owner', name: 'Olu' });
  });

  it('redeems an invitation once, with the invited email and role; a second use is refused', async () => {
    const ctx = authContext(t);
    const { token } = await createInvitationToken(ctx, { email: 'Door@Example.org', role: 'checkin' });
    expect(await describeAccountToken(ctx, token)).toMatchObject({
      purpose: 'invitation',
      role: 'checkin',
      email: 'door@example.org',
    });
    const user = await redeemAccountToken(ctx, {
      token,
      name: 'Door staff',
      password: 'door staff password',
      email: 'someone-else@example.org',
    });
    expect(user).toMatchObject({ email: 'door@example.org', role: 'checkin' });
    await expect(
      redeemAccountToken(ctx, { token, name: 'Again', password: 'door staff password' }),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    expect(await describeAccountToken(ctx, token)).toBeNull();
  });

  it('lets only one of two simultaneous redemptions of the same link through', async () => {
    const ctx = authContext(t);
    const { token } = await createInvitationToken(ctx, { email: 'twice@example.org', role: 'organizer' });
    const results = await Promise.allSettled([
      redeemAccountToken(ctx, { token, name: 'One', password: 'first passphrase' }),
      redeemAccountToken(ctx, { token, name: 'Two', password: 'second passphrase' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'TOKEN_INVALID' } });
  });

  it('refuses an expired link', async () => {
    const ctx = authContext(t);
    const { token } = await createInvitationToken(ctx, { email: 'late@example.org', role: 'organizer' });
    ctx.clock.advance(24 * 60 * 60 * 1000);
    await expect(redeemAccountToken(ctx, { token, name: 'Late', password: 'a late passphrase' })).rejects.toMatchObject(
      { code: 'TOKEN_INVALID' },
    );
    expect(await describeAccountToken(ctx, token)).toBeNull();
  });

  it('refuses unknown and malformed tokens', async () => {
    const ctx = authContext(t);
    await expect(
      redeemAccountToken(ctx, { token: 'A'.repeat(43), name: 'X', password: 'a long passphrase' }),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    await expect(
      redeemAccountToken(ctx, { token: "'; drop table users; --", name: 'X', password: 'a long passphrase' }),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('refuses the owner set-up once an owner exists', async () => {
    const ctx = authContext(t);
    const first = await createOwnerSetupToken(ctx);
    const second = await createOwnerSetupToken(ctx);
    await redeemAccountToken(ctx, {
      token: first.token,
      name: 'Owner',
      email: 'owner@example.org',
      password: PASSWORD,
    });
    await expect(
      redeemAccountToken(ctx, {
        token: second.token,
        name: 'Intruder',
        email: 'intruder@example.org',
        password: PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
  });

  it('creates exactly one owner when two set-up links are redeemed at the same moment', async () => {
    const ctx = authContext(t);
    const [a, b] = await Promise.all([createOwnerSetupToken(ctx), createOwnerSetupToken(ctx)]);
    const results = await Promise.allSettled([
      redeemAccountToken(ctx, { token: a.token, name: 'A', email: 'a@example.org', password: PASSWORD }),
      redeemAccountToken(ctx, { token: b.token, name: 'B', email: 'b@example.org', password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await t.db.select().from(users)).toHaveLength(1);
  });

  it('asks the owner for an email and validates the password, and keeps the link usable after a mistake', async () => {
    const ctx = authContext(t);
    const { token } = await createOwnerSetupToken(ctx);
    await expect(redeemAccountToken(ctx, { token, name: 'Owner', password: PASSWORD })).rejects.toMatchObject({
      code: 'VALIDATION',
      fieldErrors: { email: expect.any(Array) },
    });
    await expect(
      redeemAccountToken(ctx, { token, name: 'Owner', email: 'owner@example.org', password: 'short' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fieldErrors: { password: expect.any(Array) } });
    await expect(
      redeemAccountToken(ctx, { token, name: 'Owner', email: 'owner@example.org', password: PASSWORD }),
    ).resolves.toMatchObject({ role: 'owner' });
  });

  it('checks the link before hashing the password: a wrong, used or expired link never reaches the hash', async () => {
    const ctx = authContext(t);
    const hashed: string[] = [];
    const hasher = async (password: string) => {
      hashed.push(password);
      return hashPassword(password);
    };
    const used = await createInvitationToken(ctx, { email: 'used@example.org', role: 'organizer' });
    await redeemAccountToken(ctx, { token: used.token, name: 'Used', password: 'the first passphrase' }, hasher);
    expect(hashed).toEqual(['the first passphrase']);

    const stale = await createInvitationToken(ctx, { email: 'stale@example.org', role: 'organizer' });
    const owner = await createOwnerSetupToken(ctx);
    await redeemAccountToken(
      ctx,
      { token: owner.token, name: 'Owner', email: 'owner@example.org', password: PASSWORD },
      hasher,
    );
    const second = await createOwnerSetupToken(ctx);
    ctx.clock.advance(24 * 60 * 60 * 1000);
    const attempts: [string, unknown][] = [
      ['unknown', 'A'.repeat(43)],
      ['malformed', 'x'],
      ['not text', 42],
      ['used', used.token],
      ['expired', stale.token],
      ['owner exists', second.token],
    ];
    for (const [why, token] of attempts) {
      const input = {
        token,
        name: 'Someone',
        email: 'someone@example.org',
        password: `${why} passphrase`,
      } as Parameters<typeof redeemAccountToken>[1];
      await expect(redeemAccountToken(ctx, input, hasher), why).rejects.toMatchObject({ code: 'TOKEN_INVALID' });
    }
    expect(hashed).toEqual(['the first passphrase', PASSWORD]);
  });

  it('does not invite an email that already has an account', async () => {
    const ctx = authContext(t);
    const { token } = await createInvitationToken(ctx, { email: 'taken@example.org', role: 'organizer' });
    await redeemAccountToken(ctx, { token, name: 'Taken', password: 'a long passphrase' });
    await expect(createInvitationToken(ctx, { email: 'taken@example.org', role: 'checkin' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(createInvitationToken(ctx, { email: 'new@example.org', role: 'superuser' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

// Inviting a member of staff also emails them: the outbox row holds the invitation's id only, and composing it
// issues a fresh one-time link for the same address and role. Either link makes the account; the invitation is
// then no longer pending, and an invitation used or expired before the email goes out sends nothing.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountTokens, auditLog, emailMessages, users } from '@/db/schema';
import { inviteStaff, listPendingInvitations } from '@/lib/staff/users';
import { staffActor } from '@/lib/audit/record';
import { describeAccountToken, redeemAccountToken } from '@/lib/auth/account-tokens';
import { createUser } from '@/lib/auth/users';
import { composeEmail } from '@/lib/email/compose';
import { DomainError } from '@/lib/errors';
import { authContext } from '../auth/helpers';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
const PASSWORD = 'a long enough password';

beforeEach(async () => {
  await t.db.delete(emailMessages);
  await t.db.delete(auditLog);
  await t.db.delete(accountTokens);
  await t.db.delete(users);
});

async function invite(email: string) {
  const ctx = authContext(t, { APP_URL: 'https://tickets.example.org' });
  const owner = await createUser(ctx, { email: 'owner@example.org', name: 'Owner', password: PASSWORD, role: 'owner' });
  const invitation = await inviteStaff(
    ctx,
    { id: owner.id, actor: staffActor(owner) },
    { email, role: 'accessibility' },
  );
  const [message] = await t.db.select().from(emailMessages).where(eq(emailMessages.kind, 'staff_invitation'));
  return { ctx, invitation, message: message! };
}

describe('staff invitation email', () => {
  it('emails a fresh one-time link that creates the account, with no secret in the outbox', async () => {
    const { ctx, invitation, message } = await invite('Access@Example.org');
    expect(message).toMatchObject({ toEmail: 'access@example.org', status: 'queued' });
    const shownToken = invitation.url.split('/').pop()!;
    expect(JSON.stringify(message)).not.toContain(shownToken);

    const composed = await composeEmail(ctx, message);
    expect(composed?.subject).toBe('Your invitation to the registration team');
    expect(composed?.text).toContain('Accessibility team');
    expect(composed?.text).not.toMatch(/addiction|recovery/i);
    const emailed = /\/setup\/([A-Za-z0-9_-]{43})/.exec(composed!.text)![1]!;
    expect(emailed).not.toBe(shownToken);
    expect(await describeAccountToken(ctx, emailed)).toMatchObject({
      purpose: 'invitation',
      email: 'access@example.org',
      role: 'accessibility',
    });
    expect(await listPendingInvitations(ctx)).toHaveLength(1);

    await redeemAccountToken(ctx, { token: emailed, name: 'Access', password: PASSWORD });
    expect(await listPendingInvitations(ctx)).toEqual([]);
    // The link the owner was shown cannot make a second account.
    await expect(
      redeemAccountToken(ctx, { token: shownToken, name: 'Again', password: PASSWORD }),
    ).rejects.toBeInstanceOf(DomainError);
    // Composing again (a retry) sends nothing now that the address has an account.
    expect(await composeEmail(ctx, message)).toBeNull();
  });

  it('sends nothing for an invitation already used', async () => {
    const { ctx, invitation, message } = await invite('late@example.org');
    await redeemAccountToken(ctx, { token: invitation.url.split('/').pop()!, name: 'Late', password: PASSWORD });
    expect(await composeEmail(ctx, message)).toBeNull();
  });

  it('sends nothing for an invitation that expired before the email went out', async () => {
    const { ctx, message } = await invite('expired@example.org');
    await t.db
      .update(accountTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(accountTokens.email, 'expired@example.org'));
    expect(await composeEmail(ctx, message)).toBeNull();
    expect(await t.db.select().from(accountTokens).where(eq(accountTokens.email, 'expired@example.org'))).toHaveLength(
      1,
    );
  });
});

// One-time links that create a staff account: the owner set-up link (first start, no users yet) and invitations.
// Only the SHA-256 of the 32-byte secret is stored; a token works once, before it expires, in one transaction
// with the creation of the user.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { accountTokens, users, type UserRole } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { hashPassword } from './passwords';
import { emailSchema, insertUser, nameSchema, newPasswordSchema, USER_ROLES, type StaffUser } from './users';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const ACCOUNT_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
export const TOKEN_INVALID_MESSAGE =
  'This link is not valid any more: it was already used, has expired or is incomplete. Ask for a new one.';
// Serialises owner set-ups, so two set-up links redeemed at once cannot both create an owner.
const OWNER_SETUP_LOCK = 727_001;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function issueToken(
  ctx: Ctx,
  values: { purpose: 'owner_setup' | 'invitation'; role: UserRole; email: string | null },
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + ACCOUNT_TOKEN_TTL_MS);
  await ctx.db.insert(accountTokens).values({ ...values, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

/** A link secret for creating the first owner. The caller decides when that is appropriate (see setup-link.ts). */
export function createOwnerSetupToken(ctx: Ctx): Promise<{ token: string; expiresAt: Date }> {
  return issueToken(ctx, { purpose: 'owner_setup', role: 'owner', email: null });
}

const invitationSchema = z.object({
  email: emailSchema,
  role: z.enum(USER_ROLES, { error: `Choose a role: ${USER_ROLES.join(', ')}.` }),
});

/** A link secret inviting one email address to create an account with the given role. */
export async function createInvitationToken(
  ctx: Ctx,
  input: { email: string; role: string },
): Promise<{ token: string; expiresAt: Date }> {
  const { email, role } = parseInput(invitationSchema, input);
  const [existing] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing)
    throw new DomainError('CONFLICT', 'An account with this email address already exists.', {
      email: ['An account with this email address already exists.'],
    });
  return issueToken(ctx, { purpose: 'invitation', role, email });
}

export interface AccountTokenInfo {
  purpose: 'owner_setup' | 'invitation';
  role: UserRole;
  /** Fixed for invitations; null for the owner set-up, where the owner chooses it. */
  email: string | null;
  expiresAt: Date;
}

const tokenShape = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

function usable(ctx: Ctx, token: string) {
  return and(
    eq(accountTokens.tokenHash, hashToken(token)),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, ctx.clock.now()),
  );
}

/** What a still usable token is for, so the set-up page can show it; null if it cannot be redeemed. */
export async function describeAccountToken(ctx: Ctx, token: string): Promise<AccountTokenInfo | null> {
  if (!tokenShape.safeParse(token).success) return null;
  const [row] = await ctx.db
    .select({
      purpose: accountTokens.purpose,
      role: accountTokens.role,
      email: accountTokens.email,
      expiresAt: accountTokens.expiresAt,
    })
    .from(accountTokens)
    .where(usable(ctx, token));
  return row ?? null;
}

const redeemSchema = z.object({
  token: z.string(),
  name: nameSchema,
  password: newPasswordSchema,
  email: emailSchema.optional(),
});
export type RedeemAccountTokenInput = z.input<typeof redeemSchema>;

/** What the slow password hash is, replaceable so a test can see whether it ran. */
export type PasswordHasher = (password: string) => Promise<string>;

/**
 * Creates the account a token stands for and marks the token used, in one transaction. Used, expired and unknown
 * tokens, and an owner set-up once any owner exists, are refused with TOKEN_INVALID. The owner set-up needs an email.
 * The token is checked before the password is hashed, so a wrong link costs one indexed read, never argon2's work;
 * it is checked again under the row lock, since it may be redeemed in between.
 */
export async function redeemAccountToken(
  ctx: Ctx,
  input: RedeemAccountTokenInput,
  hasher: PasswordHasher = hashPassword,
): Promise<StaffUser> {
  const token = typeof input.token === 'string' ? input.token : '';
  const info = await describeAccountToken(ctx, token);
  if (!info) throw new DomainError('TOKEN_INVALID', TOKEN_INVALID_MESSAGE);
  if (info.purpose === 'owner_setup' && (await ownerExists(ctx.db)))
    throw new DomainError('TOKEN_INVALID', OWNER_EXISTS_MESSAGE);
  const data = parseInput(redeemSchema, input);
  if (!info.email && !data.email) throw missingEmail();
  // The slow hash runs before the transaction, so no row lock waits on it.
  const passwordHash = await hasher(data.password);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(accountTokens).where(usable(ctx, data.token)).for('update');
    if (!row) throw new DomainError('TOKEN_INVALID', TOKEN_INVALID_MESSAGE);
    if (row.purpose === 'owner_setup') {
      await tx.execute(sql`select pg_advisory_xact_lock(${OWNER_SETUP_LOCK})`);
      if (await ownerExists(tx)) throw new DomainError('TOKEN_INVALID', OWNER_EXISTS_MESSAGE);
    }
    const email = row.email ?? data.email;
    if (!email) throw missingEmail();
    const user = await insertUser(tx, { email, name: data.name, role: row.role, passwordHash });
    await tx.update(accountTokens).set({ usedAt: ctx.clock.now() }).where(eq(accountTokens.id, row.id));
    return user;
  });
}

const missingEmail = () =>
  new DomainError('VALIDATION', 'Please correct the highlighted fields.', { email: ['Enter your email address.'] });
const OWNER_EXISTS_MESSAGE = 'The owner account has already been created. Sign in, or ask the owner for an invitation.';

async function ownerExists(db: DbOrTx): Promise<boolean> {
  const [owner] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'owner')).limit(1);
  return owner !== undefined;
}

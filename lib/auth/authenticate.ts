// Email-and-password sign-in: throttle first (lib/auth/throttle.ts), then verify, then count the result. The answer
// never says whether the account exists: unknown emails take the same path, including a full argon2 verification
// (the account is looked up first only so that its locks can be audited by id).
import { z } from 'zod';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { verifyPassword } from './passwords';
import { beginSignInAttempt, recordSignInFailure, recordSignInSuccess } from './throttle';
import { MAX_PASSWORD_LENGTH } from './password-policy';
import { emailSchema, findUserForSignIn, toStaffUser, type StaffUser } from './users';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export const WRONG_CREDENTIALS_MESSAGE = 'Wrong email or password.';

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, { error: 'Enter your password.' })
    .max(MAX_PASSWORD_LENGTH, { error: WRONG_CREDENTIALS_MESSAGE }),
});

export interface AuthenticateInput {
  email: string;
  password: string;
  /** Who is asking, for the per-client limits: a key from clientKey() (lib/auth/client-key.ts), or "unknown". */
  clientKey: string;
}

/** The signed-in user, or DomainError INVALID_CREDENTIALS / THROTTLED (a ThrottledError saying when to retry). */
export async function authenticate(ctx: Ctx, input: AuthenticateInput): Promise<StaffUser> {
  const { email, password } = parseInput(credentialsSchema, input);
  const user = await findUserForSignIn(ctx, email);
  const attempt = await beginSignInAttempt(ctx, {
    email,
    client: input.clientKey.slice(0, 100) || 'unknown',
    accountId: user?.id ?? null,
  });
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid) {
    await recordSignInFailure(ctx, attempt);
    throw new DomainError('INVALID_CREDENTIALS', WRONG_CREDENTIALS_MESSAGE);
  }
  await recordSignInSuccess(ctx, attempt);
  return toStaffUser(user);
}

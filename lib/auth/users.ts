// Staff accounts: creation with a validated, normalised email and an argon2id password hash, and lookups that
// never hand the hash to callers outside lib/auth.
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { userRole, users, type User, type UserRole } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { FORBIDDEN_IN_LINE } from '../text';
import { parseInput } from '../validation';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password-policy';
import { hashPassword } from './passwords';

type Ctx = Pick<AppContext, 'db'>;

export const USER_ROLES = userRole.enumValues;

export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: 'Enter a valid email address, like name@example.org.' })
      .max(254, { error: 'That email address is too long.' }),
  );

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(MAX_PASSWORD_LENGTH, { error: `Use at most ${MAX_PASSWORD_LENGTH} characters.` });

export const nameSchema = z
  .string({ error: 'Enter your name.' })
  .trim()
  .min(1, { error: 'Enter your name.' })
  .max(120, { error: 'Use at most 120 characters.' })
  .refine((v) => !FORBIDDEN_IN_LINE.test(v), { error: 'The name contains characters that are not allowed.' });

export const createUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
  role: z.enum(USER_ROLES, { error: 'Choose a role.' }),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

/** A staff account as the rest of the app sees it: everything but the password hash. */
export type StaffUser = Omit<User, 'passwordHash'>;

export function toStaffUser({ passwordHash: _hash, ...user }: User): StaffUser {
  return user;
}

/** Inserts an already validated user; shared with token redemption, which runs it inside its transaction. */
export async function insertUser(
  db: DbOrTx,
  input: { email: string; name: string; passwordHash: string; role: UserRole },
): Promise<StaffUser> {
  const [row] = await db.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning();
  if (!row) {
    throw new DomainError('CONFLICT', 'An account with this email address already exists.', {
      email: ['An account with this email address already exists.'],
    });
  }
  return toStaffUser(row);
}

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<StaffUser> {
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return insertUser(ctx.db, { email: data.email, name: data.name, role: data.role, passwordHash });
}

export async function getUserById(ctx: Ctx, id: string): Promise<StaffUser | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await ctx.db.select().from(users).where(eq(users.id, id));
  return row ? toStaffUser(row) : null;
}

/** The full row, hash included, for the sign-in check only. `email` must already be normalised. */
export async function findUserForSignIn(ctx: Ctx, email: string): Promise<User | null> {
  const [row] = await ctx.db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function countUsers(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

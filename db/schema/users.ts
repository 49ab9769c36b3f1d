// Staff accounts (organizers and their helpers), one-time account tokens and the sign-in throttle.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['owner', 'organizer', 'checkin', 'accessibility']);
export const accountTokenPurpose = pgEnum('account_token_purpose', ['owner_setup', 'invitation']);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull().default(''),
    passwordHash: text(),
    role: userRole().notNull(),
    // Bumped to revoke every session issued before (password change, removal).
    sessionVersion: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('users_email_lowercase', sql`${t.email} = lower(${t.email})`)],
);

export const accountTokens = pgTable('account_tokens', {
  id: uuid().primaryKey().defaultRandom(),
  // SHA-256 of the secret sent in the link; the secret itself is never stored.
  tokenHash: text().notNull().unique(),
  purpose: accountTokenPurpose().notNull(),
  email: text(),
  role: userRole().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  usedAt: timestamp({ withTimezone: true }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Failed sign-in counters per client, per account and client pair, and per account, shared by every instance.
// Keys (lib/auth/throttle.ts): "client:<client>", "pair:<account>|<client>" and "account:<account>".
export const authThrottle = pgTable(
  'auth_throttle',
  {
    key: text().primaryKey(),
    // The normalised email of pair and account keys, so an owner can clear an account's locks in one statement.
    account: text(),
    failures: integer().notNull().default(0),
    // Client and pair keys: when the counting window began. Account keys: the last counted attempt.
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    // Client and pair keys: the end of a lock. Account keys: when the next attempt may come (the growing delay).
    lockedUntil: timestamp({ withTimezone: true }),
  },
  (t) => [index('auth_throttle_account').on(t.account)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
export type AccountToken = typeof accountTokens.$inferSelect;

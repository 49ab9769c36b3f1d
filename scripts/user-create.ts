// `npm run user:create`: one-time links for staff accounts, from a shell.
//   npm run user:create                                   the owner set-up link, while no account exists
//   npm run user:create -- --email ana@example.org --role organizer   an invitation link for that person
// It prints links only, never passwords: the person sets their own password when they open the link.
import { parseArgs } from 'node:util';
import { loadEnvConfig } from '@next/env';
import path from 'node:path';
import { createDb } from '../db/client';
import { systemClock } from '../lib/adapters/clock';
import { createInvitationToken } from '../lib/auth/account-tokens';
import { accountLinkUrl, ensureOwnerSetupLink } from '../lib/auth/setup-link';
import { countUsers, USER_ROLES } from '../lib/auth/users';
import { parseEnv } from '../lib/env';
import { isDomainError } from '../lib/errors';
import { DEFAULT_EMBEDDED_PORT } from './lib/database';

const usage = `Usage:
  npm run user:create                                        owner set-up link (only while no account exists)
  npm run user:create -- --email <address> --role <role>     invitation link for one person
Roles: ${USER_ROLES.join(', ')}. Links work once and expire after 24 hours.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const root = path.resolve(__dirname, '..');
  loadEnvConfig(root, false, { info: () => {}, error: console.error });
  let args;
  try {
    args = parseArgs({
      options: { email: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  if (Boolean(args.email) !== Boolean(args.role)) fail(`Give both --email and --role.\n\n${usage}`);

  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/conference`;
    console.log(
      `DATABASE_URL is not set, so this uses the embedded database that \`npm start\` runs (${process.env.DATABASE_URL}).\n` +
        'Keep `npm start` running in another terminal, or set DATABASE_URL to your PostgreSQL.\n',
    );
  }
  const env = parseEnv(process.env);
  const handle = createDb(env.DATABASE_URL, { max: 1 });
  const ctx = { db: handle.db, clock: systemClock, config: env };
  try {
    if (args.email && args.role) {
      const { token, expiresAt } = await createInvitationToken(ctx, { email: args.email, role: args.role });
      console.log(
        `Invitation for ${args.email.trim().toLowerCase()} as ${args.role}. Send them this link (works once, until ${expiresAt.toISOString()}):\n`,
      );
      console.log(`  ${accountLinkUrl(env.APP_URL, token)}\n`);
      return;
    }
    const link = await ensureOwnerSetupLink(ctx);
    if (link) {
      console.log('No account exists yet. Create the owner account with this link (works once, for 24 hours):\n');
      console.log(`  ${link}\n`);
      return;
    }
    console.log(`${await countUsers(ctx)} account(s) exist already, so there is no owner set-up link.\n\n${usage}`);
  } catch (error) {
    if (isDomainError(error)) {
      const details = Object.values(error.fieldErrors).flat();
      fail(`${error.message}${details.length ? `\n  ${details.join('\n  ')}` : ''}`);
    }
    // drizzle wraps driver errors: the connection failure is the cause.
    const { code, cause } = error as { code?: string; cause?: { code?: string } };
    const reason = code ?? cause?.code;
    if (reason === 'ECONNREFUSED' || reason === '3D000' || reason === '42P01' || reason === '28P01') {
      fail(
        `Cannot use the database at ${redact(env.DATABASE_URL)} (${reason}). Is \`npm start\` running, or is DATABASE_URL right?`,
      );
    }
    throw error;
  } finally {
    await handle.close();
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});

// The whole environment, parsed once with zod. Everything else receives typed config, never process.env.
import { z } from 'zod';
import { parseVaultKey, VaultError, type VaultKey } from './vault';

const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

// A switch that is on unless set to false (or 0).
function vaultKey(text: string, issue: (message: string) => void): VaultKey | undefined {
  try {
    return parseVaultKey(text);
  } catch (error) {
    issue(error instanceof VaultError ? error.message : 'not a valid key');
    return undefined;
  }
}

// `<keyId>:<base64 of 32 bytes>` (or bare base64): the vault's current key, never logged.
const dataKey = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => (v ? vaultKey(v, (message) => ctx.addIssue({ code: 'custom', message })) : undefined));

// Comma-separated old keys, only for opening values sealed before a rotation.
const oldDataKeys = z
  .string()
  .optional()
  .transform((v, ctx) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((text, i) =>
        vaultKey(text, (message) => ctx.addIssue({ code: 'custom', message: `key ${i + 1}: ${message}` })),
      )
      .filter((k): k is VaultKey => k !== undefined),
  );

const boolDefaultTrue = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v !== 'false' && v !== '0');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // The deployment, which `next start` cannot tell us (it always runs with NODE_ENV=production):
  // production refuses test-only switches and the local demo providers unless explicitly enabled. Resolved in
  // parseEnv (resolveAppEnv below): an unknown value is production, and a public production site must say it.
  APP_ENV: z.string().optional(),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgres:// URL' }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  APP_URL: z.string().url().default('http://localhost:3000'),
  EVENT_SLUG: z.string().min(1).default('iac'),
  AUTH_SECRET: z.string().min(16).optional(),
  // A staff session ends this long after signing in, however active (the cookie's sliding expiry is 8 hours).
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Sign-in throttle (lib/auth/throttle.ts). One client on one account, and one client across accounts, are
  // locked for LOGIN_LOCK_MINUTES after these many failures; other clients are not affected.
  LOGIN_MAX_FAILURES_PER_ACCOUNT_CLIENT: z.coerce.number().int().min(1).default(5),
  // The sensitive-data vault (lib/privacy/vault.ts). Required when APP_ENV=production; `npm start` keeps a generated
  // one in .data/ otherwise. Old keys stay readable during a rotation (`npm run privacy:rotate-key`).
  DATA_ENCRYPTION_KEY: dataKey,
  DATA_ENCRYPTION_OLD_KEYS: oldDataKeys,
  // Retention (lib/rights/retention.ts), counted from the end of the event's last day: sensitive answers,
  // pronouns and access requests go after SENSITIVE_DATA_RETENTION_DAYS; attendees' and buyers' other personal
  // data is anonymized after PERSONAL_DATA_RETENTION_DAYS (accounting records stay).
  SENSITIVE_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(730),
  LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).default(20),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  // Failures on one account from all clients together before every further attempt waits a delay that doubles
  // (from 30 seconds) up to LOGIN_ACCOUNT_MAX_DELAY_MINUTES: never a lock, so the owner always gets a turn.
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_ACCOUNT_MAX_DELAY_MINUTES: z.coerce.number().int().min(1).max(60).default(5),
  // Failures older than this no longer count (for an account: this long without a counted attempt).
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Behind a reverse proxy that appends the client address to X-Forwarded-For (lib/auth/client-key.ts); without
  // it only the socket address counts. TRUST_PROXY_HOPS: how many proxies append, so which entry from the right.
  TRUST_PROXY: bool,
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(20).default(1),
  // Seat hoarding: unpaid holds one email or one client may have at once, and orders per client per minute.
  HOLD_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  HOLD_MAX_PER_CLIENT: z.coerce.number().int().min(1).default(10),
  ORDER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  // Voucher codes one client may look up per minute (pages, review step, GET /api/v1/ticket-types?voucher=).
  VOUCHER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  // How long an order waits for a busy capacity pool before answering "busy, try again".
  ORDER_LOCK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60_000).default(5000),
  // How an order checks room under the pool locks: `counters` (a guarded increment per pool, the default) or
  // `count` (the seats counted from the orders under the lock: the earlier design, kept for comparison in
  // bench:ticket-drop and used anyway by an order that redeems a waiting-list offer).
  ORDER_SEAT_CHECK: z.enum(['counters', 'count']).default('counters'),
  // Waiting-list places one email address may hold at once per event (joined and not lapsed, or offered).
  WAITLIST_MAX_PER_EMAIL: z.coerce.number().int().min(1).max(100).default(3),
  // Payments: with STRIPE_SECRET_KEY the app uses Stripe; without it, the local demo checkout (test mode).
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, 'STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_... or sk_live_...)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_', 'STRIPE_WEBHOOK_SECRET must start with whsec_')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Points the Stripe SDK at a Stripe-compatible server (tests). Unset in production.
  STRIPE_API_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Shown on card statements after the account's descriptor: neutral words only (max 22 characters).
  STRIPE_STATEMENT_DESCRIPTOR_SUFFIX: z
    .string()
    .regex(
      /^(?=.*[A-Za-z])[A-Za-z0-9 .-]{1,22}$/,
      'Use at most 22 letters, digits, spaces, dots or dashes, with at least one letter',
    )
    .default('REGISTRATION'),
  // The local demo checkout is refused when APP_ENV=production unless this says it is a demo site.
  ALLOW_DEMO_PAYMENTS: bool,
  HOUSEKEEPING_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(30),
  // The reminder email goes this many hours before the event's first day begins (in the event's timezone).
  EMAIL_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  // How long the links in a "find my registration" email keep working.
  ORDER_ACCESS_LINK_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  // Lets end-to-end tests move the clock through a cookie. Refused when APP_ENV=production.
  ALLOW_TEST_CLOCK: bool,
  // Email: with RESEND_API_KEY the app sends through Resend; without it, into the local mailbox (MAILBOX_DIR),
  // which organizers read at /admin/mailbox. The local mailbox is refused when APP_ENV=production unless
  // ALLOW_LOCAL_MAILBOX=true (a demo site): see lib/adapters/mailer/index.ts.
  RESEND_API_KEY: z
    .string()
    .startsWith('re_', 'RESEND_API_KEY must be a Resend API key (re_...)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Points the Resend SDK at a Resend-compatible server (tests). Unset in production.
  RESEND_BASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // Signing secret of the Resend webhook endpoint /api/webhooks/resend (whsec_...); without it the endpoint is off.
  RESEND_WEBHOOK_SECRET: z
    .string()
    .startsWith('whsec_', 'RESEND_WEBHOOK_SECRET must start with whsec_')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  // The sender: a neutral name only (no word about the conference's subject), on a domain verified at Resend.
  EMAIL_FROM: z.string().min(3).default('Conference registration <registration@localhost>'),
  // The provider's request limit, shared by every instance and worker (Resend's default is 2 per second).
  EMAIL_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  // Emails per batch request (Resend's batch endpoint takes at most 100; emails with attachments go alone).
  EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(100),
  // A send request without an answer after this long is abandoned and retried with the same idempotency key.
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MAILBOX_DIR: z.string().min(1).default('.data/mailbox'),
  ALLOW_LOCAL_MAILBOX: bool,
  // Run the email worker inside each app process; set false on web instances when `npm run worker` runs apart.
  WORKER_IN_PROCESS: boolDefaultTrue,
  // Jobs one worker process runs at once (the provider's rate limit still holds across all of them).
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(4),
});

export type AppEnv = 'development' | 'test' | 'production';
export type Env = Omit<z.infer<typeof envSchema>, 'APP_ENV'> & { APP_ENV: AppEnv };

export class EnvError extends Error {}

const APP_ENVS: readonly string[] = ['development', 'test', 'production'] satisfies AppEnv[];

/** localhost, *.localhost and loopback addresses: a site only its own machine reaches. */
function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * What the deployment is. An unset APP_ENV means development, except for a production build on a public URL: a
 * site that forgot to say what it is must not quietly run the demo checkout and mailbox, so it refuses to start.
 * Any value but the three known ones counts as production, so a typo can never switch the guards off.
 */
export function resolveAppEnv(raw: string | undefined, nodeEnv: string | undefined, appUrl: string): AppEnv {
  const value = raw?.trim();
  if (value) return APP_ENVS.includes(value) ? (value as AppEnv) : 'production';
  if (nodeEnv === 'production' && !isLocalUrl(appUrl)) {
    throw new EnvError(
      `Invalid configuration:\n  APP_ENV: required when NODE_ENV=production and APP_URL (${appUrl}) is not a localhost address. ` +
        'Set APP_ENV=production for a public site (it then needs STRIPE_SECRET_KEY and RESEND_API_KEY, or ALLOW_DEMO_PAYMENTS=true and ' +
        'ALLOW_LOCAL_MAILBOX=true for a demo), or APP_ENV=development or APP_ENV=test for a private test install.',
    );
  }
  return 'development';
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env: Env = {
    ...result.data,
    APP_ENV: resolveAppEnv(result.data.APP_ENV, result.data.NODE_ENV, result.data.APP_URL),
  };
  if (env.APP_ENV === 'production' && env.ALLOW_TEST_CLOCK) {
    throw new EnvError('Invalid configuration:\n  ALLOW_TEST_CLOCK: must not be set when APP_ENV=production');
  }
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    throw new EnvError(
      'Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required with STRIPE_SECRET_KEY (from the Stripe dashboard or `stripe listen`)',
    );
  }
  if (env.APP_ENV === 'production' && !env.STRIPE_SECRET_KEY && !env.ALLOW_DEMO_PAYMENTS) {
    throw new EnvError(
      'Invalid configuration:\n  STRIPE_SECRET_KEY: required when APP_ENV=production (or set ALLOW_DEMO_PAYMENTS=true for a demo site)',
    );
  }
  if (env.APP_ENV === 'production' && !env.DATA_ENCRYPTION_KEY) {
    throw new EnvError(
      'Invalid configuration:\n  DATA_ENCRYPTION_KEY: required when APP_ENV=production (generate with `openssl rand -base64 32`; keep it safe: without it sensitive answers cannot be read)',
    );
  }
  if (env.PERSONAL_DATA_RETENTION_DAYS < env.SENSITIVE_DATA_RETENTION_DAYS) {
    throw new EnvError(
      'Invalid configuration:\n  PERSONAL_DATA_RETENTION_DAYS: must be at least SENSITIVE_DATA_RETENTION_DAYS',
    );
  }
  return env;
}

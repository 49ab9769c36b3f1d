// Reading Postgres errors, in one place. The driver (postgres.js) puts the SQLSTATE in `code`; drizzle wraps the
// driver's error and keeps it in `cause`, so every reader looks at both. Imports nothing: db/ sits below lib/.

interface PgLike {
  code?: unknown;
  constraint_name?: unknown;
  cause?: { code?: unknown; constraint_name?: unknown };
}

/** The error itself and the error it wraps, when either carries a string code. */
function carriers(error: unknown): { code: string; constraint_name?: unknown }[] {
  if (!error || typeof error !== 'object') return [];
  const e = error as PgLike;
  const out: { code: string; constraint_name?: unknown }[] = [];
  if (typeof e.code === 'string') out.push(e as { code: string });
  if (e.cause && typeof e.cause === 'object' && typeof e.cause.code === 'string') out.push(e.cause as { code: string });
  return out;
}

function hasCode(error: unknown, test: (code: string) => boolean): boolean {
  return carriers(error).some((c) => test(c.code));
}

/** The SQLSTATE (or driver/socket code) of an error or of the error it wraps; the outer one first. */
export function pgErrorCode(error: unknown): string | undefined {
  return carriers(error)[0]?.code;
}

/** 23505. With `constraint`, only a violation of that unique constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return carriers(error).some(
    (c) => c.code === '23505' && (constraint === undefined || c.constraint_name === constraint),
  );
}

/** The constraint a unique violation broke ('' when the driver did not say), or null for any other error. */
export function uniqueViolationConstraint(error: unknown): string | null {
  const found = carriers(error).find((c) => c.code === '23505');
  if (!found) return null;
  return typeof found.constraint_name === 'string' ? found.constraint_name : '';
}

/** 23503: a row the statement refers to was deleted meanwhile. */
export function isForeignKeyViolation(error: unknown): boolean {
  return hasCode(error, (c) => c === '23503');
}

/** 55P03: `lock_timeout` ran out while waiting for a lock. */
export function isLockTimeout(error: unknown): boolean {
  return hasCode(error, (c) => c === '55P03');
}

/** 57014: the statement was cancelled (`statement_timeout` or a cancel request). */
export function isQueryCanceled(error: unknown): boolean {
  return hasCode(error, (c) => c === '57014');
}

/** 40001 (serialization failure) or 40P01 (deadlock detected): running the transaction again can succeed. */
export function isRetryableTransaction(error: unknown): boolean {
  return hasCode(error, (c) => c === '40001' || c === '40P01');
}

// Connection exceptions (class 08), serialization failures and deadlocks, lock timeouts, cancelled statements,
// the server shutting down or starting (57P01-57P03) and insufficient resources (class 53: too many connections,
// out of memory or disk), and a connection that failed or broke.
const TRANSIENT_SQLSTATE = /^(08...|40001|40P01|55P03|57014|57P0[123]|53...)$/;
// The driver's and the socket's own codes for a connection that failed or broke.
const NET_FAILURE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/** A database or network failure that a later attempt can get past (the one list every retry decision uses). */
export function isTransientDbError(error: unknown): boolean {
  return hasCode(error, (c) => TRANSIENT_SQLSTATE.test(c) || NET_FAILURE.has(c));
}

// SQLSTATE class 08 (connection exception), the server shutting down or starting (57P01-57P03) and too many
// connections (53300): the database cannot be reached, as opposed to a statement that may simply be retried.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/**
 * Whether an error means the database could not be reached (down, restarting, unreachable, out of connections),
 * as opposed to a bug or a refused statement. Looks through wrappers (drizzle puts the driver's error in `cause`).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || NET_FAILURE.has(code))) return true;
    if (current instanceof AggregateError && current.errors.some(isDatabaseUnavailable)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

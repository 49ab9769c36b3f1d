// Expected failures carry a code; one mapping turns them into HTTP answers, another into form state.
import { isDatabaseUnavailable } from '@/db/errors';

export { isDatabaseUnavailable };
export type DomainErrorCode =
  | 'VALIDATION'
  | 'TOO_LARGE'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'THROTTLED'
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_INVALID'
  | 'ROOM_DOUBLE_BOOKED'
  | 'OUTSIDE_EVENT_DATES'
  | 'SOLD_OUT'
  | 'SALE_CLOSED'
  | 'HOLD_EXPIRED'
  | 'HOLD_LIMIT'
  | 'VOUCHER_INVALID'
  | 'VOUCHER_EXHAUSTED'
  | 'BUSY'
  | 'INVALID_TRANSITION'
  | 'PAYMENT_UNAVAILABLE'
  | 'UNAVAILABLE';

/** Fields with messages an answer carries at most; the rest are counted in one summary under `_form`. */
export const MAX_FIELD_ERRORS = 50;
const MAX_MESSAGES_PER_FIELD = 5;
const MAX_TEXT = 300;

/**
 * Bounds what one answer can carry, however many problems a request has: at most MAX_FIELD_ERRORS fields (plus
 * `_form`, which comes first and holds a summary of what was left out), a few messages each, each cut short.
 */
export function limitFieldErrors(errors: Record<string, string[]>): Record<string, string[]> {
  const keys = Object.keys(errors);
  const fits = (key: string) =>
    key.length <= MAX_TEXT &&
    errors[key]!.length <= MAX_MESSAGES_PER_FIELD &&
    errors[key]!.every((m) => m.length <= MAX_TEXT);
  if (keys.length <= MAX_FIELD_ERRORS && keys.every(fits)) return errors;
  const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
  const fields = keys.filter((k) => k !== '_form');
  const kept = fields.slice(0, MAX_FIELD_ERRORS);
  const out: Record<string, string[]> = {};
  const form = (errors._form ?? []).slice(0, MAX_MESSAGES_PER_FIELD).map(clip);
  const left = fields.length - kept.length;
  if (left > 0)
    form.push(
      `${left.toLocaleString('en')} more field${left === 1 ? ' has' : 's have'} problems not listed here. Correct the ones listed and try again.`,
    );
  if (form.length) out._form = form;
  for (const key of kept) out[clip(key)] = errors[key]!.slice(0, MAX_MESSAGES_PER_FIELD).map(clip);
  return out;
}

export class DomainError extends Error {
  /** Field name (`attendees.0.email`, `_form` for the whole form) to messages; bounded by limitFieldErrors. */
  public readonly fieldErrors: Record<string, string[]>;

  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    fieldErrors: Record<string, string[]> = {},
    /** Machine-readable facts for the caller, e.g. which pool sold out (never personal data). */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.fieldErrors = limitFieldErrors(fieldErrors);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

const statusByCode: Record<DomainErrorCode, number> = {
  VALIDATION: 422,
  TOO_LARGE: 413,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  CONFLICT: 409,
  THROTTLED: 429,
  INVALID_CREDENTIALS: 401,
  TOKEN_INVALID: 404,
  ROOM_DOUBLE_BOOKED: 409,
  OUTSIDE_EVENT_DATES: 422,
  SOLD_OUT: 409,
  SALE_CLOSED: 409,
  HOLD_EXPIRED: 409,
  HOLD_LIMIT: 429,
  VOUCHER_INVALID: 422,
  VOUCHER_EXHAUSTED: 409,
  BUSY: 503,
  INVALID_TRANSITION: 409,
  PAYMENT_UNAVAILABLE: 503,
  UNAVAILABLE: 503,
};

export interface HttpError {
  status: number;
  body: {
    error: { code: string; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> };
  };
  /** For a Retry-After header. */
  retryAfterSeconds?: number;
}

/** How long a client is asked to wait while the database cannot be reached. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export function toHttpError(error: unknown): HttpError {
  if (isDatabaseUnavailable(error)) {
    return {
      status: 503,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      body: {
        error: {
          code: 'UNAVAILABLE',
          message: 'The service is temporarily unavailable. Please try again in a moment.',
        },
      },
    };
  }
  if (isDomainError(error)) {
    const fields = Object.keys(error.fieldErrors).length ? { fields: error.fieldErrors } : {};
    const details = Object.keys(error.details).length ? { details: error.details } : {};
    return {
      status: statusByCode[error.code],
      body: { error: { code: error.code, message: error.message, ...fields, ...details } },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } },
  };
}

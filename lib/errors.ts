// Expected failures carry a code; one mapping turns them into HTTP answers, another into form state.
export type DomainErrorCode =
  | 'VALIDATION'
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
  | 'PAYMENT_UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
    /** Machine-readable facts for the caller, e.g. which pool sold out (never personal data). */
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

const statusByCode: Record<DomainErrorCode, number> = {
  VALIDATION: 422,
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
};

export interface HttpError {
  status: number;
  body: { error: { code: string; message: string; fields?: Record<string, string[]>; details?: Record<string, unknown> } };
}

export function toHttpError(error: unknown): HttpError {
  if (isDomainError(error)) {
    const fields = Object.keys(error.fieldErrors).length ? { fields: error.fieldErrors } : {};
    const details = Object.keys(error.details).length ? { details: error.details } : {};
    return { status: statusByCode[error.code], body: { error: { code: error.code, message: error.message, ...fields, ...details } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } } };
}

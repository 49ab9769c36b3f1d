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
  | 'OUTSIDE_EVENT_DATES';

export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly fieldErrors: Record<string, string[]> = {},
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
};

export interface HttpError {
  status: number;
  body: { error: { code: string; message: string; fields?: Record<string, string[]> } };
}

export function toHttpError(error: unknown): HttpError {
  if (isDomainError(error)) {
    const fields = Object.keys(error.fieldErrors).length ? { fields: error.fieldErrors } : {};
    return { status: statusByCode[error.code], body: { error: { code: error.code, message: error.message, ...fields } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } } };
}

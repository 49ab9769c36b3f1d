// Turns zod failures into DomainError with field messages, so every boundary reports bad input the same way.
import { z } from 'zod';
import { DomainError } from './errors';
import { FORBIDDEN_IN_LINE } from './text';

/** "Unknown field "a"" or "Unknown fields: "a", "b", ... and 39,995 more", with every name shown cut short. */
export function describeUnknownKeys(keys: readonly PropertyKey[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(String(k).slice(0, 40)));
  const more = keys.length - shown.length;
  return keys.length === 1
    ? `Unknown field ${shown[0]}`
    : `Unknown fields: ${shown.join(', ')}${more > 0 ? ` and ${more.toLocaleString('en')} more` : ''}`;
}

// zod lists every unknown key in one message; a request with thousands of them gets a short one instead.
function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.code === 'unrecognized_keys' ? describeUnknownKeys(issue.keys) : issue.message;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value is a uuid in its text form (any letter case). Ids from URLs and forms are tested with this before
 * they reach SQL, so a malformed one is simply not found; callers that compare ids as text lower-case them themselves.
 */
export function isUuid(value: unknown): boolean {
  return typeof value === 'string' && UUID.test(value);
}

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  message = 'Please correct the highlighted fields.',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (fieldErrors[key] ??= []).push(issueMessage(issue));
  }
  throw new DomainError('VALIDATION', message, fieldErrors);
}

// Controls, invisible direction marks, lone surrogates and U+FFFD (lib/text.ts); ordinary right-to-left letters are fine.
export const FORBIDDEN_CHARS = FORBIDDEN_IN_LINE;

export function cleanText(label: string, min: number, max: number) {
  return z
    .string({ message: `${label} must be text` })
    .trim()
    .min(min, min === 1 ? `${label} is required` : `${label} must be at least ${min} characters`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !FORBIDDEN_CHARS.test(v), `${label} contains characters that are not allowed`);
}

export const emailSchema = z
  .string({ message: 'Email must be text' })
  .trim()
  .max(254, 'Email must be at most 254 characters')
  .toLowerCase()
  .pipe(z.email({ message: 'Enter one valid email address, such as name@example.org' }));

/** A list's page number from a query string: a whole number from 1. */
export const pageNumberSchema = z.coerce
  .number({ error: 'Page must be a number.' })
  .int({ error: 'Page must be a whole number.' })
  .min(1, { error: 'Page must be 1 or more.' });

// Turns zod failures into DomainError with field messages, so every boundary reports bad input the same way.
import type { z } from 'zod';
import { DomainError } from './errors';

export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = 'Please correct the highlighted fields.'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  throw new DomainError('VALIDATION', message, fieldErrors);
}

// Lenient reading of a list page's URL filters: anything malformed falls back to its default rather than an error.
import { z } from 'zod';
import { isUuid } from '@/lib/validation';

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export const listParams = {
  q: (v: string | string[] | undefined) => (first(v) ?? '').trim().slice(0, 200),
  page: (v: string | string[] | undefined) =>
    z.coerce
      .number()
      .int()
      .min(1)
      .max(100_000)
      .catch(1)
      .parse(first(v) ?? 1),
  oneOf: <T extends string>(v: string | string[] | undefined, values: readonly T[], fallback: T): T =>
    (values as readonly string[]).includes(first(v) ?? '') ? (first(v) as T) : fallback,
  id: (v: string | string[] | undefined) => (isUuid(first(v) ?? '') ? first(v)!.toLowerCase() : ''),
};

// Filtering the programme by day, track, format and free text: pure, so the page and the API agree.
import { z } from 'zod';
import type { ProgrammeSession } from './queries';
import { sessionFormats } from './schemas';

export const programmeFilterSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  track: z
    .string()
    .max(80)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
  format: z.enum(sessionFormats).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});
export type ProgrammeFilter = z.infer<typeof programmeFilterSchema>;

/** Reads filters from query parameters; unknown or malformed values are ignored, never an error. */
export function parseProgrammeFilter(params: Record<string, string | string[] | undefined>): ProgrammeFilter {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return programmeFilterSchema.parse({
    day: first(params.day),
    track: first(params.track),
    format: first(params.format),
    q: first(params.q),
  });
}

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function haystack(s: ProgrammeSession): string {
  return normalizeForSearch(
    [
      s.title,
      s.abstract,
      s.track?.name ?? '',
      s.room?.name ?? '',
      ...s.speakers.flatMap((sp) => [sp.name, sp.affiliation]),
    ].join(' \n '),
  );
}

export function filterSessions(list: ProgrammeSession[], filter: Partial<ProgrammeFilter>): ProgrammeSession[] {
  const words = filter.q ? normalizeForSearch(filter.q).split(/\s+/).filter(Boolean) : [];
  return list.filter((s) => {
    if (filter.day && s.day !== filter.day) return false;
    if (filter.track && s.track?.slug !== filter.track) return false;
    if (filter.format && s.format !== filter.format) return false;
    if (words.length) {
      const text = haystack(s);
      return words.every((w) => text.includes(w));
    }
    return true;
  });
}

export const formatLabels: Record<ProgrammeSession['format'], string> = {
  keynote: 'Keynote',
  talk: 'Talk',
  panel: 'Panel',
  workshop: 'Workshop',
  support_meeting: 'Peer-support meeting',
  social: 'Social',
};

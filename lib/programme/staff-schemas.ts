// What the programme admin forms send, validated at the boundary: every value arrives as text (or is given as
// a number by tests and scripts), blanks mean "none", and field names match the form's, so each message can
// be shown beside its field. Session times are wall-clock times in the event's zone ("2030-03-29T09:00").
import { z } from 'zod';
import { sessionFormats } from '@/lib/programme/schemas';
import { FORBIDDEN_IN_BLOCK, FORBIDDEN_IN_LINE } from '@/lib/text';
import { isUuid } from '@/lib/validation';

// C0/C1 controls (except tab and newlines in multi-line fields), direction marks and broken text (lib/text.ts).
const LINE_FORBIDDEN = FORBIDDEN_IN_LINE;
const BLOCK_FORBIDDEN = FORBIDDEN_IN_BLOCK;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

function line(label: string, max: number, min = 0) {
  return z
    .string({ message: `${label} must be text` })
    .trim()
    .min(min, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !LINE_FORBIDDEN.test(v), `${label} contains characters that are not allowed`);
}

function block(label: string, max: number) {
  return z
    .string({ message: `${label} must be text` })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !BLOCK_FORBIDDEN.test(v), `${label} contains characters that are not allowed`)
    .default('');
}

const slug = z.preprocess(
  blankToUndefined,
  z
    .string({ message: 'The address must be text' })
    .trim()
    .toLowerCase()
    .max(80, 'The address must be at most 80 characters')
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes, such as relapse-and-stress')
    .optional(),
);

/** A whole number above zero, or blank for "no limit". */
function optionalCapacity(label: string) {
  return z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      if (b === undefined) return null;
      return typeof b === 'string' && /^\s*\d+\s*$/.test(b) ? Number(b) : b;
    },
    z
      .number({ message: `${label} must be a whole number, or blank for no limit` })
      .int(`${label} must be a whole number`)
      .positive(`${label} must be at least 1, or blank for no limit`)
      .max(1_000_000, `${label} must be at most 1,000,000`)
      .nullable(),
  );
}

const uuidOrNull = (message: string) =>
  z.preprocess(
    (v) => blankToUndefined(v) ?? null,
    z
      .string()
      .trim()
      .toLowerCase()
      .refine((v) => isUuid(v), message)
      .nullable(),
  );

export const trackFormSchema = z.object({
  name: line('Name', 120, 1),
  slug,
  description: block('Description', 1000),
});
export interface TrackFormInput {
  name: string;
  slug?: string | null;
  description?: string;
}

export const roomFormSchema = z.object({
  name: line('Name', 120, 1),
  location: line('Location', 300).default(''),
  capacity: optionalCapacity('Capacity'),
});
export interface RoomFormInput {
  name: string;
  location?: string;
  capacity?: string | number | null;
}

export const speakerFormSchema = z.object({
  name: line('Name', 200, 1),
  slug,
  affiliation: line('Affiliation', 300).default(''),
  bio: block('Biography', 5000),
});
export interface SpeakerFormInput {
  name: string;
  slug?: string | null;
  affiliation?: string;
  bio?: string;
}

export const speakerRoles = ['speaker', 'chair', 'moderator', 'panellist', 'facilitator', 'host'] as const;
export type SpeakerRole = (typeof speakerRoles)[number];

const localDateTime = (label: string) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, { message: `${label} is required`, abort: true })
    // datetime-local sends seconds when a step below a minute is set; they are dropped.
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, {
      message: `Enter ${label.toLowerCase()} as a date and time, such as 2030-03-29T09:30`,
      abort: true,
    })
    .refine(isRealDateTime, `${label} is not a real date and time`)
    .transform((v) => v.slice(0, 16));

/** 2030-02-30 or 25:00 match the pattern but are no moment at all (Date.UTC would roll them over silently). */
function isRealDateTime(v: string): boolean {
  const [y, mo, d, h, mi] = [v.slice(0, 4), v.slice(5, 7), v.slice(8, 10), v.slice(11, 13), v.slice(14, 16)].map(
    Number,
  ) as [number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d && h < 24 && mi < 60;
}

export const sessionFormSchema = z.object({
  title: line('Title', 300, 1),
  slug,
  abstract: block('Abstract', 10000),
  format: z.enum(sessionFormats, { message: 'Choose a format' }),
  trackId: uuidOrNull('Choose a track of this event'),
  roomId: uuidOrNull('Choose a room of this event'),
  startsAt: localDateTime('The start'),
  endsAt: localDateTime('The end'),
  capacity: optionalCapacity('Capacity'),
  contentNote: z.preprocess((v) => blankToUndefined(v) ?? null, line('Content note', 1000).nullable()),
  visibility: z.enum(['public', 'attendees'], { message: 'Choose who can see the session' }).default('public'),
  speakers: z
    .array(
      z.object({
        speakerId: z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[0-9a-f-]{36}$/, 'Choose speakers of this event'),
        role: z.enum(speakerRoles, { message: 'Choose a role for each speaker' }).default('speaker'),
      }),
    )
    .max(20, 'A session has at most 20 speakers')
    .default([])
    .refine(
      (list) => new Set(list.map((s) => s.speakerId)).size === list.length,
      'Each speaker can be listed only once',
    ),
});
/** As a form sends it (or a test writes it); the schema's own input type would make every blank-able field required. */
export interface SessionFormInput {
  title: string;
  slug?: string | null;
  abstract?: string;
  format: (typeof sessionFormats)[number];
  trackId?: string | null;
  roomId?: string | null;
  startsAt: string;
  endsAt: string;
  capacity?: string | number | null;
  contentNote?: string | null;
  visibility?: 'public' | 'attendees';
  speakers?: { speakerId: string; role?: SpeakerRole }[];
}
export type SessionForm = z.output<typeof sessionFormSchema>;

export const moveSchema = z.object({
  id: z.string().regex(/^[0-9a-f-]{36}$/i, 'Unknown item'),
  direction: z.enum(['up', 'down'], { message: 'Choose up or down' }),
});
export type MoveInput = z.input<typeof moveSchema>;

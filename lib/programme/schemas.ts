// Input schemas for building the programme; shared by the seed, admin forms and tests.
import { z } from 'zod';
import { isValidTimeZone } from '../time';

const text = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters`);
const required = (label: string, max: number) => text(max).min(1, `${label} is required`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD');
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and dashes')
  .max(80);

export const eventSchema = z
  .object({
    slug,
    name: required('Name', 200),
    tagline: text(300).default(''),
    description: text(5000).default(''),
    timezone: z.string().refine(isValidTimeZone, 'Unknown time zone'),
    startsOn: isoDate,
    endsOn: isoDate,
    venueName: text(200).default(''),
    venueAddress: text(500).default(''),
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as EUR'),
    holdMinutes: z.number().int().min(1).max(1440).default(15),
    organizerName: text(200).default(''),
    privacyContact: text(254).default(''),
  })
  .refine((e) => e.endsOn >= e.startsOn, {
    path: ['endsOn'],
    message: 'The end date must not be before the start date',
  });
export type EventInput = z.input<typeof eventSchema>;

export const trackSchema = z.object({
  name: required('Name', 120),
  slug: slug.optional(),
  description: text(1000).default(''),
  sortOrder: z.number().int().default(0),
});
export type TrackInput = z.input<typeof trackSchema>;

export const roomSchema = z.object({
  name: required('Name', 120),
  location: text(300).default(''),
  capacity: z.number().int().positive().nullable().default(null),
  sortOrder: z.number().int().default(0),
});
export type RoomInput = z.input<typeof roomSchema>;

export const speakerSchema = z.object({
  name: required('Name', 200),
  slug: slug.optional(),
  affiliation: text(300).default(''),
  bio: text(5000).default(''),
});
export type SpeakerInput = z.input<typeof speakerSchema>;

export const sessionFormats = ['keynote', 'talk', 'panel', 'workshop', 'support_meeting', 'social'] as const;

export const sessionSchema = z
  .object({
    title: required('Title', 300),
    slug: slug.optional(),
    abstract: text(10000).default(''),
    format: z.enum(sessionFormats, { message: 'Choose a format' }),
    trackId: z.string().uuid().nullable().default(null),
    roomId: z.string().uuid().nullable().default(null),
    startsAt: z.date({ message: 'A start time is required' }),
    endsAt: z.date({ message: 'An end time is required' }),
    capacity: z.number().int().positive('Capacity must be a positive number').nullable().default(null),
    contentNote: text(1000).nullable().default(null),
    visibility: z.enum(['public', 'attendees']).default('public'),
    speakerIds: z.array(z.string().uuid()).max(20).default([]),
  })
  .refine((s) => s.endsAt > s.startsAt, { path: ['endsAt'], message: 'The session must end after it starts' });
export type SessionInput = z.input<typeof sessionSchema>;

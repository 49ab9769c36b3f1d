// Shapes of the demo conference data: the programme schemas' fields, with slugs and names where the
// database would hold ids, and local wall-clock times the seed turns into instants in the event's timezone.
import type { SessionFormat } from '@/db/schema';

export interface SeedEvent {
  slug: string;
  name: string;
  tagline: string;
  description: string;
  timezone: string;
  currency: string;
  venueName: string;
  venueAddress: string;
  /** Named on the privacy notice as responsible for attendees' data, with the address for privacy questions. */
  organizerName: string;
  privacyContact: string;
  /** Number of consecutive days; sessions refer to them by index from 0. */
  days: number;
}

export interface SeedTrack {
  slug: string;
  name: string;
  description: string;
}

export interface SeedRoom {
  name: string;
  location: string;
  capacity: number;
}

export interface SeedSpeaker {
  slug: string;
  name: string;
  affiliation: string;
  bio: string;
}

export interface SeedSession {
  slug: string;
  title: string;
  /** Index of the event day, 0 for the first. */
  day: number;
  /** Local start time in the event's timezone, HH:MM. */
  start: string;
  minutes: number;
  format: SessionFormat;
  /** Track slug, or null for sessions that belong to the whole conference. */
  track: string | null;
  /** Room name. */
  room: string;
  /** Speaker slugs, in the order they are listed. */
  speakers: string[];
  abstract: string;
  contentNote?: string;
  /** Seats for sessions that need booking, such as workshops. */
  capacity?: number;
  /** Only peer-support meetings are limited to registered attendees; everything else is public. */
  visibility?: 'attendees';
}

export interface SeedConference {
  event: SeedEvent;
  tracks: SeedTrack[];
  rooms: SeedRoom[];
  speakers: SeedSpeaker[];
  sessions: SeedSession[];
}

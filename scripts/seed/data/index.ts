// The demo conference as plain data (no I/O): the Integrative Addiction Conference, three days in Amsterdam.
// The seed turns it into rows through the programme use cases; tests check it for consistency.
import { day1Sessions } from './day-1';
import { day2Sessions } from './day-2';
import { day3Sessions } from './day-3';
import { event, rooms, tracks } from './event';
import { speakers } from './speakers';
import type { SeedConference } from './types';

export type { SeedConference, SeedEvent, SeedRoom, SeedSession, SeedSpeaker, SeedTrack } from './types';

export const conference: SeedConference = {
  event,
  tracks,
  rooms,
  speakers,
  sessions: [...day1Sessions, ...day2Sessions, ...day3Sessions],
};

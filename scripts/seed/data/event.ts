// The demo event itself, its tracks and its rooms.
import type { SeedEvent, SeedRoom, SeedTrack } from './types';

export const event: SeedEvent = {
  slug: 'iac',
  name: 'Integrative Addiction Conference',
  tagline: 'Neuroscience, clinical practice and lived experience of relapse and recovery, in one room.',
  description: [
    'The Integrative Addiction Conference brings together clinicians, researchers, people in recovery and their ' +
      'families from around the world for three days of talks, panels, workshops and open conversation.',
    'The programme moves from the neuroscience of relapse (glutamate, dopamine and the circuits that respond to ' +
      'drug cues and stress) to the practice of relapse prevention, peer support and family support, and gives ' +
      'equal room to people speaking from their own experience.',
    'Evidence is presented with its limits: sessions describe what is being studied and discussed, not promises. ' +
      'All social events are alcohol-free. Attend in person in Amsterdam or join virtually.',
  ].join('\n\n'),
  timezone: 'Europe/Amsterdam',
  currency: 'EUR',
  venueName: 'Zeeburg Waterfront Centre',
  venueAddress: 'Veelaan 12, 1019 AP Amsterdam, the Netherlands',
  organizerName: 'Integrative Addiction Conference Foundation',
  privacyContact: 'privacy@conference.example.org',
  days: 3,
};

export const tracks: SeedTrack[] = [
  {
    slug: 'neuroscience',
    name: 'Neuroscience',
    description: 'Glutamate, dopamine and the brain circuits involved in craving, drug cues, stress and relapse.',
  },
  {
    slug: 'clinical-practice',
    name: 'Clinical practice',
    description: 'Relapse-prevention programmes, evidence reviews and the daily work of clinical teams.',
  },
  {
    slug: 'lived-experience',
    name: 'Lived experience',
    description: 'People who are recovered or recovering speak for themselves: panels, stories and peer support.',
  },
  {
    slug: 'families-communities',
    name: 'Families & communities',
    description: 'Support for relatives, children and the communities around a person in recovery.',
  },
];

export const rooms: SeedRoom[] = [
  { name: 'Main Hall', location: 'Ground floor', capacity: 550 },
  { name: 'Amstel Room', location: 'First floor', capacity: 160 },
  { name: 'IJ Room', location: 'First floor', capacity: 90 },
  { name: 'Studio 1', location: 'Second floor, workshop wing', capacity: 30 },
  { name: 'Studio 2', location: 'Second floor, quiet wing', capacity: 14 },
  { name: 'Harbour Foyer', location: 'Ground floor, waterside', capacity: 400 },
];

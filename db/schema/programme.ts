// The programme: tracks, rooms, speakers and sessions of an event.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';

export const sessionFormat = pgEnum('session_format', [
  'keynote',
  'talk',
  'panel',
  'workshop',
  'support_meeting',
  'social',
]);
export const sessionVisibility = pgEnum('session_visibility', ['public', 'attendees']);

export const tracks = pgTable(
  'tracks',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [unique('tracks_event_slug').on(t.eventId, t.slug)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    location: text().notNull().default(''),
    capacity: integer(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    unique('rooms_event_name').on(t.eventId, t.name),
    check('rooms_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

export const speakers = pgTable(
  'speakers',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    name: text().notNull(),
    affiliation: text().notNull().default(''),
    bio: text().notNull().default(''),
  },
  (t) => [unique('speakers_event_slug').on(t.eventId, t.slug)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    slug: text().notNull(),
    title: text().notNull(),
    abstract: text().notNull().default(''),
    format: sessionFormat().notNull(),
    trackId: uuid().references(() => tracks.id, { onDelete: 'set null' }),
    roomId: uuid().references(() => rooms.id, { onDelete: 'set null' }),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    capacity: integer(),
    contentNote: text(),
    visibility: sessionVisibility().notNull().default('public'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('sessions_event_slug').on(t.eventId, t.slug),
    index('sessions_event_starts').on(t.eventId, t.startsAt),
    check('sessions_time_ordered', sql`${t.endsAt} > ${t.startsAt}`),
    check('sessions_capacity_positive', sql`${t.capacity} is null or ${t.capacity} > 0`),
  ],
);

export const sessionSpeakers = pgTable(
  'session_speakers',
  {
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    speakerId: uuid()
      .notNull()
      .references(() => speakers.id, { onDelete: 'cascade' }),
    role: text().notNull().default('speaker'),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.speakerId] }), index('session_speakers_speaker').on(t.speakerId)],
);

export type Track = typeof tracks.$inferSelect;
export type NewTrack = typeof tracks.$inferInsert;
export type Room = typeof rooms.$inferSelect;
export type NewRoom = typeof rooms.$inferInsert;
export type Speaker = typeof speakers.$inferSelect;
export type NewSpeaker = typeof speakers.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type SessionFormat = (typeof sessionFormat.enumValues)[number];
export type SessionVisibility = (typeof sessionVisibility.enumValues)[number];

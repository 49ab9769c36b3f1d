// The event: one conference edition, its dates, timezone and currency.
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const events = pgTable(
  'events',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    name: text().notNull(),
    tagline: text().notNull().default(''),
    description: text().notNull().default(''),
    timezone: text().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    venueName: text().notNull().default(''),
    venueAddress: text().notNull().default(''),
    currency: text().notNull(),
    holdMinutes: integer().notNull().default(15),
    // Total attendees across every ticket type; null is unlimited.
    capacity: integer(),
    // Minutes a waiting-list offer holds its seat: long enough to register, short enough that an offer nobody
    // takes up (a made-up address, say) soon passes the seat on.
    offerMinutes: integer().notNull().default(240),
    // Emails say "the conference" unless the organizer opts in to naming it (subjects, preview, body, calendar).
    nameInEmailSubjects: boolean().notNull().default(false),
    // Attendees may edit their details and workshop choices until this moment; null means until the event starts.
    changesUntil: timestamp({ withTimezone: true }),
    // Self-service cancellation refunds in full until this moment; after it, attendees are pointed to the
    // organizers. Null means no self-service refunds.
    refundUntil: timestamp({ withTimezone: true }),
    // The refund policy in the organizer's words, shown on the order page and the registration form.
    refundPolicy: text().notNull().default(''),
    // Who is responsible for attendees' data and how to reach them: named in the privacy notice (/privacy).
    organizerName: text().notNull().default(''),
    privacyContact: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_dates_ordered', sql`${t.endsOn} >= ${t.startsOn}`),
    check('events_currency_code', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('events_hold_minutes', sql`${t.holdMinutes} between 1 and 1440`),
    check('events_capacity', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('events_offer_minutes', sql`${t.offerMinutes} between 5 and 2880`),
  ],
);

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;

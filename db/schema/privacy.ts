// Privacy: access-needs requests worked by the accessibility team, and the record of which tickets' sensitive data
// each staff view or export touched (so an attendee's page can list who looked). Notes and messages may describe
// health or access needs, so they are sealed by the vault like sensitive answers.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { auditLog } from './admin';
import { events } from './events';
import { orders, tickets } from './registration';
import { users } from './users';

export const accessRequestStatus = pgEnum('access_request_status', [
  'new',
  'in_progress',
  'arranged',
  'cannot_arrange',
]);

// One per ticket that answered an access-needs question; the answers themselves stay in `answers` (sealed).
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ticketId: uuid()
      .notNull()
      .unique()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    status: accessRequestStatus().notNull().default('new'),
    assigneeUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // Internal notes of the team (sealed); never shown to the attendee.
    notesCipher: text(),
    notesKeyId: text(),
    // The team's message to the attendee, shown on their own page (sealed).
    messageCipher: text(),
    messageKeyId: text(),
    // When the attendee last changed their answer after the request was opened.
    answerChangedAt: timestamp({ withTimezone: true }),
    statusChangedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('access_requests_event_status').on(t.eventId, t.status, t.createdAt),
    check('access_requests_notes_sealed', sql`(${t.notesCipher} is null) = (${t.notesKeyId} is null)`),
    check('access_requests_message_sealed', sql`(${t.messageCipher} is null) = (${t.messageKeyId} is null)`),
  ],
);

// Which tickets' sensitive data a staff view or export (an audit entry) showed: one row per ticket, so a CSV
// export of many attendees is one audit entry and each attendee can still see it on their page.
export const sensitiveDataViews = pgTable(
  'sensitive_data_views',
  {
    id: uuid().primaryKey().defaultRandom(),
    auditId: uuid()
      .notNull()
      .references(() => auditLog.id, { onDelete: 'cascade' }),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('sensitive_data_views_ticket').on(t.ticketId, t.createdAt),
    index('sensitive_data_views_audit').on(t.auditId),
  ],
);

export const erasureRequestStatus = pgEnum('erasure_request_status', ['requested', 'confirmed', 'declined']);

// An attendee's request, from their own page, to erase their data; an owner confirms (which erases) or declines.
// The address is kept sealed only while the request is pending, and its hash (to settle every pending request of
// the same person at once) is cleared when it is decided.
export const erasureRequests = pgTable(
  'erasure_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().references(() => events.id, { onDelete: 'cascade' }),
    ticketId: uuid().references(() => tickets.id, { onDelete: 'set null' }),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    emailHash: text(),
    emailCipher: text(),
    emailKeyId: text(),
    status: erasureRequestStatus().notNull().default('requested'),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    decidedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('erasure_requests_one_pending')
      .on(t.ticketId)
      .where(sql`${t.status} = 'requested'`),
    index('erasure_requests_status').on(t.status, t.requestedAt),
    check('erasure_requests_email_sealed', sql`(${t.emailCipher} is null) = (${t.emailKeyId} is null)`),
  ],
);

export type ErasureRequest = typeof erasureRequests.$inferSelect;
export type AccessRequest = typeof accessRequests.$inferSelect;
export type AccessRequestStatus = (typeof accessRequestStatus.enumValues)[number];

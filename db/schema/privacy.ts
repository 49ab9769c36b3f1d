// Privacy: access-needs requests worked by the accessibility team, and the record of which tickets' sensitive data
// each staff view or export touched (so an attendee's page can list who looked). Notes and messages may describe
// health or access needs, so they are sealed by the vault like sensitive answers.
import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditLog } from './admin';
import { events } from './events';
import { tickets } from './registration';
import { users } from './users';

export const accessRequestStatus = pgEnum('access_request_status', ['new', 'in_progress', 'arranged', 'cannot_arrange']);

// One per ticket that answered an access-needs question; the answers themselves stay in `answers` (sealed).
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().notNull().references(() => events.id, { onDelete: 'cascade' }),
    ticketId: uuid().notNull().unique().references(() => tickets.id, { onDelete: 'cascade' }),
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
    auditId: uuid().notNull().references(() => auditLog.id, { onDelete: 'cascade' }),
    ticketId: uuid().notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('sensitive_data_views_ticket').on(t.ticketId, t.createdAt), index('sensitive_data_views_audit').on(t.auditId)],
);

export type AccessRequest = typeof accessRequests.$inferSelect;
export type AccessRequestStatus = (typeof accessRequestStatus.enumValues)[number];

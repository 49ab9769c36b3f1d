// Check-in: lists (the event entrance, and each workshop or session that takes attendance, the base for CE
// credits) and one row per ticket per list. The unique pair makes two staff scanning the same ticket at once
// record a single check-in.
import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';
import { sessions } from './programme';
import { tickets } from './registration';
import { users } from './users';

export const checkinLists = pgTable(
  'checkin_lists',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    // Null is the event entrance; otherwise the session whose attendance this list takes.
    sessionId: uuid()
      .unique()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('checkin_lists_event_name').on(t.eventId, t.name)],
);

export const checkIns = pgTable(
  'check_ins',
  {
    id: uuid().primaryKey().defaultRandom(),
    listId: uuid()
      .notNull()
      .references(() => checkinLists.id, { onDelete: 'cascade' }),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    checkedInAt: timestamp({ withTimezone: true }).notNull(),
    byUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // The staff member's name or email as it was at the time.
    byLabel: text().notNull().default(''),
  },
  (t) => [unique('check_ins_list_ticket').on(t.listId, t.ticketId), index('check_ins_ticket').on(t.ticketId)],
);

export type CheckinList = typeof checkinLists.$inferSelect;
export type CheckIn = typeof checkIns.$inferSelect;

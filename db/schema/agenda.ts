// A personal agenda: the sessions an attendee starred (attendee-only sessions included). Its calendar feed URL
// carries an HMAC of the ticket id and tickets.feed_version, so bumping the version retires a leaked feed link.
import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sessions } from './programme';
import { tickets } from './registration';

export const agendaItems = pgTable(
  'agenda_items',
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.sessionId] }), index('agenda_items_session').on(t.sessionId)],
);

export type AgendaItem = typeof agendaItems.$inferSelect;

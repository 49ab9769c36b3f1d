// The audit log: every admin action, attendee self-service change and payment event, in words that never carry
// sensitive answers. Rows are only ever inserted.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';
import { orders } from './registration';
import { users } from './users';

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().references(() => events.id, { onDelete: 'cascade' }),
    // 'user' (staff), 'attendee' (through an order link), 'provider' (payment webhook), 'system' (jobs).
    actorType: text().notNull(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // The staff email or "attendee" / "stripe" / "system", kept as it was when the action happened.
    actorLabel: text().notNull().default(''),
    // Dotted verb, e.g. 'order.refund', 'session.update', 'ticket.transfer', 'payment.succeeded'.
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    // The order the action concerns, so an order's page shows its trail.
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    // One human line, free of sensitive answers.
    summary: text().notNull().default(''),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('audit_log_created').on(t.createdAt),
    index('audit_log_order').on(t.orderId),
    index('audit_log_action').on(t.action, t.createdAt),
    index('audit_log_actor').on(t.actorUserId, t.createdAt),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;

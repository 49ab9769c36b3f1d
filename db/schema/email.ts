// Email: one row per message, written in the same transaction as the change that causes it (the outbox),
// sent by a graphile-worker job with the row's idempotency key, and followed through delivery webhooks.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from './registration';

export const emailStatus = pgEnum('email_status', [
  'queued',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'suppressed',
  'skipped',
]);

export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    // Which email: 'order_confirmation', 'ticket', 'payment_failed', 'hold_expired', 'refund', ...
    kind: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    ticketId: uuid(),
    toEmail: text().notNull(),
    // One message per key, however often the change that causes it is replayed (and the provider's key too).
    idempotencyKey: text().notNull().unique(),
    // References only (ids, amounts); the content is rendered from the database when it is sent.
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: emailStatus().notNull().default('queued'),
    subject: text(),
    providerMessageId: text().unique(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    sendAfter: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('email_messages_order').on(t.orderId),
    index('email_messages_to').on(t.toEmail),
    index('email_messages_status').on(t.status),
    check('email_messages_to_lowercase', sql`${t.toEmail} = lower(${t.toEmail})`),
  ],
);

// Addresses that bounced or complained: nothing more is sent to them.
export const emailSuppressions = pgTable('email_suppressions', {
  email: text().primaryKey(),
  reason: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

// Delivery webhooks from the provider, applied once by their id.
export const emailEvents = pgTable('email_events', {
  id: uuid().primaryKey().defaultRandom(),
  providerEventId: text().notNull().unique(),
  messageId: uuid().references(() => emailMessages.id, { onDelete: 'cascade' }),
  type: text().notNull(),
  receivedAt: timestamp({ withTimezone: true }).notNull(),
});

export type EmailMessage = typeof emailMessages.$inferSelect;
export type EmailStatus = (typeof emailStatus.enumValues)[number];

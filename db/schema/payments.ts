// Payments: every provider event applied once (the unique provider event id), refunds with their idempotency
// keys, and the local demo gateway's checkout sessions.
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orders } from './registration';

export const paymentEvents = pgTable(
  'payment_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: text().notNull(),
    providerEventId: text().notNull(),
    type: text().notNull(),
    orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
    // What applying it did: 'paid', 'ignored', 'late_paid', 'late_refunded', 'mismatch', ...
    outcome: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    unique('payment_events_provider_event').on(t.provider, t.providerEventId),
    index('payment_events_order').on(t.orderId),
  ],
);

export const refundStatus = pgEnum('refund_status', ['pending', 'succeeded', 'failed']);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'restrict' }),
    amount: integer().notNull(),
    status: refundStatus().notNull().default('pending'),
    // Sent to the provider; one refund per key, however often it is retried.
    idempotencyKey: text().notNull().unique(),
    providerRefundId: text().unique(),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check('refunds_amount_positive', sql`${t.amount} > 0`), index('refunds_order').on(t.orderId)],
);

export const localCheckoutStatus = pgEnum('local_checkout_status', ['open', 'complete', 'expired']);

// The local demo gateway's stand-in for Stripe Checkout Sessions (only used without Stripe keys).
export const localCheckouts = pgTable('local_checkouts', {
  id: text().primaryKey(),
  orderId: uuid()
    .notNull()
    .references(() => orders.id, { onDelete: 'cascade' }),
  idempotencyKey: text().notNull().unique(),
  amount: integer().notNull(),
  currency: text().notNull(),
  description: text().notNull(),
  status: localCheckoutStatus().notNull().default('open'),
  paymentReference: text(),
  successUrl: text().notNull(),
  cancelUrl: text().notNull(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull(),
});

export type PaymentEventRow = typeof paymentEvents.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type LocalCheckout = typeof localCheckouts.$inferSelect;

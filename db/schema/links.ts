// Secrets handed out in emails, kept only as SHA-256 hashes: extra links to an order's private page, ticket
// tokens for QR codes and attendee pages, waiting-list offer and confirmation links. Each email issues fresh ones when it is composed, so no
// usable secret ever sits in the outbox, and a resent email (same provider idempotency key, so possibly the
// first content) still carries a link that works: issuing a new one never revokes the earlier ones.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders, tickets, waitlistEntries } from './registration';

// Another key to the order's private page, besides the token shown when the order was placed.
export const orderLinks = pgTable(
  'order_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    // Null never expires. The order's own link (orders.access_token_hash) expires like an emailed one composed
    // when the order was placed (firstOrderLinkExpiry in lib/email/links.ts).
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('order_links_order').on(t.orderId)],
);

// Per-ticket secrets: 'qr' is what a ticket's QR code carries (check-in looks the ticket up by its hash); 'page'
// opens the attendee's own private page (/tickets/<token>), kept apart so a QR code shown at the door or printed
// on paper never opens anyone's answers. Revoking a ticket's tokens revokes both kinds.
export const ticketTokens = pgTable(
  'ticket_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    purpose: text().notNull().default('qr'),
    // Page links lapse (30 days after the event); null never expires.
    expiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    // Why it stopped working: 'transferred' (the ticket went to someone else), 'cancelled' or 'refunded' (the order).
    revokedReason: text(),
  },
  (t) => [
    index('ticket_tokens_ticket').on(t.ticketId),
    check('ticket_tokens_purpose', sql`${t.purpose} in ('qr', 'page')`),
  ],
);

// Links to a waiting-list offer; the entry's own status and expiry still decide whether the offer is live.
export const waitlistOfferLinks = pgTable(
  'waitlist_offer_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('waitlist_offer_links_entry').on(t.entryId)],
);

// Links that confirm a waiting-list entry (double opt-in), issued when the confirmation email is composed; the
// entry's own state and confirm_expires_at decide whether one still works.
export const waitlistConfirmLinks = pgTable(
  'waitlist_confirm_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('waitlist_confirm_links_entry').on(t.entryId)],
);

export type OrderLink = typeof orderLinks.$inferSelect;
export type TicketToken = typeof ticketTokens.$inferSelect;

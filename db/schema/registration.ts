// Registration: ticket types and their prices, shared capacity pools, questions, vouchers, orders, tickets
// (one per attendee), answers, workshop seats and waiting lists. Availability is always computed from paid orders
// and unexpired holds; seat_counters only guards the order path (see lib/capacity/seats.ts).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { events } from './events';
import { sessions } from './programme';

export const attendanceMode = pgEnum('attendance_mode', ['in_person', 'virtual']);
export const orderStatus = pgEnum('order_status', ['pending_payment', 'paid', 'expired', 'cancelled', 'refunded']);
// Where the money is, beside the order's status: a pending order can be 'processing' (a bank transfer on its
// way) or 'failed' (declined, may still be retried); a paid one can be partly refunded.
export const paymentState = pgEnum('payment_state', [
  'none',
  'processing',
  'failed',
  'paid',
  'partially_refunded',
  'refunded',
]);
export const questionKind = pgEnum('question_kind', ['text', 'textarea', 'select', 'checkbox']);
export const voucherKind = pgEnum('voucher_kind', ['percent', 'fixed', 'free']);
export const photoPreference = pgEnum('photo_preference', ['ok', 'no_photos']);
export const waitlistStatus = pgEnum('waitlist_status', ['waiting', 'offered', 'accepted', 'expired', 'cancelled']);

export const ticketTypes = pgTable(
  'ticket_types',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    code: text().notNull(),
    // What receipts, emails and badges show; must stay discreet.
    publicLabel: text().notNull(),
    // What organizers see in the dashboard.
    internalLabel: text().notNull(),
    description: text().notNull().default(''),
    attendance: attendanceMode().notNull().default('in_person'),
    // A day pass admits on this event date only; null admits every day.
    validOn: text(),
    capacity: integer(),
    saleStartsAt: timestamp({ withTimezone: true }),
    saleEndsAt: timestamp({ withTimezone: true }),
    minPerOrder: integer().notNull().default(1),
    maxPerOrder: integer().notNull().default(10),
    // Hidden types are offered only with a voucher that names them.
    isHidden: boolean().notNull().default(false),
    includesWorkshops: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ticket_types_event_code').on(t.eventId, t.code),
    check('ticket_types_capacity_positive', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check('ticket_types_per_order', sql`${t.minPerOrder} >= 1 and ${t.maxPerOrder} >= ${t.minPerOrder}`),
  ],
);

export const ticketPrices = pgTable(
  'ticket_prices',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
    label: text().notNull(),
    amount: integer().notNull(),
    // The window in which this price applies; null ends are open.
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('ticket_prices_amount', sql`${t.amount} >= 0`),
    check('ticket_prices_window', sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    index('ticket_prices_type').on(t.ticketTypeId),
  ],
);

// A capacity shared by several ticket types (e.g. every in-person ticket shares the venue's seats).
export const capacityPools = pgTable(
  'capacity_pools',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    capacity: integer().notNull(),
  },
  (t) => [
    check('capacity_pools_capacity', sql`${t.capacity} >= 0`),
    unique('capacity_pools_event_name').on(t.eventId, t.name),
  ],
);

/**
 * One row per capacity pool (`event:…`, `ticket_type:…`, `pool:…`, `session:…`): the row lock every writer of the
 * pool takes, and for the order path a running upper bound of the seats taken, so an order checks room with a
 * guarded increment instead of counting tickets under the lock. `taken` null means unknown (a writer that counted
 * from the facts changed them): the next order recounts (lib/capacity/seats.ts, reconcileSeats). Never shown
 * anywhere; the seats left that buyers see are always counted from the facts.
 */
export const seatCounters = pgTable('seat_counters', {
  key: text().primaryKey(),
  taken: integer(),
});

export const ticketTypePools = pgTable(
  'ticket_type_pools',
  {
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
    poolId: uuid()
      .notNull()
      .references(() => capacityPools.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ticketTypeId, t.poolId] })],
);

export const questions = pgTable(
  'questions',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    help: text().notNull().default(''),
    kind: questionKind().notNull(),
    options: jsonb().$type<string[]>().notNull().default([]),
    // Health, access needs and the like: shown only to roles that need them, and sealed at rest (lib/privacy/).
    isSensitive: boolean().notNull().default(false),
    // An answer opens an access request for the accessibility team (/admin/access). Always sensitive too.
    isAccessNeed: boolean().notNull().default(false),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [unique('questions_event_key').on(t.eventId, t.key)],
);

export const ticketTypeQuestions = pgTable(
  'ticket_type_questions',
  {
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: 'cascade' }),
    isRequired: boolean().notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.ticketTypeId, t.questionId] })],
);

export const vouchers = pgTable(
  'vouchers',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    // Stored upper case; codes are matched case-insensitively.
    code: text().notNull(),
    kind: voucherKind().notNull(),
    // Percent (1-100) or a fixed amount in minor units; ignored for free.
    value: integer().notNull().default(0),
    maxUses: integer(),
    validFrom: timestamp({ withTimezone: true }),
    validUntil: timestamp({ withTimezone: true }),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('vouchers_event_code').on(t.eventId, t.code),
    check('vouchers_code_upper', sql`${t.code} = upper(${t.code})`),
    check('vouchers_value', sql`${t.value} >= 0 and (${t.kind} <> 'percent' or ${t.value} between 1 and 100)`),
    check('vouchers_max_uses', sql`${t.maxUses} is null or ${t.maxUses} >= 0`),
  ],
);

// Empty means the voucher applies to every ticket type.
export const voucherTicketTypes = pgTable(
  'voucher_ticket_types',
  {
    voucherId: uuid()
      .notNull()
      .references(() => vouchers.id, { onDelete: 'cascade' }),
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.voucherId, t.ticketTypeId] })],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'restrict' }),
    // Short code people can read out on the phone; not a secret.
    reference: text().notNull().unique(),
    // SHA-256 of the secret in the order's private link, which works as long as a link in an email composed
    // at the order's creation would (firstOrderLinkExpiry in lib/email/links.ts).
    accessTokenHash: text().notNull().unique(),
    status: orderStatus().notNull(),
    buyerName: text().notNull(),
    buyerEmail: text().notNull(),
    currency: text().notNull(),
    subtotal: integer().notNull(),
    discount: integer().notNull().default(0),
    total: integer().notNull(),
    voucherId: uuid().references(() => vouchers.id, { onDelete: 'restrict' }),
    // The client that placed the order (hashed address), for the per-client hold cap.
    clientKey: text(),
    expiresAt: timestamp({ withTimezone: true }),
    paidAt: timestamp({ withTimezone: true }),
    paymentState: paymentState().notNull().default('none'),
    // Minor units actually received and given back, as the payment provider reports them.
    amountPaid: integer().notNull().default(0),
    amountRefunded: integer().notNull().default(0),
    // The provider's payment id (Stripe PaymentIntent), shown on the receipt.
    paymentReference: text(),
    checkoutSessionId: text().unique(),
    checkoutUrl: text(),
    // Set when something needs an organizer: an amount mismatch, a late payment refunded, a reconciliation gap.
    attentionReason: text(),
    // Set when the buyer's personal data was erased or passed its retention (lib/rights/anonymize.ts); what
    // accounting needs (amounts, dates, reference, the billing name of a paid order) stays.
    anonymizedAt: timestamp({ withTimezone: true }),
    // 'online' (the public form or API), 'manual' (entered by an organizer) or 'complimentary' (free, by an organizer).
    source: text().notNull().default('online'),
    // What the admin search matches (trigram index): reference, buyer name and email, lower case.
    searchText: text().generatedAlwaysAs(sql`lower(reference || ' ' || buyer_name || ' ' || buyer_email)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'orders_amounts',
      sql`${t.subtotal} >= 0 and ${t.discount} >= 0 and ${t.total} = ${t.subtotal} - ${t.discount}`,
    ),
    check('orders_refund_within_paid', sql`${t.amountRefunded} >= 0 and ${t.amountRefunded} <= ${t.amountPaid}`),
    check('orders_source', sql`${t.source} in ('online', 'manual', 'complimentary')`),
    check('orders_hold_has_expiry', sql`${t.status} <> 'pending_payment' or ${t.expiresAt} is not null`),
    index('orders_event_status').on(t.eventId, t.status, t.expiresAt),
    index('orders_buyer_email').on(t.buyerEmail),
    index('orders_client_key').on(t.clientKey),
    index('orders_voucher').on(t.voucherId),
    index('orders_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

// One ticket per attendee. Legal name for the organizer and invoices; badge name is what others see.
export const tickets = pgTable(
  'tickets',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    // The attendee's place in the order as entered (0, 1, ...), so lists keep the buyer's order.
    position: integer().notNull().default(0),
    ticketTypeId: uuid()
      .notNull()
      .references(() => ticketTypes.id, { onDelete: 'restrict' }),
    price: integer().notNull(),
    discount: integer().notNull().default(0),
    // Set when the order's voucher applied to this ticket: one use of the voucher.
    voucherId: uuid().references(() => vouchers.id, { onDelete: 'restrict' }),
    legalName: text().notNull(),
    badgeName: text().notNull(),
    email: text().notNull(),
    // Legacy plain text, always '' once sealed: pronouns live sealed in pronouns_cipher (lib/privacy/sealed.ts).
    pronouns: text().notNull().default(''),
    pronounsCipher: text(),
    pronounsKeyId: text(),
    directoryOptIn: boolean().notNull().default(false),
    photoPreference: photoPreference().notNull().default('no_photos'),
    // Part of the HMAC in the personal agenda's calendar feed URL; bumping it retires the old feed link.
    feedVersion: integer().notNull().default(1),
    // Discreet by default: the calendar feed names attendee-only sessions and sessions with a content note
    // "Conference session" unless the attendee chose to see their real titles there (lib/agenda/calendar.ts).
    feedShowsTitles: boolean().notNull().default(false),
    // Set when the ticket was handed to another person; its earlier QR tokens are revoked then.
    transferredAt: timestamp({ withTimezone: true }),
    // Set when the attendee's personal data was erased or passed its retention (lib/rights/anonymize.ts).
    anonymizedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // What the admin search matches (trigram index): legal name, badge name and email, lower case.
    searchText: text().generatedAlwaysAs(sql`lower(legal_name || ' ' || badge_name || ' ' || email)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('tickets_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('tickets_order').on(t.orderId),
    index('tickets_type').on(t.ticketTypeId),
    index('tickets_voucher').on(t.voucherId),
    check('tickets_amounts', sql`${t.price} >= 0 and ${t.discount} >= 0 and ${t.discount} <= ${t.price}`),
    check('tickets_pronouns_sealed', sql`(${t.pronounsCipher} is null) = (${t.pronounsKeyId} is null)`),
  ],
);

// An answer to a sensitive question is sealed by the vault (value null, value_cipher + key_id set); others are
// plain text. Read and write them only through lib/privacy/sealed.ts.
export const answers = pgTable(
  'answers',
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: 'restrict' }),
    value: text(),
    valueCipher: text(),
    keyId: text(),
  },
  (t) => [
    primaryKey({ columns: [t.ticketId, t.questionId] }),
    check(
      'answers_one_form',
      sql`(${t.value} is null) <> (${t.valueCipher} is null) and (${t.valueCipher} is null) = (${t.keyId} is null)`,
    ),
  ],
);

export const workshopSeats = pgTable(
  'workshop_seats',
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    sessionId: uuid()
      .notNull()
      .references(() => sessions.id, { onDelete: 'restrict' }),
    orderId: uuid()
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.sessionId] }), index('workshop_seats_session').on(t.sessionId)],
);

export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid()
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ticketTypeId: uuid().references(() => ticketTypes.id, { onDelete: 'cascade' }),
    sessionId: uuid().references(() => sessions.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    email: text().notNull(),
    status: waitlistStatus().notNull().default('waiting'),
    // SHA-256 of the secret in the offer link.
    offerTokenHash: text().unique(),
    offeredAt: timestamp({ withTimezone: true }),
    offerExpiresAt: timestamp({ withTimezone: true }),
    // Double opt-in: an entry counts (offers, its place in the queue) only once the address's owner followed the
    // link emailed to it; null until then. The queue is ordered by this moment, not by the join.
    confirmedAt: timestamp({ withTimezone: true }),
    // An unconfirmed entry lapses at this moment (by the WHERE clause; housekeeping marks it expired later).
    confirmExpiresAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('waitlist_one_target', sql`(${t.ticketTypeId} is null) <> (${t.sessionId} is null)`),
    check('waitlist_offer_expiry', sql`${t.status} <> 'offered' or ${t.offerExpiresAt} is not null`),
    uniqueIndex('waitlist_one_active_per_email')
      .on(t.eventId, t.email, sql`coalesce(${t.ticketTypeId}, ${t.sessionId})`)
      .where(sql`${t.status} in ('waiting', 'offered')`),
    index('waitlist_target').on(t.ticketTypeId, t.sessionId, t.status),
    index('waitlist_event_email').on(t.eventId, t.email),
  ],
);

// Sliding counters for hold creation per client, shared across instances (the seat-hoarding throttle).
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  count: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
});

export type TicketType = typeof ticketTypes.$inferSelect;
export type NewTicketType = typeof ticketTypes.$inferInsert;
export type TicketPrice = typeof ticketPrices.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type Voucher = typeof vouchers.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type Ticket = typeof tickets.$inferSelect;
export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type OrderSource = 'online' | 'manual' | 'complimentary';

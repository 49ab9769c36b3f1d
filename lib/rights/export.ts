// Data exports (GDPR article 15 in spirit), as JSON-able objects the route handlers send as files:
// - `exportAttendeeData`: everything held about the holder of an attendee page token, their sensitive answers and
//   pronouns included (they are theirs);
// - `exportOrderData`: what an order link's holder (the buyer) may see: the order, its money, every attendee's
//   non-sensitive data, and sensitive answers and pronouns only of the tickets the buyer manages
//   (lib/privacy/visibility.ts): another attendee's are never read, let alone opened;
// - `exportPersonByEmail`: for owners, everything tied to an email address (as buyer and as attendee, waiting
//   lists, access requests, emails). Sensitive values are opened through the audited staff path
//   (readSensitiveData, why 'exported'), so each attendee sees the export on their page, and the export itself is
//   audited as 'privacy.export' (counts only: the audit log never keeps the address or the data).
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  accessRequests,
  agendaItems,
  answers,
  checkIns,
  checkinLists,
  emailMessages,
  events,
  orders,
  paymentEvents,
  questions,
  refunds,
  rooms,
  sessions,
  ticketTypes,
  tickets,
  vouchers,
  waitlistEntries,
  type Order,
  type UserRole,
} from '@/db/schema';
import { ACCESS_STATUS_LABELS } from '../access/requests';
import { can } from '../staff/permissions';
import { recordAudit, staffActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { getOrderByToken, workshopSeatsOf } from '../orders/queries';
import { hitRateLimit } from '../rate-limit';
import { resolveTicketPage } from '../tickets/attendee-page';
import { hashToken } from '../tokens';
import { parseInput } from '../validation';
import { openAnswer, openOptional, openPronouns } from '../privacy/sealed';
import {
  listSensitiveViews,
  readSensitiveData,
  sealedAnswerColumns,
  sealedPronounColumns,
  type SensitiveData,
} from '../privacy/sensitive-access';
import { buyerManagesTicket } from '../privacy/visibility';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

/** Bumped whenever a field is renamed or removed (additions keep it). */
export const EXPORT_SCHEMA_VERSION = 1;

/** File names shown in the downloads folder: neutral, they name neither the event nor the person. */
export const EXPORT_FILENAMES = {
  attendee: 'my-registration-data.json',
  order: 'order-data.json',
  person: 'personal-data-export.json',
} as const;

/** Downloads per link (or per owner) and window: plenty for a person, little for a script. */
export const EXPORT_RATE = { limit: 20, windowMs: 10 * 60_000 } as const;

export interface ExportedAnswer {
  question: string;
  label: string;
  value: string;
  sensitive: boolean;
}
export interface ExportedWorkshop {
  title: string;
  startsAt: string;
  endsAt: string;
}

export interface ExportedAttendee {
  legalName: string;
  badgeName: string;
  email: string;
  /** Present only where the reader may see it (then '' when none were given). */
  pronouns?: string;
  directoryOptIn: boolean;
  photoPreference: string;
  ticket: {
    type: string;
    attendance: string;
    validOn: string | null;
    orderReference: string;
    orderStatus: string;
    price: number;
    discount: number;
    currency: string;
    registeredAt: string;
    transferredAt: string | null;
  };
  workshops: ExportedWorkshop[];
  answers: ExportedAnswer[];
  /** True when this attendee's sensitive answers and pronouns are theirs alone and were left out. */
  sensitiveWithheld: boolean;
}

export interface ExportedEmail {
  kind: string;
  subject: string | null;
  status: string;
  createdAt: string;
  sentAt: string | null;
}
export interface ExportedAccessRequest {
  status: string;
  statusLabel: string;
  messageFromTeam: string;
  statusChangedAt: string;
  internalNotes?: string;
}
export interface ExportedAgendaItem {
  title: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  starredAt: string;
}
export interface ExportedCheckIn {
  list: string;
  at: string;
}
export interface ExportedView {
  at: string;
  why: string;
  role: string;
  name: string;
}

export interface AttendeeExport {
  schemaVersion: number;
  kind: 'attendee';
  generatedAt: string;
  event: { name: string; startsOn: string; endsOn: string };
  person: Pick<
    ExportedAttendee,
    'legalName' | 'badgeName' | 'email' | 'pronouns' | 'directoryOptIn' | 'photoPreference'
  >;
  ticket: ExportedAttendee['ticket'];
  workshops: ExportedWorkshop[];
  answers: ExportedAnswer[];
  accessRequest: ExportedAccessRequest | null;
  agenda: ExportedAgendaItem[];
  checkIns: ExportedCheckIn[];
  emails: ExportedEmail[];
  sensitiveDataViews: ExportedView[];
}

export interface ExportedOrder {
  reference: string;
  status: string;
  source: string;
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  voucherCode: string | null;
  paymentState: string;
  amountPaid: number;
  amountRefunded: number;
  paymentReference: string | null;
  createdAt: string;
  paidAt: string | null;
  billing: { name: string; email: string };
  payments: { type: string; outcome: string; receivedAt: string }[];
  refunds: { amount: number; status: string; reason: string; createdAt: string }[];
}

export interface OrderExport {
  schemaVersion: number;
  kind: 'order';
  generatedAt: string;
  event: AttendeeExport['event'];
  order: ExportedOrder;
  attendees: ExportedAttendee[];
  emails: ExportedEmail[];
}

export interface PersonExport {
  schemaVersion: number;
  kind: 'person';
  generatedAt: string;
  email: string;
  asBuyer: (ExportedOrder & { event: string; attendees: ExportedAttendee[] })[];
  asAttendee: (ExportedAttendee & {
    event: string;
    accessRequest: ExportedAccessRequest | null;
    agenda: ExportedAgendaItem[];
    checkIns: ExportedCheckIn[];
    sensitiveDataViews: ExportedView[];
  })[];
  waitlist: {
    event: string;
    target: string;
    name: string;
    status: string;
    joinedAt: string;
    confirmedAt: string | null;
    offeredAt: string | null;
    offerExpiresAt: string | null;
  }[];
  emails: (ExportedEmail & { to: string })[];
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const normalEmail = (e: string) => e.trim().toLowerCase();

type TicketRow = Awaited<ReturnType<typeof loadTicketRows>>[number];

/** Tickets with their type, order and event, by ticket ids or by order ids. */
async function loadTicketRows(ctx: Pick<Ctx, 'db'>, where: { ticketIds?: string[]; orderIds?: string[] }) {
  const ids = where.ticketIds ?? [];
  const orderIds = where.orderIds ?? [];
  if (!ids.length && !orderIds.length) return [];
  return ctx.db
    .select({
      ticket: tickets,
      type: ticketTypes.publicLabel,
      attendance: ticketTypes.attendance,
      validOn: ticketTypes.validOn,
      order: {
        id: orders.id,
        eventId: orders.eventId,
        reference: orders.reference,
        status: orders.status,
        currency: orders.currency,
        buyerEmail: orders.buyerEmail,
      },
      eventName: events.name,
    })
    .from(tickets)
    .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .innerJoin(events, eq(events.id, orders.eventId))
    .where(
      or(
        ids.length ? inArray(tickets.id, ids) : undefined,
        orderIds.length ? inArray(tickets.orderId, orderIds) : undefined,
      ),
    )
    .orderBy(asc(orders.createdAt), asc(tickets.position), asc(tickets.createdAt));
}

/**
 * The attendees as JSON. `sensitive` holds the opened sensitive answers and pronouns of exactly the tickets the
 * reader may see; for every other ticket no sealed value is opened (and sensitive questions are left out).
 */
async function buildAttendees(
  ctx: Pick<Ctx, 'db'>,
  rows: TicketRow[],
  sensitive: Map<string, SensitiveData | null>,
): Promise<Map<string, ExportedAttendee>> {
  const out = new Map<string, ExportedAttendee>();
  if (!rows.length) return out;
  const ids = rows.map((r) => r.ticket.id);
  const [given, seats] = await Promise.all([
    // Plain (non-sensitive) answers only: sensitive ones come from `sensitive`, opened by the caller.
    ctx.db
      .select({
        ticketId: answers.ticketId,
        questionId: answers.questionId,
        key: questions.key,
        label: questions.label,
        value: answers.value,
        isSensitive: questions.isSensitive,
      })
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(inArray(answers.ticketId, ids))
      .orderBy(asc(questions.sortOrder), asc(questions.key)),
    workshopSeatsOf(ctx.db, ids),
  ]);
  for (const r of rows) {
    const t = r.ticket;
    const maySee = sensitive.has(t.id);
    const opened = sensitive.get(t.id) ?? null;
    const list: ExportedAnswer[] = [];
    for (const a of given) {
      if (a.ticketId !== t.id) continue;
      if (!a.isSensitive) list.push({ question: a.key, label: a.label, value: a.value ?? '', sensitive: false });
      else if (maySee) {
        const value = opened?.answers.find((o) => o.questionId === a.questionId)?.value;
        if (value !== undefined) list.push({ question: a.key, label: a.label, value, sensitive: true });
      }
    }
    out.set(t.id, {
      legalName: t.legalName,
      badgeName: t.badgeName,
      email: t.email,
      ...(maySee ? { pronouns: opened?.pronouns ?? '' } : {}),
      directoryOptIn: t.directoryOptIn,
      photoPreference: t.photoPreference,
      ticket: {
        type: r.type,
        attendance: r.attendance,
        validOn: r.validOn,
        orderReference: r.order.reference,
        orderStatus: r.order.status,
        price: t.price,
        discount: t.discount,
        currency: r.order.currency,
        registeredAt: iso(t.createdAt),
        transferredAt: isoOrNull(t.transferredAt),
      },
      workshops: seats
        .filter((s) => s.ticketId === t.id)
        .map((s) => ({ title: s.title, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) })),
      answers: list,
      sensitiveWithheld: !maySee,
    });
  }
  return out;
}

/** Opens the sensitive answers and pronouns of tickets whose holder is reading them (never a staff path). */
async function openOwnSensitive(
  ctx: Pick<Ctx, 'db' | 'vault'>,
  ticketIds: string[],
): Promise<Map<string, SensitiveData>> {
  const out = new Map<string, SensitiveData>();
  if (!ticketIds.length) return out;
  const [rows, pronounRows] = await Promise.all([
    ctx.db
      .select(sealedAnswerColumns)
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(and(inArray(answers.ticketId, ticketIds), eq(questions.isSensitive, true))),
    ctx.db.select(sealedPronounColumns).from(tickets).where(inArray(tickets.id, ticketIds)),
  ]);
  for (const id of ticketIds) out.set(id, { answers: [], pronouns: '' });
  for (const r of rows)
    out.get(r.ticketId)!.answers.push({ questionId: r.questionId, key: r.key, value: openAnswer(ctx.vault, r) });
  for (const r of pronounRows) out.get(r.id)!.pronouns = openPronouns(ctx.vault, r);
  return out;
}

async function eventSummary(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<AttendeeExport['event']> {
  const [e] = await ctx.db
    .select({ name: events.name, startsOn: events.startsOn, endsOn: events.endsOn })
    .from(events)
    .where(eq(events.id, eventId));
  return e ?? { name: '', startsOn: '', endsOn: '' };
}

function emailView(m: {
  kind: string;
  subject: string | null;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}): ExportedEmail {
  return {
    kind: m.kind,
    subject: m.subject,
    status: m.status,
    createdAt: iso(m.createdAt),
    sentAt: isoOrNull(m.sentAt),
  };
}

const emailColumns = {
  kind: emailMessages.kind,
  subject: emailMessages.subject,
  status: emailMessages.status,
  createdAt: emailMessages.createdAt,
  sentAt: emailMessages.sentAt,
  to: emailMessages.toEmail,
};

async function accessRequestsOf(
  ctx: Pick<Ctx, 'db' | 'vault'>,
  ticketIds: string[],
  withNotes: boolean,
): Promise<Map<string, ExportedAccessRequest>> {
  const out = new Map<string, ExportedAccessRequest>();
  if (!ticketIds.length) return out;
  const rows = await ctx.db.select().from(accessRequests).where(inArray(accessRequests.ticketId, ticketIds));
  for (const r of rows) {
    out.set(r.ticketId, {
      status: r.status,
      statusLabel: ACCESS_STATUS_LABELS[r.status],
      messageFromTeam: openOptional(ctx.vault, r.messageCipher, r.messageKeyId),
      statusChangedAt: iso(r.statusChangedAt),
      ...(withNotes ? { internalNotes: openOptional(ctx.vault, r.notesCipher, r.notesKeyId) } : {}),
    });
  }
  return out;
}

async function agendaOf(ctx: Pick<Ctx, 'db'>, ticketIds: string[]): Promise<Map<string, ExportedAgendaItem[]>> {
  const out = new Map<string, ExportedAgendaItem[]>(ticketIds.map((id) => [id, []]));
  if (!ticketIds.length) return out;
  const rows = await ctx.db
    .select({
      ticketId: agendaItems.ticketId,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      room: rooms.name,
      starredAt: agendaItems.createdAt,
    })
    .from(agendaItems)
    .innerJoin(sessions, eq(sessions.id, agendaItems.sessionId))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(inArray(agendaItems.ticketId, ticketIds))
    .orderBy(asc(sessions.startsAt));
  for (const r of rows)
    out.get(r.ticketId)!.push({
      title: r.title,
      startsAt: iso(r.startsAt),
      endsAt: iso(r.endsAt),
      room: r.room,
      starredAt: iso(r.starredAt),
    });
  return out;
}

async function checkInsOf(ctx: Pick<Ctx, 'db'>, ticketIds: string[]): Promise<Map<string, ExportedCheckIn[]>> {
  const out = new Map<string, ExportedCheckIn[]>(ticketIds.map((id) => [id, []]));
  if (!ticketIds.length) return out;
  const rows = await ctx.db
    .select({ ticketId: checkIns.ticketId, list: checkinLists.name, at: checkIns.checkedInAt })
    .from(checkIns)
    .innerJoin(checkinLists, eq(checkinLists.id, checkIns.listId))
    .where(inArray(checkIns.ticketId, ticketIds))
    .orderBy(asc(checkIns.checkedInAt));
  for (const r of rows) out.get(r.ticketId)!.push({ list: r.list, at: iso(r.at) });
  return out;
}

async function viewsOf(ctx: Pick<Ctx, 'db'>, ticketId: string): Promise<ExportedView[]> {
  return (await listSensitiveViews(ctx.db, ticketId, 10_000)).map((v) => ({
    at: iso(v.at),
    why: v.why,
    role: v.role,
    name: v.name,
  }));
}

async function orderRecord(ctx: Pick<Ctx, 'db'>, order: Order): Promise<ExportedOrder> {
  const [payments, refundRows, voucher] = await Promise.all([
    ctx.db
      .select({ type: paymentEvents.type, outcome: paymentEvents.outcome, receivedAt: paymentEvents.receivedAt })
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, order.id))
      .orderBy(asc(paymentEvents.receivedAt)),
    ctx.db
      .select({ amount: refunds.amount, status: refunds.status, reason: refunds.reason, createdAt: refunds.createdAt })
      .from(refunds)
      .where(eq(refunds.orderId, order.id))
      .orderBy(asc(refunds.createdAt)),
    order.voucherId
      ? ctx.db.select({ code: vouchers.code }).from(vouchers).where(eq(vouchers.id, order.voucherId))
      : Promise.resolve([]),
  ]);
  return {
    reference: order.reference,
    status: order.status,
    source: order.source,
    currency: order.currency,
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    voucherCode: voucher[0]?.code ?? null,
    paymentState: order.paymentState,
    amountPaid: order.amountPaid,
    amountRefunded: order.amountRefunded,
    paymentReference: order.paymentReference,
    createdAt: iso(order.createdAt),
    paidAt: isoOrNull(order.paidAt),
    billing: { name: order.buyerName, email: order.buyerEmail },
    payments: payments.map((p) => ({ type: p.type, outcome: p.outcome, receivedAt: iso(p.receivedAt) })),
    refunds: refundRows.map((r) => ({
      amount: r.amount,
      status: r.status,
      reason: r.reason,
      createdAt: iso(r.createdAt),
    })),
  };
}

/** Counts a download of a link's export; refuses with THROTTLED beyond EXPORT_RATE. */
export async function countExport(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  kind: 'ticket' | 'order' | 'person',
  key: string,
): Promise<void> {
  const hit = await hitRateLimit(
    ctx.db,
    `export:${kind}:${hashToken(key)}`,
    EXPORT_RATE.limit,
    EXPORT_RATE.windowMs,
    ctx.clock.now(),
  );
  if (!hit.allowed) {
    throw new DomainError(
      'THROTTLED',
      'Too many downloads in a short time. Please wait a few minutes and try again.',
      {},
      { retryAfterSeconds: hit.retryAfterSeconds },
    );
  }
}

/** Everything held about the holder of a live attendee page token; null for an unknown, revoked or lapsed one. */
export async function exportAttendeeData(
  ctx: Ctx,
  pageToken: string,
  options: { rateLimit?: boolean } = {},
): Promise<AttendeeExport | null> {
  const found = await resolveTicketPage(ctx, pageToken);
  if (!found) return null;
  // Counted only for a live link, so made-up tokens leave no counters behind.
  if (options.rateLimit) await countExport(ctx, 'ticket', pageToken);
  const [row] = await loadTicketRows(ctx, { ticketIds: [found.ticketId] });
  if (!row) return null;
  const t = row.ticket;
  const sensitive = await openOwnSensitive(ctx, [t.id]);
  const [attendees, event, access, agenda, checks, mails, views] = await Promise.all([
    buildAttendees(ctx, [row], sensitive),
    eventSummary(ctx, row.order.eventId),
    accessRequestsOf(ctx, [t.id], false),
    agendaOf(ctx, [t.id]),
    checkInsOf(ctx, [t.id]),
    // Emails to this holder's address about this ticket or its order (not those to an earlier holder or the buyer).
    ctx.db
      .select(emailColumns)
      .from(emailMessages)
      .where(
        and(
          eq(emailMessages.toEmail, normalEmail(t.email)),
          or(eq(emailMessages.ticketId, t.id), eq(emailMessages.orderId, row.order.id)),
        ),
      )
      .orderBy(asc(emailMessages.createdAt)),
    viewsOf(ctx, t.id),
  ]);
  const a = attendees.get(t.id)!;
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    kind: 'attendee',
    generatedAt: iso(ctx.clock.now()),
    event,
    person: {
      legalName: a.legalName,
      badgeName: a.badgeName,
      email: a.email,
      pronouns: a.pronouns ?? '',
      directoryOptIn: a.directoryOptIn,
      photoPreference: a.photoPreference,
    },
    ticket: a.ticket,
    workshops: a.workshops,
    answers: a.answers,
    accessRequest: access.get(t.id) ?? null,
    agenda: agenda.get(t.id) ?? [],
    checkIns: checks.get(t.id) ?? [],
    emails: mails.map(emailView),
    sensitiveDataViews: views,
  };
}

/**
 * What the order link's holder may take away: the order with its money, every attendee's non-sensitive data, and
 * sensitive answers and pronouns only of the tickets the buyer manages. Null for an unknown or lapsed link.
 */
export async function exportOrderData(
  ctx: Ctx,
  orderToken: string,
  options: { rateLimit?: boolean } = {},
): Promise<OrderExport | null> {
  const view = await getOrderByToken(ctx, orderToken);
  if (!view) return null;
  if (options.rateLimit) await countExport(ctx, 'order', orderToken);
  const { order } = view;
  const rows = await loadTicketRows(ctx, { orderIds: [order.id] });
  // Only the managed tickets' sealed values are read at all.
  const managed = rows.filter((r) => buyerManagesTicket(r.ticket, order)).map((r) => r.ticket.id);
  const sensitive = await openOwnSensitive(ctx, managed);
  const [attendees, event, record, mails] = await Promise.all([
    buildAttendees(ctx, rows, sensitive),
    eventSummary(ctx, order.eventId),
    orderRecord(ctx, order),
    ctx.db
      .select(emailColumns)
      .from(emailMessages)
      .where(and(eq(emailMessages.orderId, order.id), eq(emailMessages.toEmail, normalEmail(order.buyerEmail))))
      .orderBy(asc(emailMessages.createdAt)),
  ]);
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    kind: 'order',
    generatedAt: iso(ctx.clock.now()),
    event,
    order: { ...record, status: view.status },
    attendees: rows.map((r) => attendees.get(r.ticket.id)!),
    emails: mails.map(emailView),
  };
}

export interface ExportReader {
  id: string;
  email: string;
  name?: string;
  role: UserRole;
}

const personSchema = z
  .object({
    email: z
      .string({ error: 'Enter an email address.' })
      .trim()
      .min(1, 'Enter an email address.')
      .max(320, 'This email address is too long.')
      .pipe(z.email('Enter a valid email address, like name@example.org.')),
  })
  .strict();

/** Whether a staff role may export a person's data (owners only). */
export function canExportPeople(role: UserRole): boolean {
  return can(role, 'privacy.manage');
}

/**
 * For owners: everything tied to an email address, as buyer and as attendee, across orders and events, with
 * waiting-list entries, access requests (internal notes included) and emails. Sensitive answers and pronouns are
 * included for the person's own tickets and those they manage as buyer, opened through the audited staff path.
 * Refuses other roles; NOT_FOUND when nothing is held for the address.
 */
export async function exportPersonByEmail(
  ctx: Ctx,
  input: { reader: ExportReader; email: unknown; rateLimit?: boolean },
): Promise<PersonExport> {
  if (!canExportPeople(input.reader.role))
    throw new DomainError('FORBIDDEN', 'Your account does not have access to this.');
  const { email: given } = parseInput(personSchema, { email: input.email });
  if (input.rateLimit) await countExport(ctx, 'person', input.reader.id);
  const email = normalEmail(given);
  const now = ctx.clock.now();
  const lowered = (column: typeof tickets.email | typeof orders.buyerEmail | typeof waitlistEntries.email) =>
    sql`lower(trim(${column})) = ${email}`;

  const [ownTickets, boughtOrders, waiting, mails] = await Promise.all([
    ctx.db.select({ id: tickets.id }).from(tickets).where(lowered(tickets.email)),
    ctx.db.select().from(orders).where(lowered(orders.buyerEmail)).orderBy(asc(orders.createdAt)),
    ctx.db
      .select({
        event: events.name,
        type: ticketTypes.publicLabel,
        session: sessions.title,
        name: waitlistEntries.name,
        status: waitlistEntries.status,
        joinedAt: waitlistEntries.createdAt,
        confirmedAt: waitlistEntries.confirmedAt,
        offeredAt: waitlistEntries.offeredAt,
        offerExpiresAt: waitlistEntries.offerExpiresAt,
      })
      .from(waitlistEntries)
      .innerJoin(events, eq(events.id, waitlistEntries.eventId))
      .leftJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
      .leftJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
      .where(lowered(waitlistEntries.email))
      .orderBy(asc(waitlistEntries.createdAt)),
    ctx.db
      .select(emailColumns)
      .from(emailMessages)
      .where(eq(emailMessages.toEmail, email))
      .orderBy(desc(emailMessages.createdAt)),
  ]);
  if (!ownTickets.length && !boughtOrders.length && !waiting.length && !mails.length) {
    throw new DomainError('NOT_FOUND', 'Nothing is held for this email address.');
  }

  const rows = await loadTicketRows(ctx, {
    ticketIds: ownTickets.map((t) => t.id),
    orderIds: boughtOrders.map((o) => o.id),
  });
  const ownIds = new Set(ownTickets.map((t) => t.id));
  const boughtIds = new Set(boughtOrders.map((o) => o.id));
  // The person's own tickets, and those they manage as buyer (no email of their own): never another attendee's.
  const readable = rows.filter(
    (r) => ownIds.has(r.ticket.id) || (boughtIds.has(r.order.id) && buyerManagesTicket(r.ticket, r.order)),
  );

  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await recordAudit(tx, {
      actor: staffActor(input.reader),
      action: 'privacy.export',
      targetType: 'person',
      targetId: '',
      summary: `Exported a person's data (${rows.length} ticket${rows.length === 1 ? '' : 's'}, ${boughtOrders.length} order${boughtOrders.length === 1 ? '' : 's'} as buyer)`,
      details: {
        tickets: rows.length,
        ordersAsBuyer: boughtOrders.length,
        waitlistEntries: waiting.length,
        emails: mails.length,
      },
      at: now,
    });
    const sensitive = new Map<string, SensitiveData | null>();
    const byEvent = new Map<string, string[]>();
    for (const r of readable) {
      sensitive.set(r.ticket.id, null);
      byEvent.set(r.order.eventId, [...(byEvent.get(r.order.eventId) ?? []), r.ticket.id]);
    }
    for (const [eventId, ticketIds] of byEvent) {
      const opened = await readSensitiveData(txCtx, {
        reader: input.reader,
        why: 'exported',
        action: 'privacy.export_sensitive',
        eventId,
        targetType: 'person',
        targetId: '',
        summary: 'Exported sensitive answers in a personal data export',
        ticketIds,
      });
      for (const [id, data] of opened) sensitive.set(id, data);
    }
    const ownList = rows.filter((r) => ownIds.has(r.ticket.id)).map((r) => r.ticket.id);
    const [attendees, access, agenda, checks, orderRecords] = await Promise.all([
      buildAttendees(txCtx, rows, sensitive),
      accessRequestsOf(txCtx, ownList, true),
      agendaOf(txCtx, ownList),
      checkInsOf(txCtx, ownList),
      Promise.all(boughtOrders.map((o) => orderRecord(txCtx, o))),
    ]);
    const asAttendee: PersonExport['asAttendee'] = [];
    for (const r of rows) {
      if (!ownIds.has(r.ticket.id)) continue;
      asAttendee.push({
        event: r.eventName,
        ...attendees.get(r.ticket.id)!,
        accessRequest: access.get(r.ticket.id) ?? null,
        agenda: agenda.get(r.ticket.id) ?? [],
        checkIns: checks.get(r.ticket.id) ?? [],
        sensitiveDataViews: await viewsOf(txCtx, r.ticket.id),
      });
    }
    const eventNames = new Map(rows.map((r) => [r.order.eventId, r.eventName]));
    const asBuyer = boughtOrders.map((o, i) => ({
      event: eventNames.get(o.eventId) ?? '',
      ...orderRecords[i]!,
      attendees: rows.filter((r) => r.order.id === o.id).map((r) => attendees.get(r.ticket.id)!),
    }));
    return {
      schemaVersion: EXPORT_SCHEMA_VERSION,
      kind: 'person',
      generatedAt: iso(now),
      email,
      asBuyer,
      asAttendee,
      waitlist: waiting.map((w) => ({
        event: w.event,
        target: w.type ?? w.session ?? '',
        name: w.name,
        status: w.status,
        joinedAt: iso(w.joinedAt),
        confirmedAt: isoOrNull(w.confirmedAt),
        offeredAt: isoOrNull(w.offeredAt),
        offerExpiresAt: isoOrNull(w.offerExpiresAt),
      })),
      emails: mails.map((m) => ({ ...emailView(m), to: m.to })),
    } satisfies PersonExport;
  });
}

/** The JSON text of an export, indented for reading. */
export function exportJson(data: AttendeeExport | OrderExport | PersonExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

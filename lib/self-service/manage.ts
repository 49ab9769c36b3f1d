// The attendee's own page behind the order's secret link: what each ticket holds and what may still change.
// Details, workshops and transfers are open until the change cut-off (events.changes_until, else the start of
// the event's first day in its zone); cancellation with a full refund until events.refund_until. Every
// self-service action resolves the order again from the token and only ever touches tickets of that order.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@/db/client';
import { answers, orders, tickets, type Event, type Order, type Ticket } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { getOrderByToken, type OrderView } from '../orders/queries';
import { getEventOrThrow } from '../programme/build';
import { loadTicketTypes, type CatalogueQuestion, type CatalogueTicketType } from '../catalogue/listing';
import { openAnswer, openPronouns } from '../privacy/sealed';
import { publicReaderMaySee, type PublicReader } from '../privacy/visibility';
import { formatInstant, zonedTimeToUtc } from '../time';
import { isUuid } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

/** Until when attendees may change details, workshops and names: changes_until, or the first day's midnight. */
export function changesCutoff(event: Pick<Event, 'changesUntil' | 'startsOn' | 'timezone'>): Date {
  return event.changesUntil ?? zonedTimeToUtc(event.startsOn, '00:00', event.timezone);
}

export function changesClosedMessage(event: Pick<Event, 'changesUntil' | 'startsOn' | 'timezone'>): string {
  return `Changes to registrations closed on ${formatInstant(changesCutoff(event), event.timezone, { weekday: false })}. Please contact the organizers if something needs to change.`;
}

export function assertChangesOpen(event: Pick<Event, 'changesUntil' | 'startsOn' | 'timezone'>, now: Date): void {
  if (now >= changesCutoff(event)) throw new DomainError('CONFLICT', changesClosedMessage(event));
}

/** Self-service cancellation with a full refund is open before refund_until; null means never. */
export function selfCancelOpen(event: Pick<Event, 'refundUntil'>, now: Date): boolean {
  return event.refundUntil !== null && now < event.refundUntil;
}

export interface PaidOrder {
  order: Order;
  event: Event;
}

/** The order behind a token, for an action: it must exist and be paid (confirmed). */
export async function paidOrderByToken(ctx: Pick<Ctx, 'db' | 'clock'>, token: unknown): Promise<PaidOrder> {
  const view = typeof token === 'string' ? await getOrderByToken(ctx, token) : null;
  if (!view) throw new DomainError('NOT_FOUND', 'This order link is not valid.');
  if (view.status !== 'paid') {
    throw new DomainError(
      'CONFLICT',
      'Only a confirmed registration can be changed here. This order is not confirmed (any more).',
    );
  }
  return { order: view.order, event: await getEventOrThrow(ctx, view.order.eventId) };
}

const ticketNotFound = () => new DomainError('NOT_FOUND', 'Ticket not found.');

/** A ticket of the given order, or "not found" (also for a ticket id of another order). */
export async function ticketOfOrder(db: DbOrTx, orderId: string, ticketId: unknown): Promise<Ticket> {
  if (typeof ticketId !== 'string' || !isUuid(ticketId)) throw ticketNotFound();
  const [ticket] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId.toLowerCase()), eq(tickets.orderId, orderId)));
  if (!ticket) throw ticketNotFound();
  return ticket;
}

/**
 * Inside an action's transaction: the order must still be paid (shared lock, so a cancellation waits for the
 * change or the change sees the cancellation) and the ticket is locked for this change.
 */
export async function lockTicketForChange(tx: Tx, orderId: string, ticketId: string): Promise<Ticket> {
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)).for('share');
  if (order?.status !== 'paid')
    throw new DomainError('CONFLICT', 'This registration is no longer confirmed, so nothing was changed.');
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.orderId, orderId)))
    .for('update');
  if (!ticket) throw ticketNotFound();
  return ticket;
}

export interface AnsweredQuestion extends CatalogueQuestion {
  value: string;
}

export interface ManageTicket {
  id: string;
  ticketTypeId: string;
  label: string;
  attendance: 'in_person' | 'virtual';
  includesWorkshops: boolean;
  validOn: string | null;
  legalName: string;
  badgeName: string;
  email: string;
  pronouns: string;
  directoryOptIn: boolean;
  photoPreference: 'ok' | 'no_photos';
  transferredAt: Date | null;
  /**
   * The attendee's sensitive answers and pronouns are theirs alone (they have their own page) and were neither
   * read nor included: `pronouns` is '' and `questions` holds only the questions that are not sensitive.
   */
  privateToAttendee: boolean;
  /** The sensitive questions left out because they are private to the attendee. */
  privateQuestions: { id: string; key: string }[];
  questions: AnsweredQuestion[];
}

/**
 * Tickets of an order with their type and the answers to its questions, in the order's own sequence, as `reader`
 * may see them (lib/privacy/visibility.ts): what a reader may not see is filtered out before anything is opened.
 */
export async function loadManageTickets(
  ctx: Pick<AppContext, 'db' | 'vault'>,
  order: Pick<Order, 'id' | 'eventId' | 'buyerEmail'>,
  reader: PublicReader,
  onlyTicketId?: string,
): Promise<ManageTicket[]> {
  const { db, vault } = ctx;
  const rows = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.orderId, order.id), onlyTicketId ? eq(tickets.id, onlyTicketId) : undefined))
    .orderBy(asc(tickets.position), asc(tickets.createdAt));
  if (!rows.length) return [];
  const [types, given] = await Promise.all([
    loadTicketTypes(db, order.eventId, [...new Set(rows.map((r) => r.ticketTypeId))]),
    db
      .select()
      .from(answers)
      .where(
        inArray(
          answers.ticketId,
          rows.map((r) => r.id),
        ),
      ),
  ]);
  const typeById = new Map<string, CatalogueTicketType>(types.map((t) => [t.id, t]));
  return rows.map((r) => {
    const type = typeById.get(r.ticketTypeId);
    const maySee = publicReaderMaySee(reader, r, order);
    const questions = (type?.questions ?? [])
      .filter((q) => maySee || !q.isSensitive)
      .map((q) => {
        const row = given.find((a) => a.ticketId === r.id && a.questionId === q.id);
        return { ...q, value: row ? openAnswer(vault, row) : '' };
      });
    return {
      id: r.id,
      ticketTypeId: r.ticketTypeId,
      label: type?.publicLabel ?? 'Ticket',
      attendance: type?.attendance ?? 'in_person',
      includesWorkshops: type?.includesWorkshops ?? false,
      validOn: type?.validOn ?? null,
      legalName: r.legalName,
      badgeName: r.badgeName,
      email: r.email,
      pronouns: maySee ? openPronouns(vault, r) : '',
      directoryOptIn: r.directoryOptIn,
      photoPreference: r.photoPreference,
      transferredAt: r.transferredAt,
      privateToAttendee: !maySee,
      questions,
      privateQuestions: maySee
        ? []
        : (type?.questions ?? []).filter((q) => q.isSensitive).map((q) => ({ id: q.id, key: q.key })),
    };
  });
}

export interface ManageView {
  view: OrderView;
  event: Event;
  now: Date;
  changes: { open: boolean; until: Date; closedMessage: string };
  cancel: { open: boolean; until: Date | null; policy: string };
  /** Attendee details by ticket id (paid orders only; empty otherwise). */
  tickets: Map<string, ManageTicket>;
}

/** Everything the manage page shows, or null for an unknown token. */
export async function getManageView(ctx: Ctx, token: string): Promise<ManageView | null> {
  const view = await getOrderByToken(ctx, token);
  if (!view) return null;
  const event = await getEventOrThrow(ctx, view.order.eventId);
  const now = ctx.clock.now();
  const details = view.status === 'paid' ? await loadManageTickets(ctx, view.order, { kind: 'buyer' }) : [];
  return {
    view,
    event,
    now,
    changes: {
      open: now < changesCutoff(event),
      until: changesCutoff(event),
      closedMessage: changesClosedMessage(event),
    },
    cancel: {
      open: view.status === 'paid' && selfCancelOpen(event, now),
      until: event.refundUntil,
      policy: event.refundPolicy,
    },
    tickets: new Map(details.map((t) => [t.id, t])),
  };
}

export interface TicketPage {
  order: Order;
  event: Event;
  now: Date;
  ticket: ManageTicket;
  changesOpen: boolean;
  changesUntil: Date;
  closedMessage: string;
}

/** One ticket of a paid order for its own page (edit, workshops, transfer); null when not found or not paid. */
export async function getTicketPage(ctx: Ctx, token: string, ticketId: string): Promise<TicketPage | null> {
  if (!isUuid(ticketId)) return null;
  const view = await getOrderByToken(ctx, token);
  if (!view || view.status !== 'paid') return null;
  const [ticket] = await loadManageTickets(ctx, view.order, { kind: 'buyer' }, ticketId.toLowerCase());
  if (!ticket) return null;
  const event = await getEventOrThrow(ctx, view.order.eventId);
  const now = ctx.clock.now();
  const until = changesCutoff(event);
  return {
    order: view.order,
    event,
    now,
    ticket,
    changesOpen: now < until,
    changesUntil: until,
    closedMessage: changesClosedMessage(event),
  };
}

// Each attendee's own private page (/tickets/<token>), opened by a 'page' ticket token from their ticket email:
// their ticket and workshops, their own answers (theirs alone to edit, until the change cut-off), their agenda,
// their access request's status and the team's message, and who at the organization viewed their sensitive
// data. Only a live token of a paid order opens it; the token is looked up by its hash and never names the order.
import { and, asc, eq, gt, isNull, or } from 'drizzle-orm';
import {
  accessRequests,
  orders,
  sessions,
  ticketTokens,
  tickets,
  workshopSeats,
  type Event,
  type Order,
} from '@/db/schema';
import { ACCESS_STATUS_LABELS } from '../access/requests';
import { listAgendaSessions, type AgendaSession } from '../agenda/queries';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { openOptional } from '../privacy/sealed';
import { listSensitiveViews, type SensitiveViewEntry } from '../privacy/sensitive-access';
import { getEventOrThrow } from '../programme/build';
import { saveAttendeeDetails, type EditAttendeeResult } from '../self-service/edit-attendee';
import { changesClosedMessage, changesCutoff, loadManageTickets, type ManageTicket } from '../self-service/manage';
import { issueTicketPageLink, orderLinkExpiry } from '../links/secret-links';
import { buyerManagesTicket } from '../privacy/visibility';
import { hashToken } from '../tokens';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export interface AccessRequestView {
  status: keyof typeof ACCESS_STATUS_LABELS;
  statusLabel: string;
  message: string;
  updatedAt: Date;
}

export interface AttendeePage {
  order: Pick<Order, 'id' | 'reference' | 'eventId'>;
  event: Event;
  now: Date;
  ticket: ManageTicket;
  workshops: { title: string; slug: string; startsAt: Date; endsAt: Date }[];
  changes: { open: boolean; until: Date; closedMessage: string };
  agenda: AgendaSession[];
  access: AccessRequestView | null;
  views: SensitiveViewEntry[];
}

/** The ticket and paid order a live page token opens, or null (unknown, revoked, lapsed, or not paid). */
export async function resolveTicketPage(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  token: unknown,
): Promise<{ ticketId: string; order: Order } | null> {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const [row] = await ctx.db
    .select({ ticketId: tickets.id, order: orders })
    .from(ticketTokens)
    .innerJoin(tickets, eq(tickets.id, ticketTokens.ticketId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(
      and(
        eq(ticketTokens.tokenHash, hashToken(token)),
        eq(ticketTokens.purpose, 'page'),
        isNull(ticketTokens.revokedAt),
        or(isNull(ticketTokens.expiresAt), gt(ticketTokens.expiresAt, ctx.clock.now())),
      ),
    );
  if (!row || row.order.status !== 'paid') return null;
  return row;
}

/** The team's side of the attendee's access request, as the attendee may see it (never the internal notes). */
async function accessRequestView(ctx: Ctx, ticketId: string): Promise<AccessRequestView | null> {
  const [row] = await ctx.db
    .select({
      status: accessRequests.status,
      messageCipher: accessRequests.messageCipher,
      messageKeyId: accessRequests.messageKeyId,
      updatedAt: accessRequests.statusChangedAt,
    })
    .from(accessRequests)
    .where(eq(accessRequests.ticketId, ticketId));
  if (!row) return null;
  return {
    status: row.status,
    statusLabel: ACCESS_STATUS_LABELS[row.status],
    message: openOptional(ctx.vault, row.messageCipher, row.messageKeyId),
    updatedAt: row.updatedAt,
  };
}

export async function getAttendeePage(ctx: Ctx, token: string): Promise<AttendeePage | null> {
  const found = await resolveTicketPage(ctx, token);
  if (!found) return null;
  const { order } = found;
  const event = await getEventOrThrow(ctx, order.eventId);
  const [ticket] = await loadManageTickets(ctx, order, { kind: 'attendee', ticketId: found.ticketId }, found.ticketId);
  if (!ticket) return null;
  const now = ctx.clock.now();
  const [workshops, agenda, access, views] = await Promise.all([
    ctx.db
      .select({ title: sessions.title, slug: sessions.slug, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
      .from(workshopSeats)
      .innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId))
      .where(eq(workshopSeats.ticketId, ticket.id))
      .orderBy(asc(sessions.startsAt)),
    listAgendaSessions(ctx, event, ticket.id),
    accessRequestView(ctx, ticket.id),
    listSensitiveViews(ctx.db, ticket.id),
  ]);
  const until = changesCutoff(event);
  return {
    order: { id: order.id, reference: order.reference, eventId: order.eventId },
    event,
    now,
    ticket,
    workshops,
    changes: { open: now < until, until, closedMessage: changesClosedMessage(event) },
    agenda: agenda.filter((s) => s.starred),
    access,
    views,
  };
}

/** The attendee changes their own details and answers (sensitive ones included) from their page. */
export async function editOwnDetails(
  ctx: Ctx,
  input: { token: unknown; details: unknown },
): Promise<EditAttendeeResult> {
  const found = await resolveTicketPage(ctx, input.token);
  if (!found) throw new DomainError('NOT_FOUND', 'This link is not valid any more.');
  const event = await getEventOrThrow(ctx, found.order.eventId);
  return saveAttendeeDetails(ctx, {
    order: found.order,
    event,
    ticketId: found.ticketId,
    reader: { kind: 'attendee', ticketId: found.ticketId },
    details: input.details,
  });
}

/**
 * Fresh links to the own pages of the tickets in the buyer's own name, for the order page: the buyer gets no ticket
 * email for those, yet their page is where their access request and the record of who viewed their answers are.
 */
export async function issueBuyerOwnPageLinks(
  ctx: Pick<Ctx, 'db'>,
  order: Pick<Order, 'buyerEmail'>,
  event: Pick<Event, 'endsOn' | 'timezone'>,
  list: { id: string; email: string }[],
  now: Date,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of list) {
    if (t.email.trim() && buyerManagesTicket(t, order))
      out.set(t.id, await issueTicketPageLink(ctx.db, t.id, now, orderLinkExpiry(event, now)));
  }
  return out;
}

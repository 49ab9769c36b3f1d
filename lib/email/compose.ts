// Turns an outbox row into the email to send, at send time: reads what the kind needs from the database (the
// row holds ids only), issues fresh links and ticket tokens (only their hashes are stored), renders the HTML
// and plain-text parts, and attaches the calendar and QR images. Resolves to null when the email no longer
// applies (a hold_expired for an order paid late, a payment_failed for an order paid since, an offer that
// lapsed), so the sender skips it rather than telling someone something untrue.
import { eq } from 'drizzle-orm';
import { refunds, sessions, ticketTypes, waitlistEntries, type EmailMessage } from '@/db/schema';
import type { AppContext } from '../context';
import { formatMoney } from '../money';
import { effectiveStatus } from '../orders/queries';
import { loadDayWindows, ticketsCalendar } from './calendar';
import { issueOfferLink, issueOrderLink, issueTicketTokens, qrPngBase64, ticketQrPayload, urls } from './links';
import {
  calendarTicket, eventFacts, formatInstant, loadEvent, loadOrderEmailData, sameAddress, ticketCard, type EmailTicket, type OrderEmailData,
} from './order-data';
import { emailSubject, eventLabel } from './subjects';
import { renderEmailTemplate, type EmailTemplate, type TicketCard, type UnkeptPaymentReason } from './templates';

export type ComposeCtx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface EmailAttachment {
  filename: string;
  /** Base64. */
  content: string;
  contentType: string;
  /** Set for inline images referenced from the HTML as cid:<contentId> (Resend's `contentId`). */
  contentId?: string;
}

export interface ComposedEmail {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
}

export async function composeEmail(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  if (message.kind === 'waitlist_offer') return composeOffer(ctx, message);
  if (!message.orderId) return null;
  const data = await loadOrderEmailData(ctx.db, message.orderId);
  if (!data) return null;
  const eventName = eventLabel(data.event);
  const built = await buildOrderEmail(ctx, message, data, eventName);
  if (!built) return null;
  const { html, text } = await renderEmailTemplate(built.template);
  return { subject: emailSubject(message.kind, { eventName }), html, text, ...(built.attachments?.length ? { attachments: built.attachments } : {}) };
}

interface Built { template: EmailTemplate; attachments?: EmailAttachment[] }

async function buildOrderEmail(ctx: ComposeCtx, message: EmailMessage, data: OrderEmailData, eventName: string | null): Promise<Built | null> {
  const { order, event } = data;
  const now = ctx.clock.now();
  const appUrl = ctx.config.APP_URL;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const orderUrl = async () => urls.order(appUrl, await issueOrderLink(ctx.db, order.id, now));
  const base = { eventName, reference: order.reference };
  const facts = eventFacts(event);
  switch (message.kind) {
    case 'order_confirmation': {
      if (order.status !== 'paid') return null;
      // The buyer's calendar holds the workshops of the tickets that carry the buyer's own address: the other
      // attendees get their own ticket email and calendar.
      const own = (t: EmailTicket) => sameAddress(t.email, order.buyerEmail);
      const [manageUrl, cards, calendar] = await Promise.all([
        orderUrl(), ticketCards(ctx, data, data.tickets), calendarFile(ctx, data, data.tickets.map((t) => calendarTicket(t, own(t)))),
      ]);
      const total = order.total > 0 ? money(order.total) : null;
      return {
        template: { kind: 'order_confirmation', props: { ...base, buyerName: order.buyerName, event: facts, tickets: cards.cards, total, manageUrl, calendarAttached: true } },
        attachments: [...cards.attachments, calendar],
      };
    }
    case 'ticket': {
      const ticket = data.tickets.find((t) => t.id === message.ticketId);
      if (order.status !== 'paid' || !ticket) return null;
      const [cards, calendar] = await Promise.all([ticketCards(ctx, data, [ticket]), calendarFile(ctx, data, [calendarTicket(ticket, true)])]);
      return {
        template: { kind: 'ticket', props: { ...base, event: facts, ticket: cards.cards[0]!, calendarAttached: true } },
        attachments: [...cards.attachments, calendar],
      };
    }
    case 'reminder': {
      if (order.status !== 'paid') return null;
      const [manageUrl, cards] = await Promise.all([orderUrl(), ticketCards(ctx, data, data.tickets)]);
      return { template: { kind: 'reminder', props: { ...base, event: facts, tickets: cards.cards, manageUrl } }, attachments: cards.attachments };
    }
    case 'payment_receipt': {
      if (order.amountPaid <= 0) return null;
      const receiptUrl = urls.receipt(appUrl, await issueOrderLink(ctx.db, order.id, now));
      return {
        template: {
          kind: 'payment_receipt',
          props: {
            ...base, buyerName: order.buyerName, paidAt: formatInstant(order.paidAt ?? message.createdAt, event.timezone), paymentReference: order.paymentReference,
            lines: data.tickets.map((t) => ({ label: t.label, amount: money(t.price) })), discount: order.discount > 0 ? `−${money(order.discount)}` : null,
            total: money(order.amountPaid), receiptUrl,
          },
        },
      };
    }
    case 'payment_failed': {
      // Only while the order can still be paid: a later success or the hold's end makes it moot.
      if (effectiveStatus(order, now) !== 'pending_payment' || order.amountPaid > 0) return null;
      const holdUntil = order.expiresAt ? formatInstant(order.expiresAt, event.timezone) : null;
      return { template: { kind: 'payment_failed', props: { ...base, holdUntil, retryUrl: await orderUrl() } } };
    }
    case 'hold_expired':
      // A payment that came late and was honoured makes the order paid: then this email no longer applies.
      if (effectiveStatus(order, now) !== 'expired' || order.amountPaid > 0) return null;
      return { template: { kind: 'hold_expired', props: { ...base, registerUrl: urls.register(appUrl) } } };
    case 'cancellation':
      if (order.status !== 'cancelled') return null;
      return { template: { kind: 'cancellation', props: { ...base, wasPaid: order.amountPaid > 0, registerUrl: urls.register(appUrl) } } };
    case 'refund': {
      const refund = await loadRefund(ctx, message);
      if (!refund || refund.status !== 'succeeded' || refund.orderId !== order.id) return null;
      const props = { ...base, amount: money(refund.amount), totalRefunded: money(order.amountRefunded), fullyRefunded: order.amountRefunded >= order.amountPaid };
      return { template: { kind: 'refund', props: { ...props, orderUrl: await orderUrl() } } };
    }
    case 'late_payment_refunded': {
      const refund = await loadRefund(ctx, message);
      // A refund the provider refused is an organizer's matter (the order is flagged); do not claim it went.
      if (!refund || refund.status === 'failed' || refund.orderId !== order.id) return null;
      const reason: UnkeptPaymentReason = (['seats_gone', 'duplicate', 'closed'] as const).find((r) => r === message.params.reason) ?? 'seats_gone';
      return { template: { kind: 'late_payment_refunded', props: { ...base, amount: money(refund.amount), reason, registerUrl: urls.register(appUrl) } } };
    }
    default:
      throw new Error(`No email template for kind "${message.kind}"`);
  }
}

async function loadRefund(ctx: ComposeCtx, message: EmailMessage) {
  const id = message.params.refundId;
  if (typeof id !== 'string') return null;
  const [refund] = await ctx.db.select().from(refunds).where(eq(refunds.id, id));
  return refund ?? null;
}

/** Ticket cards with a fresh QR token for each in-person ticket, the QR images as inline attachments. */
async function ticketCards(ctx: ComposeCtx, data: OrderEmailData, list: EmailTicket[]): Promise<{ cards: TicketCard[]; attachments: EmailAttachment[] }> {
  const inPerson = list.filter((t) => !t.online);
  const tokens = await issueTicketTokens(ctx.db, inPerson.map((t) => t.id), ctx.clock.now());
  const attachments: EmailAttachment[] = [];
  const cards: TicketCard[] = [];
  for (const [i, ticket] of list.entries()) {
    const token = tokens.get(ticket.id);
    let qr: TicketCard['qr'] = null;
    if (token) {
      const contentId = `ticket-qr-${i + 1}`;
      attachments.push({ filename: `ticket-${i + 1}.png`, content: await qrPngBase64(ticketQrPayload(token)), contentType: 'image/png', contentId });
      qr = { src: `cid:${contentId}`, alt: `QR code for the ticket of ${ticket.legalName}` };
    }
    cards.push(ticketCard(ticket, data.event, qr));
  }
  return { cards, attachments };
}

async function calendarFile(ctx: ComposeCtx, data: OrderEmailData, tickets: Parameters<typeof ticketsCalendar>[1]): Promise<EmailAttachment> {
  const days = await loadDayWindows(ctx.db, data.event);
  const ics = ticketsCalendar(data.event, tickets, { appUrl: ctx.config.APP_URL, now: ctx.clock.now(), days });
  // A neutral file name: it shows in the attachment list.
  return { filename: 'conference.ics', content: Buffer.from(ics, 'utf8').toString('base64'), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' };
}

async function composeOffer(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const entryId = message.params.entryId;
  if (typeof entryId !== 'string') return null;
  const now = ctx.clock.now();
  const [entry] = await ctx.db.select({
    id: waitlistEntries.id, eventId: waitlistEntries.eventId, status: waitlistEntries.status, expiresAt: waitlistEntries.offerExpiresAt,
    typeLabel: ticketTypes.publicLabel, sessionTitle: sessions.title,
  }).from(waitlistEntries)
    .leftJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
    .leftJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .where(eq(waitlistEntries.id, entryId));
  // Taken, lapsed or withdrawn since it was queued: nothing to offer any more.
  if (!entry || entry.status !== 'offered' || !entry.expiresAt || entry.expiresAt <= now) return null;
  const event = await loadEvent(ctx.db, entry.eventId);
  if (!event) return null;
  const token = await issueOfferLink(ctx.db, entry.id, now);
  const eventName = eventLabel(event);
  const { html, text } = await renderEmailTemplate({
    kind: 'waitlist_offer',
    props: {
      eventName, offeredFor: entry.typeLabel ?? entry.sessionTitle ?? 'A place', deadline: formatInstant(entry.expiresAt, event.timezone),
      offerUrl: urls.offer(ctx.config.APP_URL, token),
    },
  });
  return { subject: emailSubject('waitlist_offer', { eventName }), html, text };
}

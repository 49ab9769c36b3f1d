// Turns an outbox row into the email to send, at send time: reads what the kind needs from the database (the
// row holds ids only), issues fresh links and ticket tokens (only their hashes are stored), renders the HTML
// and plain-text parts. No attachments: QR codes are images served under the ticket's token and calendars are
// links, so every email fits Resend's batch endpoint (which takes no attachments). Resolves to null when the email no longer
// applies (a hold_expired for an order paid late, a payment_failed for an order paid since, an offer that
// lapsed), so the sender skips it rather than telling someone something untrue.
import { desc, eq, inArray } from 'drizzle-orm';
import { accountTokens, orders, refunds, users, type EmailMessage } from '@/db/schema';
import type { AppContext } from '../context';
import { formatMoney } from '../money';
import { effectiveStatus } from '../orders/queries';
import { ROLE_LABELS } from '../staff/permissions';
import { accountLinkUrl } from '../auth/setup-link';
import { hashToken, newSecretToken } from '../tokens';
import { issueOrderLink, issueTicketPageLink, issueTicketTokens, orderLinkExpiry, urls } from '../links/secret-links';
import { composeWaitlistConfirm, composeWaitlistOffer } from './compose-waitlist';
import type { ComposeBatch } from './prepare';
import {
  eventFacts,
  loadEvent,
  loadOrderEmailData,
  loadOrderEmailDataMany,
  sameAddress,
  ticketCard,
  type EmailTicket,
  type OrderEmailData,
} from './order-data';
import { emailSubject, eventLabel } from './subjects';
import { renderEmailTemplate, type EmailTemplate, type TicketCard, type UnkeptPaymentReason } from './templates';
import { formatInstant } from '../time';

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

/** The message's order, read with every other order of its batch in one go when it is part of one. */
async function orderData(
  ctx: ComposeCtx,
  message: EmailMessage & { orderId: string },
  batch?: ComposeBatch,
): Promise<OrderEmailData | null> {
  if (!batch) return loadOrderEmailData(ctx.db, message.orderId);
  let all = batch.memo.get('orders') as Promise<Map<string, OrderEmailData>> | undefined;
  if (!all) {
    all = loadOrderEmailDataMany(
      ctx.db,
      batch.messages.flatMap((m) => (m.orderId ? [m.orderId] : [])),
    );
    batch.memo.set('orders', all);
  }
  return (await all).get(message.orderId) ?? null;
}

export async function composeEmail(
  ctx: ComposeCtx,
  message: EmailMessage,
  batch?: ComposeBatch,
): Promise<ComposedEmail | null> {
  if (message.kind === 'waitlist_offer') return composeWaitlistOffer(ctx, message);
  if (message.kind === 'waitlist_confirm') return composeWaitlistConfirm(ctx, message);
  if (message.kind === 'order_access') return composeAccess(ctx, message);
  if (message.kind === 'staff_invitation') return composeInvitation(ctx, message);
  if (!message.orderId) return null;
  const data = await orderData(ctx, { ...message, orderId: message.orderId }, batch);
  if (!data) return null;
  const eventName = eventLabel(data.event);
  const built = await buildOrderEmail(ctx, message, data, eventName);
  if (!built) return null;
  const { html, text } = await renderEmailTemplate(built.template);
  return { subject: emailSubject(message.kind, { eventName }), html, text };
}

interface Built {
  template: EmailTemplate;
}

async function buildOrderEmail(
  ctx: ComposeCtx,
  message: EmailMessage,
  data: OrderEmailData,
  eventName: string | null,
): Promise<Built | null> {
  const { order, event } = data;
  const now = ctx.clock.now();
  const appUrl = ctx.config.APP_URL;
  const money = (amount: number) => formatMoney(amount, order.currency);
  const expiresAt = orderLinkExpiry(event, now);
  const orderToken = () => issueOrderLink(ctx.db, order.id, now, expiresAt);
  const orderUrl = async () => urls.order(appUrl, await orderToken());
  const base = { eventName, reference: order.reference };
  const facts = eventFacts(event);
  switch (message.kind) {
    case 'order_confirmation': {
      if (order.status !== 'paid') return null;
      const [manageToken, cards] = await Promise.all([orderToken(), ticketCards(ctx, data, data.tickets)]);
      const total = order.total > 0 ? money(order.total) : null;
      return {
        template: {
          kind: 'order_confirmation',
          props: {
            ...base,
            buyerName: order.buyerName,
            event: facts,
            tickets: cards.cards,
            total,
            manageUrl: urls.order(appUrl, manageToken),
            calendarUrl: urls.orderCalendar(appUrl, manageToken),
          },
        },
      };
    }
    case 'ticket': {
      const ticket = data.tickets.find((t) => t.id === message.ticketId);
      if (order.status !== 'paid' || !ticket) return null;
      // A ticket passed on since this was queued goes to its new holder in an email of its own.
      if (!sameAddress(ticket.email, message.toEmail)) return null;
      const [cards, pageToken] = await Promise.all([
        ticketCards(ctx, data, [ticket], { tokenForOnline: true }),
        issueTicketPageLink(ctx.db, ticket.id, now, expiresAt),
      ]);
      const token = cards.tokens.get(ticket.id);
      return {
        template: {
          kind: 'ticket',
          props: {
            ...base,
            event: facts,
            ticket: cards.cards[0]!,
            calendarUrl: token ? urls.ticketCalendar(appUrl, token) : null,
            pageUrl: urls.ticketPage(appUrl, pageToken),
          },
        },
      };
    }
    case 'access_update': {
      const ticket = data.tickets.find((t) => t.id === message.ticketId);
      // Passed on or no longer confirmed since: the news is not this address's any more.
      if (order.status !== 'paid' || !ticket || !sameAddress(ticket.email, message.toEmail)) return null;
      const pageToken = await issueTicketPageLink(ctx.db, ticket.id, now, expiresAt);
      return { template: { kind: 'access_update', props: { eventName, pageUrl: urls.ticketPage(appUrl, pageToken) } } };
    }
    case 'ticket_transferred': {
      const ticket = data.tickets.find((t) => t.id === message.ticketId);
      if (!ticket || !ticket.transferredAt) return null;
      return { template: { kind: 'ticket_transferred', props: { ...base, label: ticket.label } } };
    }
    case 'reminder': {
      if (order.status !== 'paid') return null;
      const [manageUrl, cards] = await Promise.all([orderUrl(), ticketCards(ctx, data, data.tickets)]);
      return { template: { kind: 'reminder', props: { ...base, event: facts, tickets: cards.cards, manageUrl } } };
    }
    case 'payment_receipt': {
      if (order.amountPaid <= 0) return null;
      const receiptUrl = urls.receipt(appUrl, await orderToken());
      return {
        template: {
          kind: 'payment_receipt',
          props: {
            ...base,
            buyerName: order.buyerName,
            paidAt: formatInstant(order.paidAt ?? message.createdAt, event.timezone),
            paymentReference: order.paymentReference,
            lines: data.tickets.map((t) => ({ label: t.label, amount: money(t.price) })),
            discount: order.discount > 0 ? `−${money(order.discount)}` : null,
            total: money(order.amountPaid),
            receiptUrl,
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
      return {
        template: {
          kind: 'cancellation',
          props: { ...base, wasPaid: order.amountPaid > 0, registerUrl: urls.register(appUrl) },
        },
      };
    case 'refund': {
      const refund = await loadRefund(ctx, message);
      if (!refund || refund.status !== 'succeeded' || refund.orderId !== order.id) return null;
      const props = {
        ...base,
        amount: money(refund.amount),
        totalRefunded: money(order.amountRefunded),
        fullyRefunded: order.amountRefunded >= order.amountPaid,
      };
      return { template: { kind: 'refund', props: { ...props, orderUrl: await orderUrl() } } };
    }
    case 'late_payment_refunded': {
      const refund = await loadRefund(ctx, message);
      // A refund the provider refused is an organizer's matter (the order is flagged); do not claim it went.
      if (!refund || refund.status === 'failed' || refund.orderId !== order.id) return null;
      const reason: UnkeptPaymentReason =
        (['seats_gone', 'duplicate', 'closed'] as const).find((r) => r === message.params.reason) ?? 'seats_gone';
      return {
        template: {
          kind: 'late_payment_refunded',
          props: { ...base, amount: money(refund.amount), reason, registerUrl: urls.register(appUrl) },
        },
      };
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

/**
 * Ticket cards with a fresh QR token for each in-person ticket; the QR is an image the platform serves under that
 * token (and stops serving once the token is revoked). `tokenForOnline` also issues one for online tickets, for
 * their calendar link (check-in refuses online tickets).
 */
async function ticketCards(
  ctx: ComposeCtx,
  data: OrderEmailData,
  list: EmailTicket[],
  options: { tokenForOnline?: boolean } = {},
): Promise<{ cards: TicketCard[]; tokens: Map<string, string> }> {
  const tokens = await issueTicketTokens(
    ctx.db,
    list.filter((t) => options.tokenForOnline || !t.online).map((t) => t.id),
    ctx.clock.now(),
  );
  const cards = list.map((ticket) => {
    const token = tokens.get(ticket.id);
    const qr =
      token && !ticket.online
        ? { src: urls.ticketQr(ctx.config.APP_URL, token), alt: `QR code for the ticket of ${ticket.legalName}` }
        : null;
    return ticketCard(ticket, data.event, qr);
  });
  return { cards, tokens };
}

/**
 * A staff invitation: a fresh one-time link (its own token row, same address, role and expiry as the invitation
 * the owner made, whose link the owner was shown), unless the invitation was used or has expired since.
 */
async function composeInvitation(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const id = message.params.invitationId;
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const now = ctx.clock.now();
  const [invitation] = await ctx.db.select().from(accountTokens).where(eq(accountTokens.id, id));
  if (
    !invitation ||
    invitation.purpose !== 'invitation' ||
    invitation.usedAt ||
    invitation.expiresAt <= now ||
    !invitation.email
  )
    return null;
  if (!sameAddress(invitation.email, message.toEmail)) return null;
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
  if (taken) return null;
  const token = newSecretToken();
  await ctx.db.insert(accountTokens).values({
    tokenHash: hashToken(token),
    purpose: 'invitation',
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    createdAt: now,
  });
  const { html, text } = await renderEmailTemplate({
    kind: 'staff_invitation',
    props: {
      eventName: null,
      role: ROLE_LABELS[invitation.role],
      url: accountLinkUrl(ctx.config.APP_URL, token),
      expires: formatInstant(invitation.expiresAt, 'UTC'),
    },
  });
  return { subject: emailSubject('staff_invitation'), html, text };
}

/** "find my registration": short-lived links to the address's own orders (the params name them; the buyer must still match). */
async function composeAccess(ctx: ComposeCtx, message: EmailMessage): Promise<ComposedEmail | null> {
  const ids = Array.isArray(message.params.orderIds)
    ? message.params.orderIds.filter((id): id is string => typeof id === 'string').slice(0, 10)
    : [];
  if (ids.length === 0) return null;
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select({
      id: orders.id,
      eventId: orders.eventId,
      reference: orders.reference,
      status: orders.status,
      expiresAt: orders.expiresAt,
      buyerEmail: orders.buyerEmail,
    })
    .from(orders)
    .where(inArray(orders.id, ids))
    .orderBy(desc(orders.createdAt));
  const mine = rows.filter((o) => sameAddress(o.buyerEmail, message.toEmail));
  const first = mine[0];
  if (!first) return null;
  const event = await loadEvent(ctx.db, first.eventId);
  if (!event) return null;
  const hours = ctx.config.ORDER_ACCESS_LINK_HOURS;
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  const statusWords: Record<string, string> = {
    paid: 'Registered',
    pending_payment: 'Awaiting payment',
    expired: 'Expired',
    cancelled: 'Cancelled',
    refunded: 'Refunded',
  };
  const links = [];
  for (const o of mine) {
    const token = await issueOrderLink(ctx.db, o.id, now, expiresAt);
    links.push({
      reference: o.reference,
      url: urls.order(ctx.config.APP_URL, token),
      status: statusWords[effectiveStatus(o, now)] ?? 'Registered',
    });
  }
  const eventName = eventLabel(event);
  const { html, text } = await renderEmailTemplate({
    kind: 'order_access',
    props: {
      eventName,
      orders: links,
      validFor: hours === 1 ? '1 hour' : `${hours} hours`,
      findUrl: urls.find(ctx.config.APP_URL),
    },
  });
  return { subject: emailSubject('order_access', { eventName }), html, text };
}

// Secrets an email carries, issued when it is composed: a new key to the order's private page, a ticket token
// for the QR code, a waiting-list offer or confirmation link. Only hashes are stored (db/schema/links.ts);
// earlier ones keep working, so an email resent under the same provider idempotency key (which may deliver the
// first content) still opens.
import QRCode from 'qrcode';
import type { DbOrTx } from '@/db/client';
import { orderLinks, ticketTokens, waitlistConfirmLinks, waitlistOfferLinks, type Event } from '@/db/schema';
import { zonedTimeToUtc } from '../time';
import { hashToken, newSecretToken } from '../tokens';

export function appBase(appUrl: string): string {
  return appUrl.replace(/\/+$/, '');
}

export const urls = {
  order: (appUrl: string, token: string) => `${appBase(appUrl)}/orders/${token}`,
  receipt: (appUrl: string, token: string) => `${appBase(appUrl)}/orders/${token}/receipt`,
  register: (appUrl: string) => `${appBase(appUrl)}/register`,
  find: (appUrl: string) => `${appBase(appUrl)}/find-registration`,
  orderCalendar: (appUrl: string, token: string) => `${appBase(appUrl)}/orders/${token}/calendar.ics`,
  ticketQr: (appUrl: string, token: string) => `${appBase(appUrl)}/tickets/${token}/qr.png`,
  ticketCalendar: (appUrl: string, token: string) => `${appBase(appUrl)}/tickets/${token}/calendar.ics`,
  /** The attendee's own private page (a 'page' token, never a QR token). */
  ticketPage: (appUrl: string, token: string) => `${appBase(appUrl)}/tickets/${token}`,
  offer: (appUrl: string, token: string) => `${appBase(appUrl)}/register?offer=${encodeURIComponent(token)}`,
  waitlistConfirm: (appUrl: string, token: string) =>
    `${appBase(appUrl)}/register/waitlist/confirm/${encodeURIComponent(token)}`,
};

/**
 * How long a link to the order sent by email keeps working: until 30 days after the event's last day (and at
 * least 30 days), after which "find my registration" sends a fresh, short-lived one.
 */
export function orderLinkExpiry(event: Pick<Event, 'endsOn' | 'timezone'>, now: Date): Date {
  const afterEvent = zonedTimeToUtc(event.endsOn, '23:59', event.timezone).getTime() + 30 * 86_400_000;
  return new Date(Math.max(afterEvent, now.getTime() + 30 * 86_400_000));
}

/**
 * When the order's own link (the one shown and returned when it was placed) stops working: the lifetime of a link
 * in an email composed at that moment, so the first link never outlives the ones sent later.
 */
export function firstOrderLinkExpiry(event: Pick<Event, 'endsOn' | 'timezone'>, order: { createdAt: Date }): Date {
  return orderLinkExpiry(event, order.createdAt);
}

/** A fresh key to the order's private page (opens it through getOrderByToken, like the original link). */
export async function issueOrderLink(
  db: DbOrTx,
  orderId: string,
  now: Date,
  expiresAt: Date | null = null,
): Promise<string> {
  const token = newSecretToken();
  await db.insert(orderLinks).values({ orderId, tokenHash: hashToken(token), createdAt: now, expiresAt });
  return token;
}

/** Fresh ticket tokens for QR codes, one per ticket, in one statement. Check-in finds a ticket by the token's hash. */
export async function issueTicketTokens(db: DbOrTx, ticketIds: string[], now: Date): Promise<Map<string, string>> {
  const tokens = new Map(ticketIds.map((id) => [id, newSecretToken()]));
  if (tokens.size) {
    await db
      .insert(ticketTokens)
      .values([...tokens].map(([ticketId, token]) => ({ ticketId, tokenHash: hashToken(token), createdAt: now })));
  }
  return tokens;
}

/**
 * A fresh link to the attendee's own page: a ticket token of purpose 'page', which check-in refuses, so the
 * secret that opens someone's answers is never the one their QR code shows at the door.
 */
export async function issueTicketPageLink(
  db: DbOrTx,
  ticketId: string,
  now: Date,
  expiresAt: Date | null,
): Promise<string> {
  const token = newSecretToken();
  await db
    .insert(ticketTokens)
    .values({ ticketId, tokenHash: hashToken(token), purpose: 'page', expiresAt, createdAt: now });
  return token;
}

/** A fresh link to a waiting-list offer; the entry's status and deadline still decide whether it is live. */
export async function issueOfferLink(db: DbOrTx, entryId: string, now: Date): Promise<string> {
  const token = newSecretToken();
  await db.insert(waitlistOfferLinks).values({ entryId, tokenHash: hashToken(token), createdAt: now });
  return token;
}

/** A fresh link confirming a waiting-list entry; the entry's state and confirm deadline decide whether it works. */
export async function issueWaitlistConfirmLink(db: DbOrTx, entryId: string, now: Date): Promise<string> {
  const token = newSecretToken();
  await db.insert(waitlistConfirmLinks).values({ entryId, tokenHash: hashToken(token), createdAt: now });
  return token;
}

/** What a ticket's QR code encodes: the bare token, so no page address is needed to scan it. */
export function ticketQrPayload(token: string): string {
  return token;
}

/** The QR code as a PNG, base64: medium error correction, big enough to scan from a phone screen. */
export async function qrPngBase64(payload: string): Promise<string> {
  const png = await QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 });
  return png.toString('base64');
}

// The private calendar feed of a personal agenda: /feeds/agenda/<ticketId>/<sig>.ics, where sig is an HMAC
// (keyed with AUTH_SECRET) of the ticket id and tickets.feed_version. Resetting bumps the version, so a leaked
// address stops working; the feed also stops when the order is no longer paid. Transferring a ticket bumps the
// version too (lib/self-service/transfer.ts), so the previous holder's address dies with their agenda.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { agendaItems, events, orders, rooms, sessions, tickets } from '@/db/schema';
import type { AppContext } from '../context';
import type { Env } from '../env';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { effectiveStatus } from '../orders/queries';
import { resolveAgendaTicket } from './access';
import { agendaCalendar } from './calendar';
import { speakerNames } from './speakers';
import { isUuid } from '../validation';

export const FEED_RESET_ACTION = 'agenda.feed_reset';
export const FEED_TITLES_ACTION = 'agenda.feed_titles';
const SIG = /^[A-Za-z0-9_-]{43}$/;

// Development and tests only: `npm start` always sets AUTH_SECRET; a deployment without one is refused.
const DEV_ONLY_SECRET = 'development-only-agenda-feed-secret';

export function feedSecret(config: Pick<Env, 'AUTH_SECRET' | 'APP_ENV'>): string {
  if (config.AUTH_SECRET) return config.AUTH_SECRET;
  if (config.APP_ENV === 'production') throw new Error('AUTH_SECRET must be set in production.');
  return DEV_ONLY_SECRET;
}

export function feedSignature(secret: string, ticketId: string, feedVersion: number): string {
  return createHmac('sha256', secret).update(`agenda:${ticketId}:${feedVersion}`).digest('base64url');
}

export interface FeedUrls {
  https: string;
  webcal: string;
}

export function feedUrls(appUrl: string, ticketId: string, sig: string): FeedUrls {
  const https = `${appUrl.replace(/\/+$/, '')}/feeds/agenda/${ticketId}/${sig}.ics`;
  return { https, webcal: https.replace(/^https?:\/\//, 'webcal://') };
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type FeedCtx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const NOT_FOUND_MESSAGE = 'This agenda was not found. Open it again from your order’s page.';

/** The .ics text of the agenda, built from the programme as it is now; null for anything but a live feed. */
export async function getAgendaFeed(ctx: FeedCtx, ticketId: string, sig: string): Promise<string | null> {
  if (!isUuid(ticketId) || !SIG.test(sig)) return null;
  const [row] = await ctx.db
    .select({
      feedVersion: tickets.feedVersion,
      feedShowsTitles: tickets.feedShowsTitles,
      status: orders.status,
      expiresAt: orders.expiresAt,
      eventId: events.id,
      venueName: events.venueName,
    })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .innerJoin(events, eq(events.id, orders.eventId))
    .where(eq(tickets.id, ticketId));
  const expected = feedSignature(feedSecret(ctx.config), ticketId, row?.feedVersion ?? 0);
  if (!sameSignature(sig, expected) || !row) return null;
  if (effectiveStatus(row, ctx.clock.now()) !== 'paid') return null;
  const starred = await ctx.db
    .select({
      id: sessions.id,
      slug: sessions.slug,
      title: sessions.title,
      visibility: sessions.visibility,
      contentNote: sessions.contentNote,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      updatedAt: sessions.updatedAt,
      room: rooms.name,
    })
    .from(agendaItems)
    .innerJoin(sessions, and(eq(sessions.id, agendaItems.sessionId), eq(sessions.eventId, row.eventId)))
    .leftJoin(rooms, eq(rooms.id, sessions.roomId))
    .where(eq(agendaItems.ticketId, ticketId))
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
  const names = await speakerNames(
    ctx.db,
    starred.map((s) => s.id),
  );
  return agendaCalendar(
    starred.map((s) => ({ ...s, speakers: names.get(s.id) ?? [] })),
    {
      appUrl: ctx.config.APP_URL,
      venueName: row.venueName,
      now: ctx.clock.now(),
      showTitles: row.feedShowsTitles,
    },
  );
}

/** Retires the ticket's feed address and makes a new one. Authorized by the order link, like the agenda itself. */
export async function resetAgendaFeed(ctx: FeedCtx, input: { token: string; ticketId: string }): Promise<FeedUrls> {
  const resolved = await resolveAgendaTicket(ctx, input.token, input.ticketId);
  if (resolved.state !== 'ok') throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const { order, ticket } = resolved.access;
  const now = ctx.clock.now();
  const version = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tickets)
      .set({ feedVersion: sql`${tickets.feedVersion} + 1`, updatedAt: now })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.orderId, order.id)))
      .returning({ feedVersion: tickets.feedVersion });
    if (!updated) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: FEED_RESET_ACTION,
      eventId: order.eventId,
      orderId: order.id,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: 'Calendar feed address reset',
      details: { feedVersion: updated.feedVersion },
      at: now,
    });
    return updated.feedVersion;
  });
  return feedUrls(ctx.config.APP_URL, ticket.id, feedSignature(feedSecret(ctx.config), ticket.id, version));
}

/**
 * The attendee's choice for their calendar feed: real titles of attendee-only sessions and sessions with a content
 * note, or "Conference session" (the default). Authorized by the order link, like the agenda itself; audited.
 */
export async function setFeedTitles(
  ctx: FeedCtx,
  input: { token: string; ticketId: string; showTitles: boolean },
): Promise<{ showTitles: boolean }> {
  const resolved = await resolveAgendaTicket(ctx, input.token, input.ticketId);
  if (resolved.state !== 'ok') throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const { order, ticket } = resolved.access;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tickets)
      .set({ feedShowsTitles: input.showTitles, updatedAt: now })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.orderId, order.id)))
      .returning({ id: tickets.id });
    if (!updated) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: FEED_TITLES_ACTION,
      eventId: order.eventId,
      orderId: order.id,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: input.showTitles ? 'Calendar feed shows real session titles' : 'Calendar feed made discreet',
      details: { showTitles: input.showTitles },
      at: now,
    });
  });
  return { showTitles: input.showTitles };
}

// The second step of joining a waiting list: the address's owner follows the emailed link and confirms. Only a
// confirmed entry is offered seats, and its place in the queue is the moment of confirmation. Confirming is a
// POST from the link's page (mail scanners that open links must not confirm for anyone); it is one conditional
// update, so a double click or two tabs confirm once.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { sessions, ticketTypes, waitlistConfirmLinks, waitlistEntries } from '@/db/schema';
import type { AppContext } from '../context';
import { hashToken } from '../tokens';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

/**
 * `pending`: the link works and the entry awaits confirmation; `confirmed`: it was confirmed (now or before);
 * `expired`: nobody confirmed in time; `closed`: confirmed once, but the place has ended since (its offer lapsed
 * or was used); `unknown`: no such link.
 */
export type ConfirmState =
  | { state: 'pending'; requestedFor: string; confirmBy: Date }
  | { state: 'confirmed'; requestedFor: string; justNow: boolean }
  | { state: 'expired' | 'closed' | 'unknown' };

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{20,100}$/;

async function entryForToken(ctx: Ctx, token: string) {
  if (!TOKEN_FORMAT.test(token)) return null;
  const [row] = await ctx.db
    .select({
      id: waitlistEntries.id,
      status: waitlistEntries.status,
      confirmedAt: waitlistEntries.confirmedAt,
      confirmExpiresAt: waitlistEntries.confirmExpiresAt,
      typeLabel: ticketTypes.publicLabel,
      sessionTitle: sessions.title,
    })
    .from(waitlistConfirmLinks)
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistConfirmLinks.entryId))
    .leftJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
    .leftJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .where(eq(waitlistConfirmLinks.tokenHash, hashToken(token)));
  return row ?? null;
}

export async function waitlistConfirmState(ctx: Ctx, token: string): Promise<ConfirmState> {
  const entry = await entryForToken(ctx, token);
  if (!entry) return { state: 'unknown' };
  const requestedFor = entry.typeLabel ?? entry.sessionTitle ?? 'A place';
  if (entry.confirmedAt) {
    return ['waiting', 'offered', 'accepted'].includes(entry.status)
      ? { state: 'confirmed', requestedFor, justNow: false }
      : { state: 'closed' };
  }
  if (entry.status === 'waiting' && entry.confirmExpiresAt && entry.confirmExpiresAt > ctx.clock.now()) {
    return { state: 'pending', requestedFor, confirmBy: entry.confirmExpiresAt };
  }
  return { state: 'expired' };
}

/** Confirms the entry the link belongs to, if it still awaits confirmation; otherwise says why not. */
export async function confirmWaitlistEntry(ctx: Ctx, token: string): Promise<ConfirmState> {
  const entry = await entryForToken(ctx, token);
  if (!entry) return { state: 'unknown' };
  const now = ctx.clock.now();
  const [done] = await ctx.db
    .update(waitlistEntries)
    .set({ confirmedAt: now })
    .where(
      and(
        eq(waitlistEntries.id, entry.id),
        eq(waitlistEntries.status, 'waiting'),
        isNull(waitlistEntries.confirmedAt),
        gt(waitlistEntries.confirmExpiresAt, now),
      ),
    )
    .returning({ id: waitlistEntries.id });
  if (done)
    return { state: 'confirmed', requestedFor: entry.typeLabel ?? entry.sessionTitle ?? 'A place', justNow: true };
  return waitlistConfirmState(ctx, token);
}

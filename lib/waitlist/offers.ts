// Waiting-list offers: when seats free up, confirmed entries get offers in list order (the moment each was
// confirmed), each holding a seat for the event's offer time (events.offer_minutes, set by the organizer).
// Offers count as taken seats until they expire; making them goes through the same pool locks as orders, and
// capacities are read only once those locks are held (room.ts).
import { and, asc, eq, exists, gt, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { events, waitlistEntries, waitlistOfferLinks } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { emailKeys } from '../outbox/triggers';
import { hashToken, newSecretToken } from '../tokens';
import { lockedFreeSeats, type WaitlistTarget } from './room';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export async function findLiveOffer(db: DbOrTx, eventId: string, token: string, now: Date) {
  const hash = hashToken(token);
  // The token made with the offer, or one the offer email issued when it was composed (waitlist_offer_links).
  const linked = db
    .select({ id: waitlistOfferLinks.id })
    .from(waitlistOfferLinks)
    .where(and(eq(waitlistOfferLinks.entryId, waitlistEntries.id), eq(waitlistOfferLinks.tokenHash, hash)));
  const [offer] = await db
    .select({
      id: waitlistEntries.id,
      ticketTypeId: waitlistEntries.ticketTypeId,
      sessionId: waitlistEntries.sessionId,
      email: waitlistEntries.email,
    })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.eventId, eventId),
        or(eq(waitlistEntries.offerTokenHash, hash), exists(linked)),
        eq(waitlistEntries.status, 'offered'),
        gt(waitlistEntries.offerExpiresAt, now),
      ),
    );
  return offer ?? null;
}

export interface MadeOffer {
  entryId: string;
  email: string;
  token: string;
  expiresAt: Date;
  ticketTypeId: string | null;
  sessionId: string | null;
}

/** Entries that may be offered a seat: confirmed by their owner and still waiting. */
const confirmedWaiting = and(eq(waitlistEntries.status, 'waiting'), isNotNull(waitlistEntries.confirmedAt));

/** Marks lapsed offers and unconfirmed entries past their deadline expired (tidying: queries never count them). */
async function expireLapsed(db: DbOrTx, eventId: string, now: Date): Promise<void> {
  await db
    .update(waitlistEntries)
    .set({ status: 'expired' })
    .where(
      and(
        eq(waitlistEntries.eventId, eventId),
        or(
          and(eq(waitlistEntries.status, 'offered'), lte(waitlistEntries.offerExpiresAt, now)),
          and(
            eq(waitlistEntries.status, 'waiting'),
            isNull(waitlistEntries.confirmedAt),
            or(isNull(waitlistEntries.confirmExpiresAt), lte(waitlistEntries.confirmExpiresAt, now)),
          ),
        ),
      ),
    );
}

/** Offers freed seats to confirmed entries, first confirmed first. Safe to run often and from several instances. */
export async function offerFreedSeats(ctx: Ctx, eventId: string): Promise<MadeOffer[]> {
  const now = ctx.clock.now();
  await expireLapsed(ctx.db, eventId, now);
  const targets = await ctx.db
    .selectDistinct({ ticketTypeId: waitlistEntries.ticketTypeId, sessionId: waitlistEntries.sessionId })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, eventId), confirmedWaiting));
  const made: MadeOffer[] = [];
  for (const row of targets) {
    const target: WaitlistTarget = row.ticketTypeId
      ? { ticketTypeId: row.ticketTypeId }
      : { sessionId: row.sessionId! };
    made.push(
      ...(await ctx.db.transaction(async (tx) => {
        const free = await lockedFreeSeats(tx, {
          eventId,
          target,
          now,
          lockTimeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS,
        });
        const count = free ?? 1000;
        if (count <= 0) return [];
        const [event] = await tx
          .select({ offerMinutes: events.offerMinutes })
          .from(events)
          .where(eq(events.id, eventId));
        if (!event) return [];
        const waiting = await tx
          .select()
          .from(waitlistEntries)
          .where(
            and(
              eq(waitlistEntries.eventId, eventId),
              confirmedWaiting,
              target.ticketTypeId
                ? eq(waitlistEntries.ticketTypeId, target.ticketTypeId)
                : eq(waitlistEntries.sessionId, target.sessionId!),
            ),
          )
          .orderBy(asc(waitlistEntries.confirmedAt), asc(waitlistEntries.id))
          .limit(count)
          .for('update', { skipLocked: true });
        const out: MadeOffer[] = [];
        for (const entry of waiting) {
          const token = newSecretToken();
          const expiresAt = new Date(now.getTime() + event.offerMinutes * 60_000);
          await tx
            .update(waitlistEntries)
            .set({ status: 'offered', offerTokenHash: hashToken(token), offeredAt: now, offerExpiresAt: expiresAt })
            .where(eq(waitlistEntries.id, entry.id));
          // The email carries a link issued when it is sent (no usable token waits in the outbox); params name the entry only.
          await enqueueEmail(tx, {
            kind: 'waitlist_offer',
            to: entry.email,
            idempotencyKey: emailKeys.waitlistOffer(entry.id, now),
            params: { entryId: entry.id },
            now,
          });
          out.push({
            entryId: entry.id,
            email: entry.email,
            token,
            expiresAt,
            ticketTypeId: entry.ticketTypeId,
            sessionId: entry.sessionId,
          });
        }
        return out;
      })),
    );
  }
  return made;
}

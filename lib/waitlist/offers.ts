// Waiting lists: join one for a sold-out ticket type or workshop; when seats free up, the longest waiting
// people get offers that hold a seat for the event's offer time. Offers count as taken seats until they
// expire, and making them goes through the same pool locks as orders.
import { and, asc, eq, exists, gt, inArray, isNotNull, lte, or } from 'drizzle-orm';
import { capacityPools, sessions, ticketTypePools, ticketTypes, waitlistEntries, waitlistOfferLinks, type WaitlistEntry } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { enqueueEmail } from '../email/enqueue';
import { emailKeys } from '../email/triggers';
import { advisoryPoolLocker } from '../capacity/lock-pools';
import { measureTaken, poolKey, remaining } from '../capacity/availability';
import { getEventOrThrow } from '../programme/build';
import { cleanText, emailSchema } from '../registration/schemas';
import { hashToken, newSecretToken } from '../tokens';
import { parseInput } from '../validation';
import { z } from 'zod';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export const joinWaitlistSchema = z.strictObject({
  name: cleanText('Name', 1, 200),
  email: emailSchema,
  ticketTypeId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
}).refine((v) => Boolean(v.ticketTypeId) !== Boolean(v.sessionId), { message: 'Choose one ticket type or one workshop', path: ['ticketTypeId'] });

export async function joinWaitlist(ctx: Ctx, eventId: string, input: unknown): Promise<{ entry: WaitlistEntry; alreadyWaiting: boolean }> {
  const data = parseInput(joinWaitlistSchema, input);
  if (data.ticketTypeId) {
    const [t] = await ctx.db.select({ id: ticketTypes.id }).from(ticketTypes).where(and(eq(ticketTypes.id, data.ticketTypeId), eq(ticketTypes.eventId, eventId), eq(ticketTypes.isHidden, false)));
    if (!t) throw new DomainError('NOT_FOUND', 'Unknown ticket type', { ticketTypeId: ['Unknown ticket type'] });
  } else {
    const [s] = await ctx.db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, data.sessionId!), eq(sessions.eventId, eventId), isNotNull(sessions.capacity)));
    if (!s) throw new DomainError('NOT_FOUND', 'Unknown workshop', { sessionId: ['Unknown workshop'] });
  }
  const rows = await ctx.db.insert(waitlistEntries).values({
    eventId, name: data.name, email: data.email, ticketTypeId: data.ticketTypeId ?? null, sessionId: data.sessionId ?? null, createdAt: ctx.clock.now(),
  }).onConflictDoNothing().returning();
  if (rows[0]) return { entry: rows[0], alreadyWaiting: false };
  const [existing] = await ctx.db.select().from(waitlistEntries).where(and(
    eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.email, data.email), inArray(waitlistEntries.status, ['waiting', 'offered']),
    data.ticketTypeId ? eq(waitlistEntries.ticketTypeId, data.ticketTypeId) : eq(waitlistEntries.sessionId, data.sessionId!),
  ));
  return { entry: existing!, alreadyWaiting: true };
}

export async function findLiveOffer(db: DbOrTx, eventId: string, token: string, now: Date) {
  const hash = hashToken(token);
  // The token made with the offer, or one the offer email issued when it was composed (waitlist_offer_links).
  const linked = db.select({ id: waitlistOfferLinks.id }).from(waitlistOfferLinks)
    .where(and(eq(waitlistOfferLinks.entryId, waitlistEntries.id), eq(waitlistOfferLinks.tokenHash, hash)));
  const [offer] = await db.select({ id: waitlistEntries.id, ticketTypeId: waitlistEntries.ticketTypeId, sessionId: waitlistEntries.sessionId, email: waitlistEntries.email })
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.eventId, eventId), or(eq(waitlistEntries.offerTokenHash, hash), exists(linked)), eq(waitlistEntries.status, 'offered'), gt(waitlistEntries.offerExpiresAt, now)));
  return offer ?? null;
}

export interface MadeOffer { entryId: string; email: string; token: string; expiresAt: Date; ticketTypeId: string | null; sessionId: string | null }

/** Offers freed seats to the people waiting longest. Safe to run often and from several instances. */
export async function offerFreedSeats(ctx: Ctx, eventId: string): Promise<MadeOffer[]> {
  const now = ctx.clock.now();
  const event = await getEventOrThrow(ctx, eventId);
  await ctx.db.update(waitlistEntries).set({ status: 'expired' })
    .where(and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.status, 'offered'), lte(waitlistEntries.offerExpiresAt, now)));
  const targets = await ctx.db.selectDistinct({ ticketTypeId: waitlistEntries.ticketTypeId, sessionId: waitlistEntries.sessionId })
    .from(waitlistEntries).where(and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.status, 'waiting')));
  const made: MadeOffer[] = [];
  for (const target of targets) {
    made.push(...await ctx.db.transaction(async (tx) => {
      // Every pool an offered seat would take: for a ticket type also its shared pools and the event, as in
      // reserve(), so a type without a limit of its own is not offered while the venue or event is full.
      const limits: { key: string; capacity: number | null }[] = [];
      let poolIds: string[] = [];
      if (target.ticketTypeId) {
        const [t] = await tx.select({ capacity: ticketTypes.capacity }).from(ticketTypes).where(eq(ticketTypes.id, target.ticketTypeId));
        const pools = await tx.select({ id: capacityPools.id, capacity: capacityPools.capacity }).from(ticketTypePools)
          .innerJoin(capacityPools, eq(capacityPools.id, ticketTypePools.poolId)).where(eq(ticketTypePools.ticketTypeId, target.ticketTypeId));
        poolIds = pools.map((p) => p.id);
        limits.push(
          { key: poolKey.event(eventId), capacity: event.capacity },
          { key: poolKey.ticketType(target.ticketTypeId), capacity: t?.capacity ?? null },
          ...pools.map((p) => ({ key: poolKey.pool(p.id), capacity: p.capacity })),
        );
      } else {
        const [s] = await tx.select({ capacity: sessions.capacity }).from(sessions).where(eq(sessions.id, target.sessionId!));
        limits.push({ key: poolKey.session(target.sessionId!), capacity: s?.capacity ?? null });
      }
      await advisoryPoolLocker.lock(tx, limits.map((l) => l.key), ctx.config.ORDER_LOCK_TIMEOUT_MS);
      const taken = await measureTaken(tx, now, {
        eventId, includeEvent: Boolean(target.ticketTypeId) && event.capacity !== null, poolIds,
        ticketTypeIds: target.ticketTypeId ? [target.ticketTypeId] : [], sessionIds: target.sessionId ? [target.sessionId] : [],
      });
      const free = limits.map((l) => remaining(l.capacity, taken.get(l.key) ?? 0)).filter((n): n is number => n !== null);
      const count = free.length ? Math.min(...free) : 1000;
      if (count <= 0) return [];
      const waiting = await tx.select().from(waitlistEntries).where(and(
        eq(waitlistEntries.status, 'waiting'),
        target.ticketTypeId ? eq(waitlistEntries.ticketTypeId, target.ticketTypeId) : eq(waitlistEntries.sessionId, target.sessionId!),
      )).orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id)).limit(count).for('update', { skipLocked: true });
      const out: MadeOffer[] = [];
      for (const entry of waiting) {
        const token = newSecretToken();
        const expiresAt = new Date(now.getTime() + event.offerMinutes * 60_000);
        await tx.update(waitlistEntries).set({ status: 'offered', offerTokenHash: hashToken(token), offeredAt: now, offerExpiresAt: expiresAt })
          .where(eq(waitlistEntries.id, entry.id));
        // The email carries a link issued when it is sent (no usable token waits in the outbox); params name the entry only.
        await enqueueEmail(tx, { kind: 'waitlist_offer', to: entry.email, idempotencyKey: emailKeys.waitlistOffer(entry.id, now), params: { entryId: entry.id }, now });
        out.push({ entryId: entry.id, email: entry.email, token, expiresAt, ticketTypeId: entry.ticketTypeId, sessionId: entry.sessionId });
      }
      return out;
    }));
  }
  return made;
}


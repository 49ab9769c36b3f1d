// Joining a waiting list. Allowed only while the ticket type (with its shared pools and the event) or workshop is
// really full, measured under the pool locks orders take; throttled per client and per address; capped per
// address; and an entry counts only once the address's owner confirms it through an emailed link (confirm.ts).
// What happens to an address is never told apart to the caller (sent, already waiting, capped, throttled): the
// form shows one sentence, so nobody learns from it whether someone else is on a list.
import { and, eq, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, ticketTypes, waitlistEntries } from '@/db/schema';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { enqueueEmail } from '../outbox/enqueue';
import { hitRateLimit } from '../rate-limit';
import { cleanText, emailSchema } from '../validation';
import { pseudonymousKey } from '../tokens';
import { parseInput } from '../validation';
import { lockedFreeSeats, type WaitlistTarget } from './room';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

/** Join attempts per hour: per client (a venue's wifi puts many people behind one address) and per address. */
export const WAITLIST_LIMITS = { windowMs: 60 * 60_000, perClient: 20, perEmail: 5 } as const;
/** How long a confirmation link works; an entry nobody confirmed lapses then. */
export const WAITLIST_CONFIRM_HOURS = 24;

export const joinWaitlistSchema = z
  .strictObject({
    name: cleanText('Name', 1, 200),
    email: emailSchema,
    ticketTypeId: z.uuid().optional(),
    sessionId: z.uuid().optional(),
  })
  .refine((v) => Boolean(v.ticketTypeId) !== Boolean(v.sessionId), {
    message: 'Choose one ticket type or one workshop',
    path: ['ticketTypeId'],
  });

/**
 * What happened, for tests and logs; the page answers all of these alike. `confirmation_sent`: a new entry
 * waits for its owner's click; `confirmation_resent`: an unconfirmed one got a fresh link and deadline;
 * `already_waiting`: confirmed or offered already, nothing sent; `over_cap`: the address holds its maximum of
 * places; `email_throttled`: too many requests for the address this hour. The last two write no entry, send nothing.
 */
export type JoinOutcome =
  'confirmation_sent' | 'confirmation_resent' | 'already_waiting' | 'over_cap' | 'email_throttled';

export const waitlistConfirmKey = (entryId: string, now: Date) => `waitlist_confirm:${entryId}:${now.toISOString()}`;

async function assertTarget(ctx: Ctx, eventId: string, target: WaitlistTarget): Promise<void> {
  if (target.ticketTypeId) {
    const [t] = await ctx.db
      .select({ id: ticketTypes.id })
      .from(ticketTypes)
      .where(
        and(eq(ticketTypes.id, target.ticketTypeId), eq(ticketTypes.eventId, eventId), eq(ticketTypes.isHidden, false)),
      );
    if (!t) throw new DomainError('NOT_FOUND', 'Unknown ticket type', { ticketTypeId: ['Unknown ticket type'] });
  } else {
    const [s] = await ctx.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, target.sessionId!), eq(sessions.eventId, eventId), isNotNull(sessions.capacity)));
    if (!s) throw new DomainError('NOT_FOUND', 'Unknown workshop', { sessionId: ['Unknown workshop'] });
  }
}

async function sendConfirmation(tx: DbOrTx, entryId: string, email: string, now: Date): Promise<void> {
  await enqueueEmail(tx, {
    kind: 'waitlist_confirm',
    to: email,
    idempotencyKey: waitlistConfirmKey(entryId, now),
    params: { entryId },
    now,
  });
}

export async function joinWaitlist(
  ctx: Ctx,
  eventId: string,
  input: unknown,
  meta: { clientKey: string | null },
): Promise<{ outcome: JoinOutcome; entryId: string | null }> {
  const data = parseInput(joinWaitlistSchema, input);
  const target: WaitlistTarget = data.ticketTypeId
    ? { ticketTypeId: data.ticketTypeId }
    : { sessionId: data.sessionId! };
  const now = ctx.clock.now();
  const addressKey = pseudonymousKey(data.email, ctx.config.AUTH_SECRET ?? 'development');
  // Every attempt counts, whatever its answer, in statements of their own so that a refusal below keeps them.
  const { windowMs, perClient, perEmail } = WAITLIST_LIMITS;
  const emailHit = await hitRateLimit(ctx.db, `waitlist:email:${addressKey}`, perEmail, windowMs, now);
  if (meta.clientKey) {
    const clientHit = await hitRateLimit(ctx.db, `waitlist:client:${meta.clientKey}`, perClient, windowMs, now);
    if (!clientHit.allowed) {
      throw new DomainError(
        'THROTTLED',
        'Too many waiting-list requests from this connection. Please try again later.',
        {},
        { retryAfterSeconds: clientHit.retryAfterSeconds },
      );
    }
  }
  await assertTarget(ctx, eventId, target);

  return ctx.db.transaction(async (tx) => {
    // The address's own lock, taken with the pools', so two joins for one address cannot both pass the cap.
    const free = await lockedFreeSeats(tx, {
      eventId,
      target,
      now,
      lockTimeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS,
      alsoLock: [`waitlist:email:${eventId}:${addressKey}`],
    });
    if (free === null || free > 0) {
      throw new DomainError('CONFLICT', 'Seats are available: register instead.', {}, { reason: 'seats_available' });
    }
    if (!emailHit.allowed) return { outcome: 'email_throttled' as const, entryId: null };
    const mine = and(eq(waitlistEntries.eventId, eventId), eq(waitlistEntries.email, data.email));
    // Lapsed places give up their slot: an unconfirmed entry past its deadline, an offer past its own.
    await tx
      .update(waitlistEntries)
      .set({ status: 'expired' })
      .where(
        and(
          mine,
          or(
            and(
              eq(waitlistEntries.status, 'waiting'),
              isNull(waitlistEntries.confirmedAt),
              or(isNull(waitlistEntries.confirmExpiresAt), lte(waitlistEntries.confirmExpiresAt, now)),
            ),
            and(eq(waitlistEntries.status, 'offered'), lte(waitlistEntries.offerExpiresAt, now)),
          ),
        ),
      );
    const active = await tx
      .select()
      .from(waitlistEntries)
      .where(and(mine, inArray(waitlistEntries.status, ['waiting', 'offered'])));
    const confirmBy = new Date(now.getTime() + WAITLIST_CONFIRM_HOURS * 3_600_000);
    const same = active.find((e) =>
      target.ticketTypeId ? e.ticketTypeId === target.ticketTypeId : e.sessionId === target.sessionId,
    );
    if (same) {
      if (same.status === 'offered' || same.confirmedAt)
        return { outcome: 'already_waiting' as const, entryId: same.id };
      await tx
        .update(waitlistEntries)
        .set({ confirmExpiresAt: confirmBy, name: data.name })
        .where(eq(waitlistEntries.id, same.id));
      await sendConfirmation(tx, same.id, data.email, now);
      return { outcome: 'confirmation_resent' as const, entryId: same.id };
    }
    if (active.length >= ctx.config.WAITLIST_MAX_PER_EMAIL) return { outcome: 'over_cap' as const, entryId: null };
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({
        eventId,
        name: data.name,
        email: data.email,
        ticketTypeId: target.ticketTypeId ?? null,
        sessionId: target.sessionId ?? null,
        confirmExpiresAt: confirmBy,
        createdAt: now,
      })
      .returning({ id: waitlistEntries.id });
    await sendConfirmation(tx, entry!.id, data.email, now);
    return { outcome: 'confirmation_sent' as const, entryId: entry!.id };
  });
}

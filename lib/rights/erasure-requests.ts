// Erasure requests: an attendee asks from their own page (the page token is the authority), once per ticket
// (a repeat says it is pending) and rate limited; an owner confirms, which erases every record under the address,
// or declines. The address waits sealed by the vault while the request is pending and is cleared once decided.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { auditLog, erasureRequests, events, tickets, type AuditEntry } from '@/db/schema';
import { recordAudit, staffActor } from '../audit/record';
import type { DbOrTx } from '@/db/client';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { hitRateLimit } from '../rate-limit';
import { resolveTicketPage } from '../tickets/attendee-page';
import { assertPrivacyManager, erasePerson, erasureEmailHash, type ErasureResult, type PrivacyActor } from './erasure';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

export const ERASURE_REQUEST_LIMIT = { perTicket: 5, windowMs: 60 * 60_000 };

export interface ErasureRequestState {
  status: 'pending';
  requestedAt: Date;
}

async function pendingFor(ctx: Pick<Ctx, 'db'>, ticketId: string): Promise<ErasureRequestState | null> {
  const [row] = await ctx.db
    .select({ requestedAt: erasureRequests.requestedAt })
    .from(erasureRequests)
    .where(and(eq(erasureRequests.ticketId, ticketId), eq(erasureRequests.status, 'requested')));
  return row ? { status: 'pending', requestedAt: row.requestedAt } : null;
}

/** The attendee's pending request, for their page; null when none (or the link does not open a page). */
export async function getErasureRequestState(
  ctx: Pick<Ctx, 'db' | 'clock'>,
  token: unknown,
): Promise<ErasureRequestState | null> {
  const found = await resolveTicketPage(ctx, token);
  return found ? pendingFor(ctx, found.ticketId) : null;
}

/** Records the attendee's request; a second one answers with the pending one (`created: false`). */
export async function requestErasure(
  ctx: Ctx,
  input: { token: unknown },
): Promise<ErasureRequestState & { created: boolean }> {
  const found = await resolveTicketPage(ctx, input.token);
  if (!found) throw new DomainError('NOT_FOUND', 'This link is not valid any more.');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const hit = await hitRateLimit(
      tx,
      `erasure:ticket:${found.ticketId}`,
      ERASURE_REQUEST_LIMIT.perTicket,
      ERASURE_REQUEST_LIMIT.windowMs,
      now,
    );
    if (!hit.allowed)
      throw new DomainError('THROTTLED', 'Too many requests from this page. Please try again in an hour.');
    const pending = await pendingFor({ db: tx }, found.ticketId);
    if (pending) return { ...pending, created: false };
    const [ticket] = await tx.select({ email: tickets.email }).from(tickets).where(eq(tickets.id, found.ticketId));
    const email = ticket?.email.trim().toLowerCase() ?? '';
    if (!email) throw new DomainError('NOT_FOUND', 'This link is not valid any more.');
    const sealed = ctx.vault.seal(email);
    const inserted = await tx
      .insert(erasureRequests)
      .values({
        eventId: found.order.eventId,
        ticketId: found.ticketId,
        orderId: found.order.id,
        emailHash: erasureEmailHash(email),
        emailCipher: sealed.cipher,
        emailKeyId: sealed.keyId,
        requestedAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: erasureRequests.id });
    if (!inserted.length) return { status: 'pending' as const, requestedAt: now, created: false };
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: 'privacy.erasure_requested',
      eventId: found.order.eventId,
      orderId: found.order.id,
      targetType: 'erasure_request',
      targetId: inserted[0]!.id,
      summary: 'An attendee asked for their data to be erased',
      at: now,
    });
    return { status: 'pending' as const, requestedAt: now, created: true };
  });
}

export interface PendingErasureRequest {
  id: string;
  email: string;
  eventName: string | null;
  badgeName: string | null;
  requestedAt: Date;
}

/** Pending requests, oldest first, with the address (owners only: they decide on it). */
export async function listPendingErasureRequests(ctx: Ctx, actor: PrivacyActor): Promise<PendingErasureRequest[]> {
  assertPrivacyManager(actor);
  const rows = await ctx.db
    .select({
      id: erasureRequests.id,
      cipher: erasureRequests.emailCipher,
      keyId: erasureRequests.emailKeyId,
      eventName: events.name,
      badgeName: tickets.badgeName,
      requestedAt: erasureRequests.requestedAt,
    })
    .from(erasureRequests)
    .leftJoin(events, eq(events.id, erasureRequests.eventId))
    .leftJoin(tickets, eq(tickets.id, erasureRequests.ticketId))
    .where(eq(erasureRequests.status, 'requested'))
    .orderBy(asc(erasureRequests.requestedAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    eventName: r.eventName,
    badgeName: r.badgeName,
    requestedAt: r.requestedAt,
    email: r.cipher && r.keyId ? ctx.vault.open({ cipher: r.cipher, keyId: r.keyId }) : '',
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Confirm (erase everything under the address) or decline a pending request. */
export async function decideErasureRequest(
  ctx: Ctx,
  actor: PrivacyActor,
  input: { id: unknown; decision: unknown },
): Promise<{ decision: 'confirmed'; erased: ErasureResult | null } | { decision: 'declined' }> {
  assertPrivacyManager(actor);
  if (input.decision !== 'confirm' && input.decision !== 'decline')
    throw new DomainError('VALIDATION', 'Choose to confirm or decline.');
  const id = typeof input.id === 'string' && UUID.test(input.id) ? input.id : null;
  const [request] = id ? await ctx.db.select().from(erasureRequests).where(eq(erasureRequests.id, id)) : [];
  if (!request || request.status !== 'requested')
    throw new DomainError('NOT_FOUND', 'This request is not pending any more.');
  const now = ctx.clock.now();
  if (input.decision === 'decline') {
    await ctx.db.transaction(async (tx) => {
      await settle(tx, request.id, { status: 'declined', decidedAt: now, decidedByUserId: actor.id });
      await recordAudit(tx, {
        actor: staffActor(actor),
        action: 'privacy.erasure_declined',
        eventId: request.eventId,
        targetType: 'erasure_request',
        targetId: request.id,
        summary: 'Declined an erasure request',
        at: now,
      });
    });
    return { decision: 'declined' };
  }
  const email =
    request.emailCipher && request.emailKeyId
      ? ctx.vault.open({ cipher: request.emailCipher, keyId: request.emailKeyId })
      : '';
  let erased: ErasureResult | null = null;
  try {
    // Settles this request and every other pending one of the same person.
    erased = await erasePerson(ctx, { actor, email, reason: 'Requested by the attendee' });
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'NOT_FOUND')) throw error;
  }
  // Nothing left to erase (already done another way): the request is settled all the same.
  await settle(ctx.db, request.id, { status: 'confirmed', decidedAt: now, decidedByUserId: actor.id });
  return { decision: 'confirmed', erased };
}

/** The latest retention passes, for the privacy page. */
export async function listRetentionPasses(ctx: Pick<Ctx, 'db'>, limit = 10): Promise<AuditEntry[]> {
  return ctx.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'privacy.retention'))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}

export const countPendingErasureRequests = async (ctx: Pick<Ctx, 'db'>) =>
  (
    await ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from erasure_requests where status = 'requested'`)
  )[0]?.n ?? 0;

/**
 * Records the decision on a request still pending, and forgets the address it carried (hash and sealed copy):
 * a settled request no longer needs it.
 */
async function settle(
  db: DbOrTx,
  requestId: string,
  decision: { status: 'declined' | 'confirmed'; decidedAt: Date; decidedByUserId: string },
): Promise<void> {
  await db
    .update(erasureRequests)
    .set({ ...decision, emailHash: null, emailCipher: null, emailKeyId: null })
    .where(and(eq(erasureRequests.id, requestId), eq(erasureRequests.status, 'requested')));
}

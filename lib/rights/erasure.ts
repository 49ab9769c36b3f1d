// Erasure of one person on an owner's decision (GDPR article 17): every ticket they hold, every order they bought
// and every waiting-list place under their address is anonymized in one transaction (lib/rights/anonymize.ts),
// and one audit entry says that an erasure happened, with counts only: never the address or a name.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog, type UserRole } from '@/db/schema';
import { can } from '../staff/permissions';
import { recordAudit, staffActor } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { anonymize, ts, ERASED_TEXT, type AnonymizeCounts } from './anonymize';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const erasureSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter the email address of the person to erase.').max(320),
  reason: z.string().trim().max(200).optional(),
});

export type ErasureResult = AnonymizeCounts;

/** The staff member erasing: only roles with 'privacy.manage' (owners) may. */
export interface PrivacyActor {
  id: string;
  email: string;
  role: UserRole;
}

export function assertPrivacyManager(actor: PrivacyActor): void {
  if (!can(actor.role, 'privacy.manage'))
    throw new DomainError('FORBIDDEN', 'Only an owner may erase personal data or decide erasure requests.');
}

export interface ErasureInput {
  actor: PrivacyActor;
  email: unknown;
  reason?: unknown;
}

/** Who holds data under an address: their tickets, the orders they bought, their waiting-list places. */
export async function findPerson(db: Ctx['db'], email: string) {
  const [tickets, orders, waitlist] = await Promise.all([
    db.execute<{ id: string }>(sql`select id from tickets where lower(email) = ${email} and anonymized_at is null`),
    db.execute<{ id: string }>(
      sql`select id from orders where lower(buyer_email) = ${email} and anonymized_at is null`,
    ),
    db.execute<{ id: string }>(sql`select id from waitlist_entries where lower(email) = ${email}`),
  ]);
  return {
    ticketIds: tickets.map((r) => r.id),
    orderIds: orders.map((r) => r.id),
    waitlistIds: waitlist.map((r) => r.id),
  };
}

export async function erasePerson(ctx: Ctx, input: ErasureInput): Promise<ErasureResult> {
  assertPrivacyManager(input.actor);
  const parsed = erasureSchema.safeParse({ email: input.email, reason: input.reason || undefined });
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'email')] ??= []).push(issue.message);
    throw new DomainError('VALIDATION', 'Check the address.', fieldErrors);
  }
  const { email, reason } = parsed.data;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Two erasures of the same address at once would race over the same rows: one waits for the other.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`erasure:${email}`}, 0))`);
    const person = await findPerson(tx, email);
    const queued = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from email_messages where to_email = ${email}`,
    );
    if (!person.ticketIds.length && !person.orderIds.length && !person.waitlistIds.length && !queued[0]?.n) {
      throw new DomainError(
        'NOT_FOUND',
        'Nobody with this email address is registered (or their data was already erased).',
      );
    }
    // Pending requests of this person are settled by this erasure.
    await tx.execute(sql`update erasure_requests set status = 'confirmed', decided_at = ${ts(now)},
        decided_by_user_id = ${input.actor.id}, email_hash = null, email_cipher = null, email_key_id = null
      where status = 'requested' and (ticket_id = any(${`{${person.ticketIds.join(',')}}`}::uuid[]) or email_hash = ${erasureEmailHash(email)})`);
    // The entry is written first so the scrub below also clears the person's name from the owner's reason.
    const auditId = await recordAudit(tx, {
      actor: staffActor(input.actor),
      action: 'privacy.erasure',
      targetType: 'person',
      at: now,
      summary: "Erased a person's data",
      details: reason ? { reason: reason.toLowerCase().includes(email) ? ERASED_TEXT : reason } : {},
    });
    const counts = await anonymize(tx, { ...person, emails: [email], now });
    await tx
      .update(auditLog)
      .set({
        summary: `Erased a person's data: ${counts.tickets} tickets, ${counts.orders} orders as buyer, ${counts.waitlistEntries} waiting-list places`,
        details: sql`${auditLog.details} || ${JSON.stringify({ counts })}::jsonb`,
      })
      .where(eq(auditLog.id, auditId));
    return counts;
  });
}

/** The pseudonymous form of an address kept beside a pending request (settles every request of one person). */
export function erasureEmailHash(email: string): string {
  return createHash('sha256').update(`erasure:${email.trim().toLowerCase()}`).digest('hex');
}

/** The owner types the address a second time before an erasure, which cannot be undone. */
export function checkTypedConfirmation(email: unknown, typed: unknown): void {
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  if (!norm(typed) || norm(typed) !== norm(email)) {
    throw new DomainError('VALIDATION', 'Type the same address again to confirm.', {
      confirmEmail: ['Type the same address again to confirm.'],
    });
  }
}

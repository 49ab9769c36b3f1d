// The audit trail: one row per admin action, attendee self-service change and payment event. Callers write it in
// the same transaction as the change, so a change without its entry (or the reverse) never happens. Summaries
// must stay free of sensitive answers; they are shown to owners and on the order's page.
import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { auditLog, paymentEvents, type AuditEntry } from '@/db/schema';

export type AuditActor =
  | { type: 'user'; userId: string; label: string }
  | { type: 'attendee' }
  | { type: 'provider'; label: string }
  | { type: 'system' };

export interface AuditInput {
  actor: AuditActor;
  action: string;
  eventId?: string | null;
  orderId?: string | null;
  targetType?: string;
  targetId?: string;
  summary?: string;
  details?: Record<string, unknown>;
  at: Date;
}

export function staffActor(user: { id: string; email: string }): AuditActor {
  return { type: 'user', userId: user.id, label: user.email };
}

/** Writes one entry; answers its id (sensitive-data views link their tickets to it). */
export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<string> {
  const actor = input.actor;
  const [row] = await db
    .insert(auditLog)
    .values({
      eventId: input.eventId ?? null,
      actorType: actor.type,
      actorUserId: actor.type === 'user' ? actor.userId : null,
      actorLabel: actor.type === 'user' || actor.type === 'provider' ? actor.label : actor.type,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      orderId: input.orderId ?? null,
      summary: input.summary ?? '',
      details: input.details ?? {},
      createdAt: input.at,
    })
    .returning({ id: auditLog.id });
  return row!.id;
}

/**
 * Payment events belong in the audit trail too. The webhook records each one once, in payment_events (in the
 * transaction that applies it); rather than writing it twice, the trail reads it from there, shaped as an entry:
 * actor "provider", action "payment.<type>", and what applying it did.
 */
export const paymentEventEntries = sql`select pe.id, o.event_id, 'provider'::text as actor_type, null::uuid as actor_user_id,
    pe.provider as actor_label, 'payment.' || pe.type as action, 'payment_event'::text as target_type,
    pe.provider_event_id as target_id, pe.order_id, 'Payment event: ' || replace(pe.type, '_', ' ') || ' (' || replace(pe.outcome, '_', ' ') || ')' as summary,
    '{}'::jsonb as details, pe.received_at as created_at
  from payment_events pe left join orders o on o.id = pe.order_id`;

/** An order's trail, newest first: staff and attendee actions, and the payment provider's events. */
export async function orderTrail(db: DbOrTx, orderId: string, limit = 200): Promise<AuditEntry[]> {
  const [own, payments] = await Promise.all([
    db.select().from(auditLog).where(eq(auditLog.orderId, orderId)).orderBy(desc(auditLog.createdAt)).limit(limit),
    db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.orderId, orderId))
      .orderBy(desc(paymentEvents.receivedAt))
      .limit(limit),
  ]);
  const fromPayments: AuditEntry[] = payments.map((pe) => ({
    id: pe.id,
    eventId: null,
    actorType: 'provider',
    actorUserId: null,
    actorLabel: pe.provider,
    action: `payment.${pe.type}`,
    targetType: 'payment_event',
    targetId: pe.providerEventId,
    orderId: pe.orderId,
    summary: `Payment event: ${pe.type.replaceAll('_', ' ')} (${pe.outcome.replaceAll('_', ' ')})`,
    details: {},
    createdAt: pe.receivedAt,
  }));
  return [...own, ...fromPayments].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()).slice(0, limit);
}

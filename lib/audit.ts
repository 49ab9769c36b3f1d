// The audit trail: one row per admin action, attendee self-service change and payment event. Callers write it in
// the same transaction as the change, so a change without its entry (or the reverse) never happens. Summaries
// must stay free of sensitive answers; they are shown to owners and on the order's page.
import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

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

export async function recordAudit(db: DbOrTx, input: AuditInput): Promise<void> {
  const actor = input.actor;
  await db.insert(auditLog).values({
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
  });
}

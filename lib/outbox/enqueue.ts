// Puts an email in the outbox inside the caller's transaction: a row in email_messages (unique idempotency key,
// so replaying the change adds nothing) and a graphile-worker job to send it, both committed with the change
// or not at all. Nothing is sent here.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

export interface EmailRequest {
  kind: string;
  to: string;
  idempotencyKey: string;
  orderId?: string | null;
  ticketId?: string | null;
  /** References only (ids, amounts, dates): never names or answers. */
  params?: Record<string, unknown>;
  /** Send no earlier than this (reminders). */
  sendAfter?: Date | null;
  now: Date;
}

export const SEND_EMAIL_TASK = 'send_email';

/**
 * One statement that inserts the message and, only when it is new, adds its job. As SQL, so a caller that
 * pipelines raw statements (createOrder's reserve) can include it; `guard` makes it conditional (e.g. only if
 * the order row exists).
 */
export function enqueueEmailSql(request: EmailRequest, guard?: SQL): SQL {
  const runAt = request.sendAfter ? sql`${request.sendAfter.toISOString()}::timestamptz` : sql`null::timestamptz`;
  const now = sql`${request.now.toISOString()}::timestamptz`;
  return sql`with inserted as (
      insert into email_messages (kind, order_id, ticket_id, to_email, idempotency_key, params, send_after, created_at, updated_at)
      select ${request.kind}, ${request.orderId ?? null}::uuid, ${request.ticketId ?? null}::uuid, lower(${request.to}),
        ${request.idempotencyKey}, ${JSON.stringify(request.params ?? {})}::jsonb, ${runAt}, ${now}, ${now}
      ${guard ? sql`where ${guard}` : sql``}
      on conflict (idempotency_key) do nothing
      returning id
    )
    select graphile_worker.add_job(${SEND_EMAIL_TASK}, json_build_object('messageId', inserted.id), run_at := ${runAt},
      job_key := 'email:' || inserted.id::text, max_attempts := 25)
    from inserted`;
}

export async function enqueueEmail(db: DbOrTx, request: EmailRequest): Promise<void> {
  await db.execute(enqueueEmailSql(request));
}

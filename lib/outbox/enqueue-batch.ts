// Several outbox messages in one statement: the rows (unique idempotency keys, so a replay adds nothing) and,
// for the new ones only, their jobs through graphile-worker's add_jobs in a single call. The same rows and jobs
// as enqueueEmailSql makes one at a time (tests/integration/email/triggers.test.ts compares them), at a fraction
// of the cost in the payment webhook's transaction, where a paid order queues three or four messages at once.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { SEND_EMAIL_TASK, type EmailRequest } from './enqueue';

/** One statement for all of `requests`; `guard` makes it conditional (e.g. only if the order row exists). */
export function enqueueEmailsSql(requests: EmailRequest[], guard?: SQL): SQL {
  const ts = (d: Date | null | undefined) => (d ? sql`${d.toISOString()}::timestamptz` : sql`null::timestamptz`);
  const rows = requests.map(
    (r) => sql`(${r.kind}::text, ${r.orderId ?? null}::uuid, ${r.ticketId ?? null}::uuid, lower(${r.to}::text),
    ${r.idempotencyKey}::text, ${JSON.stringify(r.params ?? {})}::jsonb, ${ts(r.sendAfter)}, ${ts(r.now)})`,
  );
  return sql`with inserted as (
      insert into email_messages (kind, order_id, ticket_id, to_email, idempotency_key, params, send_after, created_at, updated_at)
      select v.kind, v.order_id, v.ticket_id, v.to_email, v.idempotency_key, v.params, v.send_after, v.now, v.now
      from (values ${sql.join(rows, sql`, `)}) as v(kind, order_id, ticket_id, to_email, idempotency_key, params, send_after, now)
      ${guard ? sql`where ${guard}` : sql``}
      on conflict (idempotency_key) do nothing
      returning id, send_after
    )
    select count(*)::int as jobs from graphile_worker.add_jobs((
      select array_agg(row(${SEND_EMAIL_TASK}::text, json_build_object('messageId', inserted.id), null::text, inserted.send_after,
        25, 'email:' || inserted.id::text, null::int, null::text[])::graphile_worker.job_spec)
      from inserted
    ))`;
}

export async function enqueueEmails(db: DbOrTx, requests: EmailRequest[]): Promise<void> {
  if (requests.length) await db.execute(enqueueEmailsSql(requests));
}

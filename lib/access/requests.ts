// Access-needs requests: an answer to a question flagged `is_access_need` opens one request per ticket for the
// accessibility team (/admin/access). This module keeps the request in step with the answers, inside the
// transaction that writes them: a new need opens a request, a changed one marks it (and reopens one that was
// closed), and a need withdrawn before anyone started on it closes the request by removing it.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { accessRequests, answers, orders, tickets } from '@/db/schema';
import { openAnswer } from '../privacy/sealed';
import type { Vault } from '../vault';

export const ACCESS_STATUSES = ['new', 'in_progress', 'arranged', 'cannot_arrange'] as const;

/** Words for each status, for staff and for the attendee alike. */
export const ACCESS_STATUS_LABELS: Record<(typeof ACCESS_STATUSES)[number], string> = {
  new: 'Received',
  in_progress: 'In progress',
  arranged: 'Arranged',
  cannot_arrange: 'Could not be arranged',
};

/** Whether these answers state an access need: any non-empty answer to an access-needs question, "no" aside. */
export function statesAccessNeed(answers: readonly { isAccessNeed: boolean; value: string }[]): boolean {
  return answers.some((a) => a.isAccessNeed && a.value.trim() !== '' && a.value !== 'no');
}

/**
 * After a ticket's answers were written (in the same transaction): open, mark or drop its request.
 * `changed` says whether the access answers differ from before (only then is an existing request touched).
 */
export async function syncAccessRequest(
  tx: DbOrTx,
  input: { eventId: string; ticketId: string; hasNeed: boolean; changed: boolean; now: Date },
): Promise<'opened' | 'updated' | 'removed' | 'unchanged'> {
  const [existing] = await tx
    .select({ id: accessRequests.id, status: accessRequests.status })
    .from(accessRequests)
    .where(eq(accessRequests.ticketId, input.ticketId))
    .for('update');
  const { now } = input;
  if (!existing) {
    if (!input.hasNeed) return 'unchanged';
    await tx
      .insert(accessRequests)
      .values({
        eventId: input.eventId,
        ticketId: input.ticketId,
        statusChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: accessRequests.ticketId });
    return 'opened';
  }
  if (!input.changed) return 'unchanged';
  if (!input.hasNeed && existing.status === 'new') {
    await tx.delete(accessRequests).where(and(eq(accessRequests.id, existing.id), eq(accessRequests.status, 'new')));
    return 'removed';
  }
  // A closed request whose need changed needs the team again.
  const reopen = input.hasNeed && (existing.status === 'arranged' || existing.status === 'cannot_arrange');
  await tx
    .update(accessRequests)
    .set({
      answerChangedAt: now,
      updatedAt: now,
      ...(reopen ? { status: 'new' as const, statusChangedAt: now } : {}),
    })
    .where(eq(accessRequests.id, existing.id));
  return 'updated';
}

/** A question just became an access-needs question: open requests for the tickets whose answer states a need. */
export async function openRequestsForQuestion(
  tx: DbOrTx,
  vault: Pick<Vault, 'open'>,
  input: { eventId: string; questionId: string; now: Date },
): Promise<number> {
  const given = await tx
    .select({
      ticketId: answers.ticketId,
      value: answers.value,
      valueCipher: answers.valueCipher,
      keyId: answers.keyId,
    })
    .from(answers)
    .innerJoin(tickets, eq(tickets.id, answers.ticketId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(
      and(
        eq(answers.questionId, input.questionId),
        eq(orders.eventId, input.eventId),
        sql`${orders.status} in ('paid', 'pending_payment')`,
      ),
    );
  const needing = given.filter((a) => statesAccessNeed([{ isAccessNeed: true, value: openAnswer(vault, a) }]));
  if (!needing.length) return 0;
  const { now } = input;
  const inserted = await tx
    .insert(accessRequests)
    .values(
      needing.map((a) => ({
        eventId: input.eventId,
        ticketId: a.ticketId,
        statusChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: accessRequests.ticketId })
    .returning({ id: accessRequests.id });
  return inserted.length;
}

/**
 * Whether the ticket `t` has an access arrangement, as SQL: all that organizers and check-in staff are told (the
 * door needs to know to call the team; what was arranged stays with the team).
 */
export const hasArrangementSql = sql`exists (select 1 from access_requests ar where ar.ticket_id = t.id and ar.status = 'arranged')`;

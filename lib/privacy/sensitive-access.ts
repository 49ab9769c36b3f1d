// The one audited way staff read sensitive data (answers to sensitive questions, and pronouns). Every staff view
// or export that shows any writes one audit entry (who, why, which questions, never the answers) and one
// sensitive_data_views row per ticket it showed, in that order, before any plaintext is returned; the attendee's
// own page lists those rows.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { answers, auditLog, questions, sensitiveDataViews, tickets, type UserRole } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { ROLE_LABELS } from '../staff/permissions';
import { openAnswer, openPronouns } from './sealed';
import { canSeeSensitive, type SensitiveReason } from './visibility';

export interface StaffReader {
  id: string;
  email: string;
  name?: string;
  role: UserRole;
}

export interface SensitiveAccessInput {
  reader: StaffReader;
  why: SensitiveReason;
  action: string;
  eventId: string;
  orderId?: string | null;
  targetType: string;
  targetId: string;
  summary: string;
  details?: Record<string, unknown>;
  ticketIds: string[];
  at: Date;
}

function refuseUnlessAllowed(reader: StaffReader): void {
  if (!canSeeSensitive(reader.role))
    throw new DomainError('FORBIDDEN', 'Your account does not have access to sensitive answers.');
}

/** Records a staff access to sensitive data (the audit entry and its tickets); answers the entry's id. */
export async function recordSensitiveAccess(db: DbOrTx, input: SensitiveAccessInput): Promise<string> {
  refuseUnlessAllowed(input.reader);
  const auditId = await recordAudit(db, {
    actor: { type: 'user', userId: input.reader.id, label: input.reader.email },
    action: input.action,
    eventId: input.eventId,
    orderId: input.orderId ?? null,
    targetType: input.targetType,
    targetId: input.targetId,
    summary: input.summary,
    details: { ...input.details, reason: input.why, role: input.reader.role, staffName: input.reader.name ?? '' },
    at: input.at,
  });
  await noteTicketsSeen(db, auditId, input.ticketIds, input.at);
  return auditId;
}

/** Adds tickets to an access already recorded (an export, batch by batch as they are streamed). */
export async function noteTicketsSeen(db: DbOrTx, auditId: string, ticketIds: string[], at: Date): Promise<void> {
  const unique = [...new Set(ticketIds)];
  if (unique.length)
    await db.insert(sensitiveDataViews).values(unique.map((ticketId) => ({ auditId, ticketId, createdAt: at })));
}

export interface SensitiveAnswer {
  questionId: string;
  key: string;
  value: string;
}
export interface SensitiveData {
  answers: SensitiveAnswer[];
  pronouns: string;
}

/**
 * Opens the sensitive answers and pronouns of the given tickets for a staff reader allowed to see them, recording
 * the access first (only when there is something to see). By ticket id. A reader without the right is refused.
 */
/** What opening a ticket's sensitive answers reads: the answer (plain or sealed) with its question's key. */
export const sealedAnswerColumns = {
  ticketId: answers.ticketId,
  questionId: answers.questionId,
  key: questions.key,
  value: answers.value,
  valueCipher: answers.valueCipher,
  keyId: answers.keyId,
};

/** What opening a ticket's pronouns reads (plain or sealed). */
export const sealedPronounColumns = {
  id: tickets.id,
  pronouns: tickets.pronouns,
  pronounsCipher: tickets.pronounsCipher,
  pronounsKeyId: tickets.pronounsKeyId,
};

export async function readSensitiveData(
  ctx: Pick<AppContext, 'db' | 'vault' | 'clock'>,
  input: Omit<SensitiveAccessInput, 'at' | 'why' | 'details'> & { why?: SensitiveReason },
): Promise<Map<string, SensitiveData>> {
  refuseUnlessAllowed(input.reader);
  const out = new Map<string, SensitiveData>();
  if (!input.ticketIds.length) return out;
  const [rows, pronounRows] = await Promise.all([
    ctx.db
      .select(sealedAnswerColumns)
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(and(inArray(answers.ticketId, input.ticketIds), eq(questions.isSensitive, true))),
    ctx.db
      .select(sealedPronounColumns)
      .from(tickets)
      .where(
        and(
          inArray(tickets.id, input.ticketIds),
          sql`(${tickets.pronounsCipher} is not null or ${tickets.pronouns} <> '')`,
        ),
      ),
  ]);
  if (!rows.length && !pronounRows.length) return out;
  const seen = [...new Set([...rows.map((r) => r.ticketId), ...pronounRows.map((r) => r.id)])];
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  await recordSensitiveAccess(ctx.db, {
    ...input,
    why: input.why ?? 'viewed',
    ticketIds: seen,
    at: ctx.clock.now(),
    details: { questions: keys, ...(pronounRows.length ? { pronouns: true } : {}) },
  });
  const entry = (id: string) => {
    let e = out.get(id);
    if (!e) out.set(id, (e = { answers: [], pronouns: '' }));
    return e;
  };
  for (const r of rows)
    entry(r.ticketId).answers.push({ questionId: r.questionId, key: r.key, value: openAnswer(ctx.vault, r) });
  for (const r of pronounRows) entry(r.id).pronouns = openPronouns(ctx.vault, r);
  return out;
}

export interface SensitiveViewEntry {
  at: Date;
  why: SensitiveReason;
  role: string;
  name: string;
}

/** Who at the organization viewed or exported this ticket's sensitive data, newest first (for the attendee). */
export async function listSensitiveViews(db: DbOrTx, ticketId: string, limit = 100): Promise<SensitiveViewEntry[]> {
  // Since the ticket came to its holder: views of an earlier holder's data are not the new holder's business.
  const rows = await db
    .select({ at: sensitiveDataViews.createdAt, details: auditLog.details })
    .from(sensitiveDataViews)
    .innerJoin(auditLog, eq(auditLog.id, sensitiveDataViews.auditId))
    .innerJoin(tickets, eq(tickets.id, sensitiveDataViews.ticketId))
    .where(
      and(
        eq(sensitiveDataViews.ticketId, ticketId),
        sql`${sensitiveDataViews.createdAt} >= coalesce(${tickets.transferredAt}, '-infinity'::timestamptz)`,
      ),
    )
    .orderBy(desc(sensitiveDataViews.createdAt))
    .limit(limit);
  return rows.map((r) => {
    const role =
      typeof r.details.role === 'string' && r.details.role in ROLE_LABELS
        ? ROLE_LABELS[r.details.role as UserRole]
        : 'Staff';
    return {
      at: r.at,
      why: r.details.reason === 'exported' ? 'exported' : 'viewed',
      role,
      name: typeof r.details.staffName === 'string' ? r.details.staffName : '',
    };
  });
}

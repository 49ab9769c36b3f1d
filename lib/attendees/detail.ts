// One attendee (a ticket) for organizers and the accessibility team ('attendees.view'): who they are, what they
// booked, their answers, check-ins, email history and the ticket's audit trail, without any money. Answers to
// sensitive questions are opened only for a viewer whose role holds 'attendees.sensitive', through the audited
// read (lib/privacy/sensitive-access.ts); for anyone else they are never loaded.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import {
  accessRequests,
  answers,
  auditLog,
  checkIns,
  checkinLists,
  events,
  orders,
  questions,
  sessions,
  ticketTypeQuestions,
  ticketTypes,
  tickets,
  workshopSeats,
  type AccessRequestStatus,
  type AuditEntry,
  type OrderStatus,
  type Question,
  type Ticket,
  type UserRole,
} from '@/db/schema';
import type { AppContext } from '../context';
import { readSensitiveData } from '../privacy/sensitive-access';
import { effectiveStatus } from '../orders/queries';
import { can } from '../staff/permissions';
import { findSuppressions, listEmailHistory, type EmailHistoryItem, type Suppression } from '../orders/staff-emails';
import { isUuid } from '../validation';
import { questionColumns } from './question-columns';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

export interface Viewer {
  id: string;
  email: string;
  name?: string;
  role: UserRole;
}

export interface AttendeeAnswer extends Pick<Question, 'id' | 'key' | 'label' | 'kind' | 'options' | 'isSensitive'> {
  isRequired: boolean;
  /** Whether the question is asked of this ticket type (an answer can outlive a change to the type's questions). */
  asked: boolean;
  value: string | null;
}

export interface AttendeeDetail {
  /** `pronouns` is null for a viewer who may not see sensitive data (pronouns are sealed and private like answers). */
  ticket: Pick<
    Ticket,
    | 'id'
    | 'legalName'
    | 'badgeName'
    | 'email'
    | 'directoryOptIn'
    | 'photoPreference'
    | 'createdAt'
    | 'updatedAt'
    | 'transferredAt'
  > & { pronouns: string | null };
  ticketType: { id: string; label: string; internalLabel: string };
  order: { id: string; reference: string; status: OrderStatus; source: string; buyerName: string; buyerEmail: string };
  timezone: string;
  workshops: { title: string; startsAt: Date; endsAt: Date }[];
  /** Only the questions this viewer may see. */
  answers: AttendeeAnswer[];
  /** True when the ticket type asks sensitive questions this viewer may not see (whether answered is not said). */
  sensitiveHidden: boolean;
  /** The ticket's access request: its id and status for roles that work the queue, else only whether it is arranged. */
  access: { id: string; status: AccessRequestStatus } | { arranged: true } | null;
  checkIns: { list: string; checkedInAt: Date; by: string }[];
  emails: EmailHistoryItem[];
  suppression: Suppression | null;
  audit: AuditEntry[];
}

/**
 * The questions of the ticket's type and any other answered ones, sensitive ones only when `withSensitive`; the
 * values of sensitive answers are filled in by the caller through the audited read.
 */
async function loadAnswers(ctx: Ctx, ticketId: string, ticketTypeId: string, withSensitive: boolean) {
  const sensitiveFilter = withSensitive ? undefined : eq(questions.isSensitive, false);
  const [asked, given] = await Promise.all([
    ctx.db
      .select({
        ...questionColumns,
        sortOrder: questions.sortOrder,
        isRequired: ticketTypeQuestions.isRequired,
      })
      .from(ticketTypeQuestions)
      .innerJoin(questions, eq(questions.id, ticketTypeQuestions.questionId))
      .where(and(eq(ticketTypeQuestions.ticketTypeId, ticketTypeId), sensitiveFilter))
      .orderBy(asc(questions.sortOrder), asc(questions.key)),
    ctx.db
      .select({
        ...questionColumns,
        sortOrder: questions.sortOrder,
        value: answers.value,
      })
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(and(eq(answers.ticketId, ticketId), sensitiveFilter))
      .orderBy(asc(questions.sortOrder), asc(questions.key)),
  ]);
  const valueOf = new Map(given.map((g) => [g.id, g.value]));
  const out: AttendeeAnswer[] = asked.map(({ sortOrder: _s, ...q }) => ({
    ...q,
    asked: true,
    value: valueOf.get(q.id) ?? null,
  }));
  const askedIds = new Set(asked.map((q) => q.id));
  for (const { sortOrder: _s, ...g } of given)
    if (!askedIds.has(g.id)) out.push({ ...g, isRequired: false, asked: false });
  return out;
}

/** Whether the ticket's type asks, or the ticket answered, any sensitive question (without reading an answer). */
async function hasSensitiveQuestions(ctx: Ctx, ticketId: string, ticketTypeId: string): Promise<boolean> {
  const [row] = (await ctx.db.execute<{ found: boolean }>(sql`select exists (
      select 1 from ticket_type_questions tq join questions q on q.id = tq.question_id where tq.ticket_type_id = ${ticketTypeId} and q.is_sensitive
      union all
      select 1 from answers a join questions q on q.id = a.question_id where a.ticket_id = ${ticketId} and q.is_sensitive
    ) as found`)) as unknown as { found: boolean }[];
  return row?.found === true;
}

export async function getAttendeeDetail(
  ctx: Ctx,
  input: { ticketId: string; viewer: Viewer },
): Promise<AttendeeDetail | null> {
  if (!isUuid(input.ticketId)) return null;
  const [row] = await ctx.db
    .select({
      ticket: tickets,
      order: orders,
      timezone: events.timezone,
      label: ticketTypes.publicLabel,
      internalLabel: ticketTypes.internalLabel,
    })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .innerJoin(events, eq(events.id, orders.eventId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
    .where(eq(tickets.id, input.ticketId));
  if (!row) return null;
  const { ticket, order } = row;
  const withSensitive = can(input.viewer.role, 'attendees.sensitive');
  const answerRows = await loadAnswers(ctx, ticket.id, ticket.ticketTypeId, withSensitive);
  let pronouns: string | null = null;
  if (withSensitive) {
    // Recorded before the trail is read, so the page shows this view too.
    const opened = (
      await readSensitiveData(ctx, {
        reader: input.viewer,
        action: 'attendee.view_sensitive',
        eventId: order.eventId,
        orderId: order.id,
        targetType: 'ticket',
        targetId: ticket.id,
        summary: 'Viewed answers to sensitive questions',
        ticketIds: [ticket.id],
      })
    ).get(ticket.id);
    for (const a of answerRows) {
      if (a.isSensitive) a.value = opened?.answers.find((o) => o.questionId === a.id)?.value ?? null;
    }
    pronouns = opened?.pronouns ?? '';
  }
  const [workshops, sensitiveAsked, checkins, emails, suppressions, audit, [access]] = await Promise.all([
    ctx.db
      .select({ title: sessions.title, startsAt: sessions.startsAt, endsAt: sessions.endsAt })
      .from(workshopSeats)
      .innerJoin(sessions, eq(sessions.id, workshopSeats.sessionId))
      .where(eq(workshopSeats.ticketId, ticket.id))
      .orderBy(asc(sessions.startsAt)),
    withSensitive ? Promise.resolve(false) : hasSensitiveQuestions(ctx, ticket.id, ticket.ticketTypeId),
    ctx.db
      .select({ list: checkinLists.name, checkedInAt: checkIns.checkedInAt, by: checkIns.byLabel })
      .from(checkIns)
      .innerJoin(checkinLists, eq(checkinLists.id, checkIns.listId))
      .where(eq(checkIns.ticketId, ticket.id))
      .orderBy(asc(checkIns.checkedInAt)),
    listEmailHistory(ctx, { ticketId: ticket.id, email: ticket.email }),
    findSuppressions(ctx, [ticket.email]),
    ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'ticket'), eq(auditLog.targetId, ticket.id)))
      .orderBy(desc(auditLog.createdAt))
      .limit(200),
    ctx.db
      .select({ id: accessRequests.id, status: accessRequests.status })
      .from(accessRequests)
      .where(eq(accessRequests.ticketId, ticket.id)),
  ]);
  return {
    ticket: {
      id: ticket.id,
      legalName: ticket.legalName,
      badgeName: ticket.badgeName,
      email: ticket.email,
      pronouns,
      directoryOptIn: ticket.directoryOptIn,
      photoPreference: ticket.photoPreference,
      createdAt: ticket.createdAt,
      updatedAt: ticket.updatedAt,
      transferredAt: ticket.transferredAt,
    },
    ticketType: { id: ticket.ticketTypeId, label: row.label, internalLabel: row.internalLabel },
    order: {
      id: order.id,
      reference: order.reference,
      status: effectiveStatus(order, ctx.clock.now()),
      source: order.source,
      buyerName: order.buyerName,
      buyerEmail: order.buyerEmail,
    },
    timezone: row.timezone,
    workshops,
    answers: answerRows,
    sensitiveHidden: sensitiveAsked,
    access: !access
      ? null
      : can(input.viewer.role, 'access.manage')
        ? access
        : access.status === 'arranged'
          ? { arranged: true }
          : null,
    checkIns: checkins,
    emails,
    suppression: suppressions[0] ?? null,
    audit,
  };
}

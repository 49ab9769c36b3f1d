// The accessibility team's queue ('access.manage'): requests of confirmed registrations, filtered by status; one
// request in detail (the attendee's access answers, opened through the audited read, so each view is recorded and
// listed on the attendee's page); and the team's changes: status, assignee, internal notes and a message to the
// attendee (both sealed). A change of status or message queues a discreet email to the attendee in the same
// transaction; the audit entry names what changed, never a note, a message or a need.
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { accessRequests, orders, questions, ticketTypes, tickets, users, type AccessRequestStatus } from '@/db/schema';
import { PERMISSIONS } from '../staff/permissions';
import { recordAudit, staffActor } from '../audit/record';
import type { AppContext } from '../context';
import { enqueueEmail } from '../outbox/enqueue';
import { DomainError } from '../errors';
import { openOptional, sealOptional } from '../privacy/sealed';
import { readSensitiveData, type StaffReader } from '../privacy/sensitive-access';
import { isUuid, parseInput } from '../validation';
import { ACCESS_STATUSES } from './requests';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

export const ACCESS_PAGE_SIZE = 50;

export interface AccessListRow {
  id: string;
  status: AccessRequestStatus;
  badgeName: string;
  ticketLabel: string;
  reference: string;
  assignee: string | null;
  createdAt: Date;
  answerChangedAt: Date | null;
}

/** The queue: requests of paid orders, oldest first within a status (first come, first served). No needs shown. */
export async function listAccessRequests(
  ctx: Pick<Ctx, 'db'>,
  input: { eventId: string; status?: string; page?: number },
): Promise<{ rows: AccessListRow[]; total: number; counts: Record<AccessRequestStatus, number> }> {
  const status = (ACCESS_STATUSES as readonly string[]).includes(input.status ?? '')
    ? (input.status as AccessRequestStatus)
    : undefined;
  const page = Math.max(1, Math.min(10_000, Math.floor(input.page ?? 1)));
  const paid = and(eq(accessRequests.eventId, input.eventId), eq(orders.status, 'paid'));
  const where = and(paid, status ? eq(accessRequests.status, status) : undefined);
  const [rows, perStatus] = await Promise.all([
    ctx.db
      .select({
        id: accessRequests.id,
        status: accessRequests.status,
        badgeName: tickets.badgeName,
        ticketLabel: ticketTypes.publicLabel,
        reference: orders.reference,
        assignee: users.name,
        assigneeEmail: users.email,
        createdAt: accessRequests.createdAt,
        answerChangedAt: accessRequests.answerChangedAt,
      })
      .from(accessRequests)
      .innerJoin(tickets, eq(tickets.id, accessRequests.ticketId))
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
      .leftJoin(users, eq(users.id, accessRequests.assigneeUserId))
      .where(where)
      .orderBy(asc(accessRequests.createdAt), asc(accessRequests.id))
      .limit(ACCESS_PAGE_SIZE)
      .offset((page - 1) * ACCESS_PAGE_SIZE),
    ctx.db
      .select({ status: accessRequests.status, n: count() })
      .from(accessRequests)
      .innerJoin(tickets, eq(tickets.id, accessRequests.ticketId))
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(paid)
      .groupBy(accessRequests.status),
  ]);
  const counts = Object.fromEntries(ACCESS_STATUSES.map((s) => [s, 0])) as Record<AccessRequestStatus, number>;
  for (const r of perStatus) counts[r.status] = r.n;
  return {
    rows: rows.map(({ assigneeEmail, assignee, ...r }) => ({ ...r, assignee: assignee || assigneeEmail || null })),
    total: status ? counts[status] : Object.values(counts).reduce((a, b) => a + b, 0),
    counts,
  };
}

export interface AccessRequestDetail {
  id: string;
  status: AccessRequestStatus;
  eventId: string;
  ticketId: string;
  orderId: string;
  reference: string;
  legalName: string;
  badgeName: string;
  email: string;
  pronouns: string;
  ticketLabel: string;
  needs: { key: string; label: string; value: string }[];
  notes: string;
  message: string;
  assigneeUserId: string | null;
  createdAt: Date;
  statusChangedAt: Date;
  answerChangedAt: Date | null;
  /** Staff who may be assigned: the roles that may work the queue. */
  team: { id: string; label: string }[];
}

/** One request, with the attendee's access answers: opening it is a recorded view of their sensitive data. */
export async function getAccessRequest(
  ctx: Ctx,
  input: { id: string; reader: StaffReader },
): Promise<AccessRequestDetail | null> {
  if (!isUuid(input.id)) return null;
  const [row] = await ctx.db
    .select({
      request: accessRequests,
      ticket: tickets,
      reference: orders.reference,
      status: orders.status,
      label: ticketTypes.publicLabel,
    })
    .from(accessRequests)
    .innerJoin(tickets, eq(tickets.id, accessRequests.ticketId))
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .innerJoin(ticketTypes, eq(ticketTypes.id, tickets.ticketTypeId))
    .where(eq(accessRequests.id, input.id.toLowerCase()));
  if (!row || row.status !== 'paid') return null;
  const { request, ticket } = row;
  const opened = (
    await readSensitiveData(ctx, {
      reader: input.reader,
      action: 'access_request.view',
      eventId: request.eventId,
      orderId: ticket.orderId,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: 'Viewed an access request',
      ticketIds: [ticket.id],
    })
  ).get(ticket.id);
  const [accessQuestions, team] = await Promise.all([
    ctx.db
      .select({ id: questions.id, key: questions.key, label: questions.label })
      .from(questions)
      .where(and(eq(questions.eventId, request.eventId), eq(questions.isAccessNeed, true)))
      .orderBy(asc(questions.sortOrder)),
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(inArray(users.role, [...PERMISSIONS['access.manage']]))
      .orderBy(asc(users.name), asc(users.email)),
  ]);
  return {
    id: request.id,
    status: request.status,
    eventId: request.eventId,
    ticketId: ticket.id,
    orderId: ticket.orderId,
    reference: row.reference,
    legalName: ticket.legalName,
    badgeName: ticket.badgeName,
    email: ticket.email,
    ticketLabel: row.label,
    pronouns: opened?.pronouns ?? '',
    needs: accessQuestions.map((q) => ({
      key: q.key,
      label: q.label,
      value: opened?.answers.find((o) => o.questionId === q.id)?.value ?? '',
    })),
    notes: openOptional(ctx.vault, request.notesCipher, request.notesKeyId),
    message: openOptional(ctx.vault, request.messageCipher, request.messageKeyId),
    assigneeUserId: request.assigneeUserId,
    createdAt: request.createdAt,
    statusChangedAt: request.statusChangedAt,
    answerChangedAt: request.answerChangedAt,
    team: team.map((u) => ({ id: u.id, label: u.name ? `${u.name} (${u.email})` : u.email })),
  };
}

const text = (label: string, max: number) =>
  z
    .string({ message: `${label} must be text` })
    .max(max, `${label} must be at most ${max} characters`)
    .transform((v) => v.replace(/\r\n/g, '\n').trim())
    .refine(
      (v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v),
      `${label} contains characters that are not allowed`,
    );

export const updateAccessRequestSchema = z.strictObject({
  id: z.uuid({ message: 'Unknown request' }),
  status: z.enum(ACCESS_STATUSES, { message: 'Choose a status' }),
  assigneeUserId: z.union([z.uuid({ message: 'Choose a team member' }), z.literal('')]).default(''),
  notes: text('Internal notes', 5000).default(''),
  message: text('Message to the attendee', 2000).default(''),
});
export type UpdateAccessRequestInput = z.input<typeof updateAccessRequestSchema>;

export async function updateAccessRequest(
  ctx: Ctx,
  actor: { id: string; email: string },
  input: UpdateAccessRequestInput | Record<string, unknown>,
): Promise<{ changed: string[]; emailed: boolean }> {
  const data = parseInput(updateAccessRequestSchema, input);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ request: accessRequests, email: tickets.email, orderId: tickets.orderId, orderStatus: orders.status })
      .from(accessRequests)
      .innerJoin(tickets, eq(tickets.id, accessRequests.ticketId))
      .innerJoin(orders, eq(orders.id, tickets.orderId))
      .where(eq(accessRequests.id, data.id.toLowerCase()))
      .for('update', { of: accessRequests });
    if (!row || row.orderStatus !== 'paid') throw new DomainError('NOT_FOUND', 'This request no longer exists.');
    const { request } = row;
    const assignee = data.assigneeUserId || null;
    if (assignee) {
      const [user] = await tx.select({ role: users.role }).from(users).where(eq(users.id, assignee));
      if (!user || !(PERMISSIONS['access.manage'] as readonly string[]).includes(user.role)) {
        throw new DomainError('VALIDATION', 'Choose a member of the accessibility team.', {
          assigneeUserId: ['Choose a member of the accessibility team'],
        });
      }
    }
    const notesBefore = openOptional(ctx.vault, request.notesCipher, request.notesKeyId);
    const messageBefore = openOptional(ctx.vault, request.messageCipher, request.messageKeyId);
    const changed = [
      request.status !== data.status && 'status',
      request.assigneeUserId !== assignee && 'assignee',
      notesBefore !== data.notes && 'internal notes',
      messageBefore !== data.message && 'message to the attendee',
    ].filter((c): c is string => Boolean(c));
    if (!changed.length) return { changed, emailed: false };
    const notes = sealOptional(ctx.vault, data.notes);
    const message = sealOptional(ctx.vault, data.message);
    await tx
      .update(accessRequests)
      .set({
        status: data.status,
        assigneeUserId: assignee,
        updatedAt: now,
        notesCipher: notes?.cipher ?? null,
        notesKeyId: notes?.keyId ?? null,
        messageCipher: message?.cipher ?? null,
        messageKeyId: message?.keyId ?? null,
        ...(request.status !== data.status ? { statusChangedAt: now } : {}),
      })
      .where(eq(accessRequests.id, request.id));
    const tellAttendee = changed.includes('status') || changed.includes('message to the attendee');
    if (tellAttendee && row.email.trim()) {
      await enqueueEmail(tx, {
        kind: 'access_update',
        to: row.email,
        orderId: row.orderId,
        ticketId: request.ticketId,
        idempotencyKey: `access_update:${request.id}:${randomUUID()}`,
        now,
      });
    }
    await recordAudit(tx, {
      actor: staffActor(actor),
      action: 'access_request.update',
      eventId: request.eventId,
      orderId: row.orderId,
      targetType: 'ticket',
      targetId: request.ticketId,
      at: now,
      summary: `Updated an access request (${changed.join(', ')})${changed.includes('status') ? `: ${request.status} → ${data.status}` : ''}`,
      details: { changed, from: request.status, to: data.status, requestId: request.id },
    });
    return { changed, emailed: tellAttendee && Boolean(row.email.trim()) };
  });
}

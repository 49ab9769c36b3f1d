// An attendee's own details through the order link: badge name, pronouns, answers to the ticket type's
// questions (dietary and access needs among them), directory opt-in and photo preference, until the change
// cut-off. Legal name and email are not editable here: a ticket for another person is a transfer.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { answers as answersTable, tickets } from '@/db/schema';
import { recordAudit } from '../audit';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { checkAnswers } from '../orders/create-order/validate';
import { attendeeSchema } from '../registration/schemas';
import { parseInput } from '../validation';
import { assertChangesOpen, loadManageTickets, lockTicketForChange, paidOrderByToken, ticketOfOrder } from './manage';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

// The same rules as the registration form, for the fields an attendee may change.
export const editAttendeeSchema = attendeeSchema.pick({ badgeName: true, pronouns: true, answers: true, directoryOptIn: true, photoPreference: true });
export type EditAttendeeInput = z.input<typeof editAttendeeSchema>;

export interface EditAttendeeResult { ticketId: string; changed: string[] }

export async function editAttendee(ctx: Ctx, input: { token: unknown; ticketId: unknown; details: unknown }): Promise<EditAttendeeResult> {
  const { order, event } = await paidOrderByToken(ctx, input.token);
  const found = await ticketOfOrder(ctx.db, order.id, input.ticketId);
  const now = ctx.clock.now();
  assertChangesOpen(event, now);
  const details = parseInput(editAttendeeSchema, input.details);
  const [current] = await loadManageTickets(ctx.db, order, found.id);
  if (!current) throw new DomainError('NOT_FOUND', 'Ticket not found.');
  // A checkbox question comes from the form as "yes" when ticked and not at all when not: a "no", as on the
  // registration form.
  const given: Record<string, string | boolean> = { ...details.answers };
  for (const q of current.questions) {
    if (q.kind !== 'checkbox') continue;
    const raw = Object.prototype.hasOwnProperty.call(given, q.key) ? given[q.key] : false;
    given[q.key] = typeof raw === 'string' ? ['yes', 'on', 'true'].includes(raw) : raw ?? false;
  }
  const errors: Record<string, string[]> = {};
  const checked = checkAnswers({ questions: current.questions }, given, 'ticket', errors);
  if (Object.keys(errors).length) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^ticket\./, ''), v]));
    throw new DomainError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors);
  }
  const badgeName = (details.badgeName || found.legalName.split(/\s+/)[0] || found.legalName).slice(0, 60);
  const pronouns = details.pronouns ?? '';

  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicketForChange(tx, order.id, found.id);
    const before = new Map(current.questions.map((q) => [q.id, q.value]));
    const after = new Map(checked.map((a) => [a.questionId, a.value]));
    const changed = [
      ticket.badgeName !== badgeName && 'badge name',
      ticket.pronouns !== pronouns && 'pronouns',
      current.questions.some((q) => (before.get(q.id) ?? '') !== (after.get(q.id) ?? '')) && 'answers',
      ticket.directoryOptIn !== details.directoryOptIn && 'directory listing',
      ticket.photoPreference !== details.photoPreference && 'photo preference',
    ].filter((c): c is string => Boolean(c));
    if (!changed.length) return { ticketId: ticket.id, changed };
    await tx.update(tickets).set({
      badgeName, pronouns, directoryOptIn: details.directoryOptIn, photoPreference: details.photoPreference, updatedAt: now,
    }).where(and(eq(tickets.id, ticket.id), eq(tickets.orderId, order.id)));
    if (changed.includes('answers')) {
      await tx.delete(answersTable).where(eq(answersTable.ticketId, ticket.id));
      if (checked.length) await tx.insert(answersTable).values(checked.map((a) => ({ ticketId: ticket.id, ...a })));
    }
    // What changed, never the values: answers may be health or access needs.
    await recordAudit(tx, {
      actor: { type: 'attendee' }, action: 'ticket.update', eventId: event.id, orderId: order.id, targetType: 'ticket', targetId: ticket.id,
      summary: `Attendee changed their details (${changed.join(', ')})`, details: { changed }, at: now,
    });
    return { ticketId: ticket.id, changed };
  });
}

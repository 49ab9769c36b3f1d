// An attendee's details: badge name, pronouns, answers to the ticket type's questions (dietary and access needs
// among them), directory opt-in and photo preference, until the change cut-off. Reached by the buyer through the
// order link (`editAttendee`) and by the attendee through their own page (lib/tickets/attendee-page.ts); both
// save through `saveAttendeeDetails`, which lets each reader change only what it may see (lib/privacy/
// visibility.ts): the buyer never touches another email-holding attendee's sensitive answers or pronouns.
// Legal name and email are not editable here: a ticket for another person is a transfer.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { answers as answersTable, tickets, type Event, type Order } from '@/db/schema';
import { statesAccessNeed, syncAccessRequest } from '../access/requests';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { checkAnswers } from '../orders/create-order/validate';
import { answerColumns, pronounColumns } from '../privacy/sealed';
import type { PublicReader } from '../privacy/visibility';
import { attendeeSchema } from '../orders/schemas';
import { parseInput } from '../validation';
import { assertChangesOpen, loadManageTickets, lockTicketForChange, paidOrderByToken, ticketOfOrder } from './manage';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'vault'>;

// The same rules as the registration form, for the fields an attendee may change.
export const editAttendeeSchema = attendeeSchema.pick({
  badgeName: true,
  pronouns: true,
  answers: true,
  directoryOptIn: true,
  photoPreference: true,
});
export type EditAttendeeInput = z.input<typeof editAttendeeSchema>;

export interface EditAttendeeResult {
  ticketId: string;
  changed: string[];
}

/** The buyer, through the order link. */
export async function editAttendee(
  ctx: Ctx,
  input: { token: unknown; ticketId: unknown; details: unknown },
): Promise<EditAttendeeResult> {
  const { order, event } = await paidOrderByToken(ctx, input.token);
  const found = await ticketOfOrder(ctx.db, order.id, input.ticketId);
  return saveAttendeeDetails(ctx, {
    order,
    event,
    ticketId: found.id,
    reader: { kind: 'buyer' },
    details: input.details,
  });
}

const PRIVATE_FIELD = 'Only the attendee can change this, on their own page.';

export async function saveAttendeeDetails(
  ctx: Ctx,
  input: { order: Order; event: Event; ticketId: string; reader: PublicReader; details: unknown },
): Promise<EditAttendeeResult> {
  const { order, event, reader } = input;
  const now = ctx.clock.now();
  assertChangesOpen(event, now);
  const details = parseInput(editAttendeeSchema, input.details);
  const [current] = await loadManageTickets(ctx, order, reader, input.ticketId);
  if (!current) throw new DomainError('NOT_FOUND', 'Ticket not found.');
  const errors: Record<string, string[]> = {};
  const hidden = Object.keys(details.answers).filter((k) => current.privateQuestions.some((q) => q.key === k));
  for (const key of hidden) {
    errors[`ticket.answers.${key}`] = [PRIVATE_FIELD];
    delete details.answers[key];
  }
  if (current.privateToAttendee && details.pronouns) errors['ticket.pronouns'] = [PRIVATE_FIELD];
  // A checkbox question comes from the form as "yes" when ticked and not at all when not: a "no", as on the
  // registration form.
  const given: Record<string, string | boolean> = { ...details.answers };
  for (const q of current.questions) {
    if (q.kind !== 'checkbox') continue;
    const raw = Object.prototype.hasOwnProperty.call(given, q.key) ? given[q.key] : false;
    given[q.key] = typeof raw === 'string' ? ['yes', 'on', 'true'].includes(raw) : (raw ?? false);
  }
  const checked = checkAnswers({ questions: current.questions }, given, 'ticket', errors);
  if (Object.keys(errors).length) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^ticket\./, ''), v]));
    throw new DomainError('VALIDATION', 'Please correct the highlighted fields.', fieldErrors);
  }
  const ticketRow = await ticketOfOrder(ctx.db, order.id, current.id);
  const badgeName = (details.badgeName || ticketRow.legalName.split(/\s+/)[0] || ticketRow.legalName).slice(0, 60);
  // Pronouns the reader may not see stay as they are.
  const pronouns = current.privateToAttendee ? current.pronouns : (details.pronouns ?? '');

  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicketForChange(tx, order.id, current.id);
    const before = new Map(current.questions.map((q) => [q.id, q.value]));
    const after = new Map(checked.map((a) => [a.questionId, a.value]));
    const differs = (q: { id: string }) => (before.get(q.id) ?? '') !== (after.get(q.id) ?? '');
    const changed = [
      ticket.badgeName !== badgeName && 'badge name',
      current.pronouns !== pronouns && 'pronouns',
      current.questions.some(differs) && 'answers',
      ticket.directoryOptIn !== details.directoryOptIn && 'directory listing',
      ticket.photoPreference !== details.photoPreference && 'photo preference',
    ].filter((c): c is string => Boolean(c));
    if (!changed.length) return { ticketId: ticket.id, changed };
    await tx
      .update(tickets)
      .set({
        badgeName,
        directoryOptIn: details.directoryOptIn,
        photoPreference: details.photoPreference,
        updatedAt: now,
        ...(changed.includes('pronouns') ? pronounColumns(ctx.vault, pronouns) : {}),
      })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.orderId, order.id)));
    if (changed.includes('answers')) {
      // Only the answers this reader sees are replaced; any other is kept as it is.
      const shown = current.questions.map((q) => q.id);
      await tx
        .delete(answersTable)
        .where(
          and(
            eq(answersTable.ticketId, ticket.id),
            current.privateToAttendee ? inArray(answersTable.questionId, shown) : undefined,
          ),
        );
      if (checked.length) {
        await tx.insert(answersTable).values(
          checked.map((a) => ({
            ticketId: ticket.id,
            questionId: a.questionId,
            ...answerColumns(ctx.vault, a, a.value),
          })),
        );
      }
      const accessQuestions = current.questions.filter((q) => q.isAccessNeed);
      if (accessQuestions.length) {
        await syncAccessRequest(tx, {
          eventId: event.id,
          ticketId: ticket.id,
          hasNeed: statesAccessNeed(checked),
          changed: accessQuestions.some(differs),
          now,
        });
      }
    }
    // What changed, never the values: answers may be health or access needs.
    const where = reader.kind === 'attendee' ? ' on their own page' : '';
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: 'ticket.update',
      eventId: event.id,
      orderId: order.id,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: `Attendee changed their details${where} (${changed.join(', ')})`,
      details: { changed, via: reader.kind === 'attendee' ? 'ticket_page' : 'order_link' },
      at: now,
    });
    return { ticketId: ticket.id, changed };
  });
}

// Passing a ticket to another person through the order link, until the change cut-off. In one transaction: the
// ticket takes the new person's names and email and sheds what belonged to the old holder (pronouns, answers,
// agenda, directory and photo choices, the agenda feed link), every QR token issued so far is revoked so an old
// QR code no longer opens the door, and two emails are queued: the ticket to the new holder and a neutral note
// to the old one. Workshop seats stay with the ticket.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accessRequests, agendaItems, answers, ticketTokens, tickets } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { enqueueEmail } from '../outbox/enqueue';
import { cleanText, emailSchema } from '../validation';
import { parseInput } from '../validation';
import { assertChangesOpen, lockTicketForChange, paidOrderByToken, ticketOfOrder } from './manage';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const transferTicketSchema = z.strictObject({
  legalName: cleanText('Full name', 1, 200),
  badgeName: cleanText('Badge name', 0, 60).optional(),
  email: emailSchema,
});
export type TransferTicketInput = z.input<typeof transferTicketSchema>;

export interface TransferTicketResult {
  ticketId: string;
  revokedTokens: number;
}

export async function transferTicket(
  ctx: Ctx,
  input: { token: unknown; ticketId: unknown; person: unknown },
): Promise<TransferTicketResult> {
  const { order, event } = await paidOrderByToken(ctx, input.token);
  const found = await ticketOfOrder(ctx.db, order.id, input.ticketId);
  const now = ctx.clock.now();
  assertChangesOpen(event, now);
  const person = parseInput(transferTicketSchema, input.person);
  const badgeName = (person.badgeName || person.legalName.split(/\s+/)[0] || person.legalName).slice(0, 60);

  return ctx.db.transaction(async (tx) => {
    const ticket = await lockTicketForChange(tx, order.id, found.id);
    if (ticket.email.trim().toLowerCase() === person.email) {
      const message =
        'This ticket is already in this email address’s name. Enter the email of the person who takes it over.';
      throw new DomainError('VALIDATION', message, { email: [message] });
    }
    await tx
      .update(tickets)
      .set({
        legalName: person.legalName,
        badgeName,
        email: person.email,
        pronouns: '',
        pronounsCipher: null,
        pronounsKeyId: null,
        directoryOptIn: false,
        photoPreference: 'no_photos',
        transferredAt: now,
        updatedAt: now,
        // Retires the old holder's agenda feed link along with their agenda.
        feedVersion: sql`${tickets.feedVersion} + 1`,
      })
      .where(and(eq(tickets.id, ticket.id), eq(tickets.orderId, order.id)));
    await tx.delete(answers).where(eq(answers.ticketId, ticket.id));
    // The old holder's access request goes with their answers.
    await tx.delete(accessRequests).where(eq(accessRequests.ticketId, ticket.id));
    await tx.delete(agendaItems).where(eq(agendaItems.ticketId, ticket.id));
    const revoked = await tx
      .update(ticketTokens)
      .set({ revokedAt: now, revokedReason: 'transferred' })
      .where(and(eq(ticketTokens.ticketId, ticket.id), isNull(ticketTokens.revokedAt)))
      .returning({ id: ticketTokens.id });
    const change = randomUUID();
    await enqueueEmail(tx, {
      kind: 'ticket',
      to: person.email,
      orderId: order.id,
      ticketId: ticket.id,
      idempotencyKey: `ticket:${ticket.id}:transfer:${change}`,
      now,
    });
    await enqueueEmail(tx, {
      kind: 'ticket_transferred',
      to: ticket.email,
      orderId: order.id,
      ticketId: ticket.id,
      idempotencyKey: `ticket_transferred:${ticket.id}:${change}`,
      now,
    });
    // No names or addresses in the trail's line; the ticket row says who holds it now.
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: 'ticket.transfer',
      eventId: event.id,
      orderId: order.id,
      targetType: 'ticket',
      targetId: ticket.id,
      summary: 'Attendee transferred the ticket to another person',
      details: { revokedTokens: revoked.length },
      at: now,
    });
    return { ticketId: ticket.id, revokedTokens: revoked.length };
  });
}

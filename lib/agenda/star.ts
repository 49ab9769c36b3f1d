// Starring a session into a personal agenda, or taking it out. Authorized by the order link: the ticket must be
// one of that paid order's, the session one of its event's; anything else is "not found" and changes nothing.
// Starring twice (two tabs, a double click) leaves one row.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { agendaItems, sessions } from '@/db/schema';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { parseInput } from '../validation';
import { resolveAgendaTicket } from './access';

export const starSchema = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This link is not valid'),
  ticketId: z.uuid('Choose an attendee').toLowerCase(),
  sessionId: z.uuid('Choose a session').toLowerCase(),
  starred: z.boolean(),
});

export type StarInput = z.input<typeof starSchema>;

export async function setStar(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  input: StarInput,
): Promise<{ title: string; starred: boolean }> {
  const { token, ticketId, sessionId, starred } = parseInput(starSchema, input);
  const resolved = await resolveAgendaTicket(ctx, token, ticketId);
  if (resolved.state !== 'ok')
    throw new DomainError('NOT_FOUND', 'This agenda was not found. Open it again from your order’s page.');
  const { order, ticket } = resolved.access;
  const [session] = await ctx.db
    .select({ id: sessions.id, title: sessions.title })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, order.eventId)));
  if (!session) throw new DomainError('NOT_FOUND', 'That session is no longer in the programme.');
  if (starred) {
    await ctx.db
      .insert(agendaItems)
      .values({ ticketId: ticket.id, sessionId: session.id, createdAt: ctx.clock.now() })
      .onConflictDoNothing();
  } else {
    await ctx.db
      .delete(agendaItems)
      .where(and(eq(agendaItems.ticketId, ticket.id), eq(agendaItems.sessionId, session.id)));
  }
  return { title: session.title, starred };
}

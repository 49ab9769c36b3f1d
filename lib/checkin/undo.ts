// Undoing a check-in made by mistake: the row goes, and the audit trail keeps who undid it and when, in the
// same transaction.
import { and, eq } from 'drizzle-orm';
import { checkIns, tickets } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { loadListOrFail, type CheckinStaff } from './check-in';
import { isUuid } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export async function undoCheckIn(
  ctx: Ctx,
  input: { listId: string; ticketId: string; staff: CheckinStaff },
): Promise<{ badgeName: string }> {
  const { staff } = input;
  const list = await loadListOrFail(ctx, input.listId);
  const missing = new DomainError('NOT_FOUND', `This ticket is not checked in on ${list.name}.`);
  if (!isUuid(input.ticketId)) throw missing;
  return ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(checkIns)
      .where(and(eq(checkIns.listId, list.id), eq(checkIns.ticketId, input.ticketId)))
      .returning({ checkedInAt: checkIns.checkedInAt, byLabel: checkIns.byLabel });
    if (!gone) throw missing;
    const [ticket] = await tx
      .select({ badgeName: tickets.badgeName, orderId: tickets.orderId })
      .from(tickets)
      .where(eq(tickets.id, input.ticketId));
    await recordAudit(tx, {
      actor: { type: 'user', userId: staff.id, label: staff.email },
      action: 'checkin.undo',
      eventId: list.eventId,
      orderId: ticket?.orderId ?? null,
      targetType: 'ticket',
      targetId: input.ticketId,
      at: ctx.clock.now(),
      summary: `Undid the check-in of ${ticket?.badgeName ?? 'a ticket'} at ${list.name}`,
      details: { listId: list.id, checkedInAt: gone.checkedInAt.toISOString(), checkedInBy: gone.byLabel },
    });
    return { badgeName: ticket?.badgeName ?? '' };
  });
}

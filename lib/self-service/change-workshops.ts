// Changing a ticket's workshop choices through the order link, until the change cut-off. Seats are taken the
// way orders take them: the workshop pools being joined are locked (their pool locks, sorted, under lock_timeout)
// and their room is counted from facts inside that transaction, so a change never oversells a workshop.
// A full workshop changes nothing at all; leaving a workshop frees its seat at commit.
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { sessions, tickets, workshopSeats } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey, remaining } from '../capacity/availability';
import { checkSeats, lockSeats, poolsFor, type PoolLocker } from '../capacity/seats';
import type { AppContext } from '../context';
import { DomainError } from '../errors';
import { loadWorkshops, type CatalogueWorkshop } from '../catalogue/listing';
import { dateInZone } from '../time';
import { parseInput } from '../validation';
import { assertChangesOpen, loadManageTickets, lockTicketForChange, paidOrderByToken, ticketOfOrder } from './manage';

// `locker` exists so a test can show that the contention test fails without the lock; nothing else sets it.
type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'vault'> & { locker?: PoolLocker };

export const changeWorkshopsSchema = z.strictObject({
  workshopIds: z
    .array(z.uuid({ message: 'Unknown workshop' }).toLowerCase())
    .max(10, 'Choose at most 10 workshops')
    .default([]),
});

export interface ChangeWorkshopsResult {
  added: string[];
  removed: string[];
}

const invalid = (message: string) => new DomainError('VALIDATION', message, { workshopIds: [message] });

/** The workshops asked for, checked as on the registration form: known, on the pass's day, no two at once. */
function checkChoice(
  chosen: CatalogueWorkshop[],
  ids: string[],
  ticket: { label: string; includesWorkshops: boolean; validOn: string | null },
  timeZone: string,
) {
  if (ids.length && !ticket.includesWorkshops) throw invalid(`${ticket.label} does not include workshops.`);
  if (chosen.length !== ids.length) throw invalid('Unknown workshop.');
  const sorted = [...chosen].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (const [i, w] of sorted.entries()) {
    if (ticket.validOn && dateInZone(w.startsAt, timeZone) !== ticket.validOn)
      throw invalid(`“${w.title}” is not on the day this pass is valid for.`);
    const clash = sorted.slice(0, i).find((c) => c.startsAt < w.endsAt && w.startsAt < c.endsAt);
    if (clash) throw invalid(`“${w.title}” overlaps “${clash.title}”; choose one of them.`);
  }
}

export async function changeWorkshops(
  ctx: Ctx,
  input: { token: unknown; ticketId: unknown; choice: unknown },
): Promise<ChangeWorkshopsResult> {
  const { order, event } = await paidOrderByToken(ctx, input.token);
  const found = await ticketOfOrder(ctx.db, order.id, input.ticketId);
  const now = ctx.clock.now();
  assertChangesOpen(event, now);
  const ids = [...new Set(parseInput(changeWorkshopsSchema, input.choice).workshopIds)];
  const [ticket] = await loadManageTickets(ctx, order, { kind: 'buyer' }, found.id);
  if (!ticket) throw new DomainError('NOT_FOUND', 'Ticket not found.');
  const chosen = ids.length ? await loadWorkshops(ctx.db, event.id, ids) : [];
  checkChoice(chosen, ids, ticket, event.timezone);

  return ctx.db.transaction(async (tx) => {
    await lockTicketForChange(tx, order.id, found.id);
    const current = (
      await tx.select({ id: workshopSeats.sessionId }).from(workshopSeats).where(eq(workshopSeats.ticketId, found.id))
    ).map((r) => r.id);
    const added = ids.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !ids.includes(id));
    if (!added.length && !removed.length) return { added, removed };
    if (added.length) {
      await lockSeats(tx, poolsFor({ eventId: event.id, sessionIds: added }), {
        timeoutMs: ctx.config.ORDER_LOCK_TIMEOUT_MS,
        locker: ctx.locker,
      });
      // Capacities read and seats counted after the locks are held, so every earlier change, order or capacity
      // edit for these workshops is seen.
      const seats = await checkSeats(tx, now, { eventId: event.id, sessionIds: added });
      const fullId = added.find((id) => seats.left(poolKey.session(id)) === 0);
      const [full] = fullId
        ? await tx.select({ id: sessions.id, title: sessions.title }).from(sessions).where(eq(sessions.id, fullId))
        : [];
      if (full) {
        const message = `That workshop is full: “${full.title}”. Nothing was changed.`;
        throw new DomainError(
          'SOLD_OUT',
          message,
          { workshopIds: [message] },
          { pool: 'workshop', sessionId: full.id },
        );
      }
      await tx
        .insert(workshopSeats)
        .values(added.map((sessionId) => ({ ticketId: found.id, sessionId, orderId: order.id })));
    }
    if (removed.length) {
      await tx
        .delete(workshopSeats)
        .where(and(eq(workshopSeats.ticketId, found.id), inArray(workshopSeats.sessionId, removed)));
    }
    await tx.update(tickets).set({ updatedAt: now }).where(eq(tickets.id, found.id));
    const titles = new Map(
      (
        await tx
          .select({ id: sessions.id, title: sessions.title })
          .from(sessions)
          .where(inArray(sessions.id, [...added, ...removed]))
      ).map((s) => [s.id, s.title]),
    );
    const list = (xs: string[]) => xs.map((id) => `“${titles.get(id) ?? id}”`).join(', ');
    await recordAudit(tx, {
      actor: { type: 'attendee' },
      action: 'ticket.workshops',
      eventId: event.id,
      orderId: order.id,
      targetType: 'ticket',
      targetId: found.id,
      summary: `Attendee changed workshops: ${[added.length ? `joined ${list(added)}` : '', removed.length ? `left ${list(removed)}` : ''].filter(Boolean).join('; ')}`,
      details: { added, removed },
      at: now,
    });
    return { added, removed };
  });
}

export interface WorkshopOption extends CatalogueWorkshop {
  /** YYYY-MM-DD in the event's zone. */
  day: string;
  /** Seats left for someone joining; null without a limit. */
  remaining: number | null;
  chosen: boolean;
  /** Titles of the other workshops at an overlapping time. */
  overlaps: string[];
}

/** The workshops a ticket may choose from (its pass's day only), with seats left and its current choice. */
export async function listWorkshopOptions(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  event: { id: string; timezone: string },
  ticket: { id: string; includesWorkshops: boolean; validOn: string | null },
): Promise<WorkshopOption[]> {
  if (!ticket.includesWorkshops) return [];
  const all = (await loadWorkshops(ctx.db, event.id)).filter(
    (w) => !ticket.validOn || dateInZone(w.startsAt, event.timezone) === ticket.validOn,
  );
  if (!all.length) return [];
  const [taken, mine] = await Promise.all([
    measureTaken(ctx.db, ctx.clock.now(), { eventId: event.id, sessionIds: all.map((w) => w.id) }),
    ctx.db.select({ id: workshopSeats.sessionId }).from(workshopSeats).where(eq(workshopSeats.ticketId, ticket.id)),
  ]);
  const chosen = new Set(mine.map((r) => r.id));
  return all.map((w) => ({
    ...w,
    day: dateInZone(w.startsAt, event.timezone),
    remaining: remaining(w.capacity, taken.get(poolKey.session(w.id)) ?? 0),
    chosen: chosen.has(w.id),
    overlaps: all.filter((o) => o.id !== w.id && o.startsAt < w.endsAt && w.startsAt < o.endsAt).map((o) => o.title),
  }));
}

// Removes a session, or refuses and changes nothing when that would lose something people rely on: seats taken
// (paid, being paid for, or offered from the waiting list), orders in its history (their seat rows keep it),
// people waiting for a seat, or attendance already recorded. What goes with it: its speaker list, its
// check-in list while empty, and stars in attendees' personal agendas (counted in the audit entry).
import { and, count, eq, inArray } from 'drizzle-orm';
import { agendaItems, checkIns, checkinLists, sessions, waitlistEntries, workshopSeats } from '@/db/schema';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { DomainError } from '../errors';
import {
  assertId,
  auditProgramme,
  lockEventRow,
  plural,
  type ProgrammeCommand,
  type ProgrammeCtx,
} from './staff-common';

const KEEP =
  'Nothing was deleted. To take it off the public programme, set its visibility to "Registered attendees only".';

export interface DeleteSessionResult {
  title: string;
  agendaItemsRemoved: number;
}

export async function deleteSession(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { sessionId: string },
): Promise<DeleteSessionResult> {
  const id = assertId(cmd.sessionId, 'Session');
  return ctx.db.transaction(async (tx) => {
    // Pool lock first (as orders take it), then the row: a purchase in flight commits first and is counted
    // here; one that starts later waits for this transaction.
    const key = poolKey.session(id);
    await lockSeats(tx, poolsFor({ eventId: cmd.eventId, sessionIds: [id] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
    const session = await lockEventRow(tx, sessions, { id, eventId: cmd.eventId }, 'Session');
    const refuse = (reason: string) =>
      new DomainError('CONFLICT', `"${session.title}" cannot be deleted: ${reason} ${KEEP}`);

    const taken = (await measureTaken(tx, ctx.clock.now(), { eventId: cmd.eventId, sessionIds: [id] })).get(key) ?? 0;
    if (taken)
      throw refuse(
        `${plural(taken, 'seat is', 'seats are')} taken (paid, being paid for or offered from the waiting list).`,
      );
    const [seats] = await tx.select({ n: count() }).from(workshopSeats).where(eq(workshopSeats.sessionId, id));
    if (seats?.n)
      throw refuse(
        `${plural(seats.n, 'earlier order')} (expired, cancelled or refunded) ${seats.n === 1 ? 'refers' : 'refer'} to it.`,
      );
    const [waiting] = await tx
      .select({ n: count() })
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.sessionId, id), eq(waitlistEntries.status, 'waiting')));
    if (waiting?.n) throw refuse(`${plural(waiting.n, 'person is', 'people are')} on its waiting list.`);
    const lists = await tx.select({ id: checkinLists.id }).from(checkinLists).where(eq(checkinLists.sessionId, id));
    if (lists.length) {
      const [checked] = await tx
        .select({ n: count() })
        .from(checkIns)
        .where(
          inArray(
            checkIns.listId,
            lists.map((l) => l.id),
          ),
        );
      if (checked?.n) throw refuse(`attendance has been recorded for ${plural(checked.n, 'person', 'people')}.`);
    }

    const [starred] = await tx.select({ n: count() }).from(agendaItems).where(eq(agendaItems.sessionId, id));
    await tx.delete(sessions).where(eq(sessions.id, id));
    await auditProgramme(tx, ctx, cmd, {
      verb: 'delete',
      target: 'session',
      id,
      name: session.title,
      details: { slug: session.slug, startsAt: session.startsAt.toISOString(), agendaItemsRemoved: starred?.n ?? 0 },
    });
    return { title: session.title, agendaItemsRemoved: starred?.n ?? 0 };
  });
}

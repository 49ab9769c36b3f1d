// The choices of the attendee list's filters: every ticket type of the event (hidden ones too, by their internal
// label) and every workshop.
import { asc, eq } from 'drizzle-orm';
import { ticketTypes } from '@/db/schema';
import type { AppContext } from '../context';
import { loadWorkshops } from '../catalogue/listing';

export interface AttendeeFilterOptions {
  ticketTypes: { id: string; label: string }[];
  workshops: { id: string; title: string; startsAt: Date }[];
}

export async function getAttendeeFilterOptions(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
): Promise<AttendeeFilterOptions> {
  const [types, workshops] = await Promise.all([
    ctx.db
      .select({ id: ticketTypes.id, label: ticketTypes.internalLabel })
      .from(ticketTypes)
      .where(eq(ticketTypes.eventId, eventId))
      .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.internalLabel)),
    loadWorkshops(ctx.db, eventId),
  ]);
  return { ticketTypes: types, workshops: workshops.map((w) => ({ id: w.id, title: w.title, startsAt: w.startsAt })) };
}

// Periodic upkeep that correctness never waits for: marks lapsed holds expired (their seats are already free,
// since availability ignores them) and offers freed seats to waiting lists. One instance at a time, through a
// Postgres advisory lock, however many app instances run it.
import { eq, sql } from 'drizzle-orm';
import { waitlistEntries } from '@/db/schema';
import type { AppContext } from './context';
import { expireLapsedHolds } from './orders/queries';
import { offerFreedSeats, type MadeOffer } from './waitlist/offers';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export interface HousekeepingResult { expiredHolds: number; offers: MadeOffer[] }

export async function runHousekeeping(ctx: Ctx): Promise<HousekeepingResult | null> {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.execute<{ got: boolean }>(sql`select pg_try_advisory_xact_lock(hashtextextended('housekeeping', 0)) as got`);
    if (!row?.got) return null;
    const inner = { ...ctx, db: tx };
    const expired = await expireLapsedHolds(inner);
    const events = await tx.selectDistinct({ eventId: waitlistEntries.eventId }).from(waitlistEntries).where(eq(waitlistEntries.status, 'waiting'));
    const offers: MadeOffer[] = [];
    for (const { eventId } of events) offers.push(...await offerFreedSeats(inner, eventId));
    return { expiredHolds: expired.length, offers };
  });
}

// Periodic upkeep that correctness never waits for: marks lapsed holds expired (their seats are already free,
// since availability ignores them) and offers freed seats to waiting lists. One instance at a time, through a
// Postgres advisory lock, however many app instances run it; that instance then reconciles payments, and once a day
// (the audit log remembers the last pass) runs the privacy retention pass.
import { eq, sql } from 'drizzle-orm';
import { waitlistEntries } from '@/db/schema';
import type { PaymentGateway } from './adapters/payments/types';
import type { AppContext } from './context';
import { expireLapsedHolds } from './orders/queries';
import { reconcilePayments, type ReconcileResult } from './payments/reconcile';
import { expireLapsedCheckouts } from './payments/start-checkout';
import { offerFreedSeats, type MadeOffer } from './waitlist/offers';
import { retentionRanRecently, runRetention, type RetentionResult } from './rights/retention';

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'> & { payments?: PaymentGateway };

export interface HousekeepingResult {
  expiredHolds: number;
  offers: MadeOffer[];
  retention?: RetentionResult;
  payments?: ReconcileResult;
}

export async function runHousekeeping(ctx: Ctx): Promise<HousekeepingResult | null> {
  const result = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.execute<{ got: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtextextended('housekeeping', 0)) as got`,
    );
    if (!row?.got) return null;
    const inner = { ...ctx, db: tx };
    const expired = await expireLapsedHolds(inner);
    const events = await tx
      .selectDistinct({ eventId: waitlistEntries.eventId })
      .from(waitlistEntries)
      .where(eq(waitlistEntries.status, 'waiting'));
    const offers: MadeOffer[] = [];
    for (const { eventId } of events) offers.push(...(await offerFreedSeats(inner, eventId)));
    const retention = (await retentionRanRecently(tx, ctx.clock.now()))
      ? undefined
      : await runRetention(inner, { dryRun: false });
    return { expiredHolds: expired.length, offers, ...(retention ? { retention } : {}) };
  });
  // After the commit: reconciliation calls the payment provider, never inside a transaction.
  if (result && ctx.payments) await expireLapsedCheckouts({ ...ctx, payments: ctx.payments });
  return result && ctx.payments
    ? { ...result, payments: await reconcilePayments({ ...ctx, payments: ctx.payments }) }
    : result;
}

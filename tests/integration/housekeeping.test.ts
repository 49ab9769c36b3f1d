import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { orders, waitlistEntries } from '@/db/schema';
import { runHousekeeping } from '@/lib/housekeeping';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, registration } from '../support/registration-fixture';
import { useTestDb } from '../support/test-db';
import { joinAndConfirm } from '../support/waitlist';

const t = useTestDb();

describe('housekeeping', () => {
  it('marks a lapsed hold expired and offers its seat to the first person waiting, once', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'hk', fullPassCapacity: 1 });
    const { order } = await createOrder(fx.ctx, fx.event.id, registration([attendee(fx.fullPass.id)]), {
      clientKey: null,
    });
    await joinAndConfirm(fx.ctx, fx.event.id, {
      name: 'Noor',
      email: 'noor@example.org',
      ticketTypeId: fx.fullPass.id,
    });

    // The first pass of the day also runs the retention pass (nothing is due for an event still ahead).
    expect(await runHousekeeping(fx.ctx)).toMatchObject({
      expiredHolds: 0,
      offers: [],
      retention: { dryRun: false, lines: [] },
    });
    fx.clock.advance(16 * 60_000);
    const result = await runHousekeeping(fx.ctx);
    expect(result?.expiredHolds).toBe(1);
    expect(result?.offers.map((o) => o.email)).toEqual(['noor@example.org']);
    const [row] = await t.db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row?.status).toBe('expired');
    const [entry] = await t.db
      .select({ status: waitlistEntries.status })
      .from(waitlistEntries)
      .where(eq(waitlistEntries.email, 'noor@example.org'));
    expect(entry?.status).toBe('offered');

    const again = await runHousekeeping(fx.ctx);
    expect(again).toEqual({ expiredHolds: 0, offers: [] });
  });

  it('stands aside while another instance holds the housekeeping lock, and works once it is free', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: 'hk2' });
    const other = await t.sql.reserve();
    try {
      await other`begin`;
      await other`select pg_advisory_xact_lock(hashtextextended('housekeeping', 0))`;
      expect(await runHousekeeping(fx.ctx)).toBeNull();
      await other`rollback`;
    } finally {
      other.release();
    }
    expect(await runHousekeeping(fx.ctx)).toMatchObject({ expiredHolds: 0, offers: [] });
  });
});

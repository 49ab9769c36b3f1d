// Paid registrations with QR tokens, and a check-in staff member, for the check-in tests.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orders, tickets, users, type OrderStatus } from '@/db/schema';
import type { CheckinStaff } from '@/lib/checkin/check-in';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, type buildRegistrationFixture, registration } from '../../support/registration-fixture';

export type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;

let staffCount = 0;
export async function createStaff(db: Db, name = 'Desk Helper'): Promise<CheckinStaff> {
  const email = `desk${++staffCount}-${Date.now()}@example.org`;
  const [user] = await db.insert(users).values({ email, name, role: 'checkin' }).returning();
  return { id: user!.id, email: user!.email, name: user!.name };
}

export interface Registered {
  orderId: string;
  reference: string;
  tickets: { id: string; badgeName: string; token: string }[];
}

/** Places an order for the given attendees, marks it `status` (paid by default) and issues a QR token per ticket. */
export async function register(
  fx: Fixture,
  people: { typeId?: string; badgeName: string; workshopIds?: string[]; answers?: Record<string, string> }[],
  status: OrderStatus = 'paid',
): Promise<Registered> {
  const input = registration(
    people.map((p) =>
      attendee(p.typeId ?? fx.fullPass.id, {
        badgeName: p.badgeName,
        workshopIds: p.workshopIds ?? [],
        ...(p.typeId && p.typeId !== fx.fullPass.id ? { answers: p.answers ?? {} } : {}),
      }),
    ),
  );
  const { order } = await createOrder(fx.ctx, fx.event.id, input, { clientKey: null });
  if (status !== order.status) {
    await fx.ctx.db
      .update(orders)
      .set({ status, paidAt: status === 'paid' ? fx.clock.now() : null })
      .where(eq(orders.id, order.id));
  }
  const rows = await fx.ctx.db
    .select({ id: tickets.id, badgeName: tickets.badgeName })
    .from(tickets)
    .where(eq(tickets.orderId, order.id))
    .orderBy(asc(tickets.position));
  const tokens = await issueTicketTokens(
    fx.ctx.db,
    rows.map((r) => r.id),
    fx.clock.now(),
  );
  return {
    orderId: order.id,
    reference: order.reference,
    tickets: rows.map((r) => ({ ...r, token: tokens.get(r.id)! })),
  };
}

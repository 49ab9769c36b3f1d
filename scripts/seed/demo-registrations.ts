// Two demo registrations for a fresh install, so the privacy features show: a clinic's group order where a
// colleague with an email of their own stated access and dietary needs (the buyer's page hides them; the
// colleague's own page and the accessibility team's queue show them), and a single registration with a need whose
// attendee asked, from their own page, for their data to be erased (pending in /admin/privacy).
// Made through createOrder as complimentary registrations (paid at once, sealed like any other), once.
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../lib/context';
import { issueTicketPageLink } from '../../lib/links/secret-links';
import { createOrder } from '../../lib/orders/create-order';
import { requestErasure } from '../../lib/rights/erasure-requests';
import { events, orders, tickets, ticketTypes } from '../../db/schema';

export const DEMO_BUYERS = ['jordan.clinic@example.org', 'kim.lee@example.org'];

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'vault'>;

export async function seedDemoRegistrations(ctx: Ctx, eventId: string): Promise<number> {
  const existing = await ctx.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.eventId, eventId), inArray(orders.buyerEmail, DEMO_BUYERS)));
  if (existing.length) return 0;
  const [full] = await ctx.db
    .select({ id: ticketTypes.id })
    .from(ticketTypes)
    .innerJoin(events, eq(events.id, ticketTypes.eventId))
    .where(and(eq(ticketTypes.eventId, eventId), eq(ticketTypes.code, 'full')));
  if (!full) return 0;
  const demo = { clientKey: null, source: 'complimentary' as const };
  await createOrder(
    ctx,
    eventId,
    {
      buyer: { name: 'Jordan Clinic', email: DEMO_BUYERS[0] },
      attendees: [
        {
          ticketTypeId: full.id,
          legalName: 'Jordan Clinic',
          email: DEMO_BUYERS[0],
          answers: { profession: 'Clinician or therapist', organisation: 'Harbour Recovery Clinic' },
        },
        {
          ticketTypeId: full.id,
          legalName: 'Sam Rivera',
          badgeName: 'Sam',
          email: 'sam.rivera@example.org',
          pronouns: 'they/them',
          answers: {
            profession: 'Peer-support worker',
            dietary: 'Alcohol-free meals, please',
            access_needs: 'Step-free seating and a quiet room between sessions',
          },
        },
      ],
    },
    demo,
  );
  const kim = await createOrder(
    ctx,
    eventId,
    {
      buyer: { name: 'Kim Lee', email: DEMO_BUYERS[1] },
      attendees: [
        {
          ticketTypeId: full.id,
          legalName: 'Kim Lee',
          email: DEMO_BUYERS[1],
          answers: { profession: 'Researcher', access_needs: 'Live captions in the main hall' },
        },
      ],
    },
    demo,
  );
  const [kimTicket] = await ctx.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.orderId, kim.order.id));
  if (kimTicket)
    await requestErasure(ctx, { token: await issueTicketPageLink(ctx.db, kimTicket.id, ctx.clock.now(), null) });
  return 2;
}

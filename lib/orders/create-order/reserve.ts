// The critical path: in one READ COMMITTED transaction, lock every pool the order shrinks (sorted, with a
// lock timeout), re-check availability at the clock's now, check the hold caps, then insert the order.
import { and, count, eq, gt, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { answers, capacityPools, orders, tickets, waitlistEntries, workshopSeats, type Event, type Order } from '@/db/schema';
import { DomainError } from '../../errors';
import { measureTaken, poolKey, remaining } from '../../capacity/availability';
import type { PoolLocker } from '../../capacity/lock-pools';
import type { CatalogueTicketType, CatalogueWorkshop } from '../../registration/catalogue';
import type { OrderPrice } from '../../registration/pricing';
import type { Registration } from '../../registration/schemas';
import { newReference } from '../../tokens';
import type { ValidatedAttendee, VoucherView } from './validate';

export interface ReserveInput {
  event: Event;
  registration: Registration;
  attendees: ValidatedAttendee[];
  price: OrderPrice;
  types: Map<string, CatalogueTicketType>;
  workshops: Map<string, CatalogueWorkshop>;
  voucher: VoucherView | null;
  offer: { id: string } | null;
  accessTokenHash: string;
  clientKey: string | null;
  now: Date;
  limits: { perEmail: number; perClient: number; lockTimeoutMs: number };
  locker: PoolLocker;
}

function tally<T>(items: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

async function activeHolds(tx: Tx, now: Date, where: ReturnType<typeof eq>): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(orders)
    .where(and(where, eq(orders.status, 'pending_payment'), gt(orders.expiresAt, now)));
  return row?.n ?? 0;
}

function soldOut(message: string, field: string, details: Record<string, unknown>): DomainError {
  return new DomainError('SOLD_OUT', message, { [field]: [message] }, details);
}

export async function reserve(tx: Tx, input: ReserveInput): Promise<Order> {
  const { event, registration, attendees, price, types, workshops, voucher, now } = input;
  const free = price.total === 0;
  const perType = tally(attendees.map((a) => a.ticketTypeId));
  const perPool = tally(attendees.flatMap((a) => types.get(a.ticketTypeId)!.poolIds));
  const perWorkshop = tally(attendees.flatMap((a) => a.workshopIds));
  const voucherUses = price.lines.filter((l) => l.voucherApplied).length;
  const buyerEmail = registration.buyer.email;

  const keys = [
    // The event pool is only a pool when the event has a total capacity; otherwise orders for different
    // ticket types need not wait for each other.
    ...(event.capacity !== null ? [poolKey.event(event.id)] : []),
    ...[...perType.keys()].map(poolKey.ticketType),
    ...[...perPool.keys()].map(poolKey.pool),
    ...[...perWorkshop.keys()].map(poolKey.session),
    ...(voucher ? [poolKey.voucher(voucher.id)] : []),
    ...(free ? [] : [`holds:email:${buyerEmail}`, ...(input.clientKey ? [`holds:client:${input.clientKey}`] : [])]),
  ];
  await input.locker.lock(tx, keys, input.limits.lockTimeoutMs);

  if (!free) {
    if ((await activeHolds(tx, now, eq(orders.buyerEmail, buyerEmail))) >= input.limits.perEmail) {
      throw new DomainError('HOLD_LIMIT', 'This email already has unpaid registrations waiting. Complete or cancel them first.', { 'buyer.email': ['Too many unpaid registrations for this email'] });
    }
    if (input.clientKey && (await activeHolds(tx, now, eq(orders.clientKey, input.clientKey))) >= input.limits.perClient) {
      throw new DomainError('HOLD_LIMIT', 'Too many unpaid registrations from this connection. Complete or cancel them first.');
    }
  }

  const taken = await measureTaken(tx, now, {
    eventId: event.id,
    includeEvent: event.capacity !== null,
    ticketTypeIds: [...perType.keys()],
    poolIds: [...perPool.keys()],
    sessionIds: [...perWorkshop.keys()],
    voucherIds: voucher?.maxUses != null ? [voucher.id] : [],
    excludeOfferId: input.offer?.id,
  });
  const left = (key: string, capacity: number | null) => remaining(capacity, taken.get(key) ?? 0);

  const eventLeft = left(poolKey.event(event.id), event.capacity);
  if (eventLeft !== null && eventLeft < attendees.length) {
    throw soldOut('The conference is sold out.', 'attendees', { pool: 'event', remaining: eventLeft });
  }
  for (const [id, n] of perType) {
    const type = types.get(id)!;
    const l = left(poolKey.ticketType(id), type.capacity);
    if (l !== null && l < n) {
      throw soldOut(l === 0 ? `${type.publicLabel} is sold out.` : `Only ${l} ${type.publicLabel} left.`, 'attendees', { pool: 'ticket_type', ticketTypeId: id, remaining: l });
    }
  }
  if (perPool.size) {
    const pools = await tx.select().from(capacityPools).where(inArray(capacityPools.id, [...perPool.keys()]));
    for (const pool of pools) {
      const l = left(poolKey.pool(pool.id), pool.capacity);
      if (l !== null && l < perPool.get(pool.id)!) {
        throw soldOut('These tickets are sold out.', 'attendees', { pool: 'shared', poolId: pool.id, remaining: l });
      }
    }
  }
  for (const [id, n] of perWorkshop) {
    const w = workshops.get(id)!;
    const l = left(poolKey.session(id), w.capacity);
    if (l !== null && l < n) {
      throw soldOut(l === 0 ? `The workshop "${w.title}" is full.` : `Only ${l} seats left in "${w.title}".`, 'workshops', { pool: 'workshop', sessionId: id, remaining: l });
    }
  }
  if (voucher && voucher.maxUses !== null) {
    const l = voucher.maxUses - (taken.get(poolKey.voucher(voucher.id)) ?? 0);
    if (l < voucherUses) {
      const message = l <= 0 ? 'This voucher has been used up.' : `This voucher can be used for ${l} more ticket${l === 1 ? '' : 's'} only.`;
      throw new DomainError('VOUCHER_EXHAUSTED', message, { voucherCode: [message] });
    }
  }

  const expiresAt = free ? null : new Date(now.getTime() + event.holdMinutes * 60_000);
  let order: Order | undefined;
  for (let attempt = 0; !order; attempt++) {
    const reference = newReference(event.slug.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 6) || 'REG');
    const rows = await tx.insert(orders).values({
      eventId: event.id, reference, accessTokenHash: input.accessTokenHash,
      status: free ? 'paid' : 'pending_payment',
      buyerName: registration.buyer.name, buyerEmail, currency: event.currency,
      subtotal: price.subtotal, discount: price.discount, total: price.total,
      voucherId: voucher?.id ?? null, clientKey: input.clientKey, expiresAt, paidAt: free ? now : null,
      createdAt: now, updatedAt: now,
    }).onConflictDoNothing({ target: orders.reference }).returning();
    order = rows[0];
    if (!order && attempt > 5) throw new Error('Could not allocate an order reference');
  }

  const ticketRows = await tx.insert(tickets).values(attendees.map((a, i) => {
    const r = registration.attendees[i]!;
    const line = price.lines[i]!;
    return {
      orderId: order.id, ticketTypeId: a.ticketTypeId, price: line.price, discount: line.discount,
      voucherId: line.voucherApplied ? voucher!.id : null,
      legalName: r.legalName, badgeName: a.badgeName, email: r.email, pronouns: r.pronouns ?? '',
      directoryOptIn: r.directoryOptIn, photoPreference: r.photoPreference, createdAt: now,
    };
  })).returning({ id: tickets.id });
  const answerRows = attendees.flatMap((a, i) => a.answers.map((ans) => ({ ticketId: ticketRows[i]!.id, ...ans })));
  if (answerRows.length) await tx.insert(answers).values(answerRows);
  const seatRows = attendees.flatMap((a, i) => a.workshopIds.map((sessionId) => ({ ticketId: ticketRows[i]!.id, sessionId, orderId: order.id })));
  if (seatRows.length) await tx.insert(workshopSeats).values(seatRows);
  if (input.offer) {
    await tx.update(waitlistEntries).set({ status: 'accepted' }).where(eq(waitlistEntries.id, input.offer.id));
  }
  return order;
}

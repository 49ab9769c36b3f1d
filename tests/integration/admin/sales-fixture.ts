// Shared set-up for the sales set-up tests: the registration fixture with a payment gateway, an organizer
// account as the acting user, helpers to place held and paid orders, and the audit rows an action wrote.
import { randomUUID } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import { staffActor } from '@/lib/audit/record';
import { createUser } from '@/lib/auth/users';
import type { SalesCtx } from '@/lib/catalogue/common';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { handlePaymentEvent } from '@/lib/payments/handle-payment-event';
import { buildPaymentFixture, placeOrder, succeeded, type PaymentFixture } from '../payments/helpers';
import { attendee, registration, type FixtureOptions } from '../../support/registration-fixture';

export type SalesFixture = PaymentFixture & { sales: SalesCtx; userId: string };

export async function buildSalesFixture(db: Db, options: FixtureOptions & { slug: string }): Promise<SalesFixture> {
  const fx = await buildPaymentFixture(db, options);
  const user = await createUser(fx.ctx, {
    email: `organizer-${randomUUID()}@example.org`,
    name: 'Org',
    password: 'organizer password 42',
    role: 'organizer',
  });
  return {
    ...fx,
    sales: { db: fx.ctx.db, clock: fx.clock, vault: fx.ctx.vault, actor: staffActor(user) },
    userId: user.id,
  };
}

/** A paid order for full passes, through the real payment path. */
export async function paidOrder(fx: SalesFixture, passes = 1) {
  const placed = await placeOrder(
    fx,
    undefined,
    Array.from({ length: passes }, () => fx.fullPass.id),
  );
  fx.gateway.pay(placed.sessionId);
  await handlePaymentEvent(fx.pctx, succeeded(fx, placed));
  return placed.order;
}

/** An unpaid hold (pending payment until the hold lapses); only the full pass asks the profession question. */
export async function heldOrder(
  fx: SalesFixture,
  ticketTypeIds = [fx.fullPass.id],
  extra: Record<string, unknown> = {},
) {
  const people = ticketTypeIds.map((id) => attendee(id, id === fx.fullPass.id ? {} : { answers: {} }));
  const { order } = await createOrder(fx.ctx, fx.event.id, registration(people, extra), { clientKey: null });
  return order;
}

export async function auditRows(db: Db, eventId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.createdAt));
}

/** The DomainError a call fails with (the test fails if it succeeds or throws something else). */
export async function refusal(run: Promise<unknown>): Promise<DomainError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('Expected a DomainError, but the call succeeded');
}

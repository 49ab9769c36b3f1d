// createOrder: validate, price from the database, then take every seat in one locked transaction.
// Used by the registration page and by POST /api/v1/orders alike.
import { isForeignKeyViolation, isLockTimeout, isRetryableTransaction } from '@/db/errors';
import type { Order, OrderSource } from '@/db/schema';
import type { AppContext } from '../../context';
import { DomainError } from '../../errors';
import { measureTaken } from '../../capacity/availability';
import { busyError, poolLocker, reconcileSeats, type PoolLocker } from '../../capacity/seats';
import { hashToken, newSecretToken } from '../../tokens';
import { findVoucher } from '../../catalogue/voucher-queries';
import { assertAvailable, planPools, poolNeeds, reserve, seatCheckOf, type ReserveInput } from './reserve';
import { holdLimits, prepareOrder } from './prepare';

export type CreateOrderCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'vault'> & { locker?: PoolLocker };

export interface CreateOrderResult {
  order: Order;
  /** The secret for the order's private link; shown once, only its hash is stored. */
  accessToken: string;
}

/** @param event the event's id, or its slug (the HTTP API knows only the configured slug). */
export async function createOrder(
  ctx: CreateOrderCtx,
  event: string | { slug: string },
  input: unknown,
  meta: { clientKey: string | null; source?: OrderSource },
): Promise<CreateOrderResult> {
  const now = ctx.clock.now();
  const prepared = await prepareOrder(ctx, event, input, {
    now,
    clientKey: meta.clientKey,
    rateLimit: true,
    complimentary: meta.source === 'complimentary',
    findVoucher: (eventId, code) => findVoucher(ctx.db, eventId, code),
  });
  const accessToken = newSecretToken();
  const reserveInput: ReserveInput = {
    ...prepared,
    accessTokenHash: hashToken(accessToken),
    clientKey: meta.clientKey,
    source: meta.source ?? 'online',
    now,
    limits: holdLimits(ctx),
    locker: ctx.locker ?? poolLocker,
    seatCheck: ctx.config.ORDER_SEAT_CHECK,
    emailReminderHours: ctx.config.EMAIL_REMINDER_HOURS,
    vault: ctx.vault,
  };
  if (!('$client' in ctx.db)) throw new Error('createOrder needs a database handle of its own, not a transaction');
  const db = ctx.db;
  const plan = planPools(reserveInput);
  let order: Order | null;
  try {
    order = await reserve(db.$client, reserveInput);
    if (!order && seatCheckOf(reserveInput) === 'counters') {
      // A counter said full or unknown. Full by the facts too (read unlocked): say which pool, as below. Otherwise
      // the counter counts holds that have lapsed or orders cancelled since, or an organizer's edit, a late payment
      // or a waiting-list offer left it unknown: recount it from the facts under its lock and try once more.
      assertAvailable(await measureTaken(db, now, plan.query), reserveInput, plan);
      await reconcileSeats(db, now, plan.query, poolNeeds(reserveInput), {
        timeoutMs: reserveInput.limits.lockTimeoutMs,
      });
      order = await reserve(db.$client, reserveInput);
    }
  } catch (error) {
    if (isLockTimeout(error) || isRetryableTransaction(error)) throw busyError();
    // A workshop, ticket type or voucher the order names was removed by an organizer a moment ago.
    if (isForeignKeyViolation(error)) {
      throw new DomainError(
        'CONFLICT',
        'Something you chose was changed by the organizers a moment ago. Please check your choices and try again.',
        { attendees: ['Please check your choices and try again'] },
      );
    }
    throw error;
  }
  if (order) return { order, accessToken };
  // A pool was full under the lock: say which, from a fresh count. Seats freed in between are not offered
  // here; the buyer simply tries again.
  assertAvailable(await measureTaken(ctx.db, now, plan.query), reserveInput, plan);
  throw new DomainError(
    'SOLD_OUT',
    'These tickets have just sold out.',
    { attendees: ['These tickets have just sold out'] },
    { pool: 'unknown' },
  );
}

// What the sales set-up pages show: ticket types with seats sold, held and left, pools, questions and vouchers
// with their uses. Seats and uses come from lib/capacity/availability.ts, so they agree with what orders see.
import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  answers,
  capacityPools,
  orders,
  questions,
  ticketPrices,
  ticketTypePools,
  ticketTypeQuestions,
  ticketTypes,
  tickets,
  voucherTicketTypes,
  vouchers,
  type Event,
  type Question,
  type TicketPrice,
  type TicketType,
  type Voucher,
} from '@/db/schema';
import { measureTaken, poolKey, remaining, type Taken } from '../capacity/availability';
import type { AppContext } from '../context';
import { currentPrice } from './pricing';
import { isUuid } from '../validation';

type Ctx = Pick<AppContext, 'db' | 'clock'>;
type CapacityPool = typeof capacityPools.$inferSelect;

export interface SeatFigures {
  capacity: number | null;
  sold: number;
  /** Unpaid holds that have not expired, and live waiting-list offers. */
  held: number;
  left: number | null;
}

export interface AdminTicketType extends TicketType {
  prices: TicketPrice[];
  currentPriceId: string | null;
  pools: { id: string; name: string }[];
  seats: SeatFigures;
}

function figures(capacity: number | null, taken: number, sold: number): SeatFigures {
  return { capacity, sold, held: Math.max(0, taken - sold), left: remaining(capacity, taken) };
}

/** Tickets of paid orders per ticket type. */
async function soldByType(ctx: Ctx, eventId: string): Promise<Map<string, number>> {
  const rows = await ctx.db
    .select({ id: tickets.ticketTypeId, n: count() })
    .from(tickets)
    .innerJoin(orders, eq(orders.id, tickets.orderId))
    .where(and(eq(orders.eventId, eventId), eq(orders.status, 'paid')))
    .groupBy(tickets.ticketTypeId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function listTicketTypesForAdmin(
  ctx: Ctx,
  event: Event,
): Promise<{ types: AdminTicketType[]; event: SeatFigures }> {
  const now = ctx.clock.now();
  const types = await ctx.db
    .select()
    .from(ticketTypes)
    .where(eq(ticketTypes.eventId, event.id))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.internalLabel));
  const ids = types.map((t) => t.id);
  const [prices, links, sold, taken] = await Promise.all([
    ids.length
      ? ctx.db
          .select()
          .from(ticketPrices)
          .where(inArray(ticketPrices.ticketTypeId, ids))
          .orderBy(sql`${ticketPrices.startsAt} asc nulls first`, asc(ticketPrices.label))
      : [],
    ids.length
      ? ctx.db
          .select({ typeId: ticketTypePools.ticketTypeId, id: capacityPools.id, name: capacityPools.name })
          .from(ticketTypePools)
          .innerJoin(capacityPools, eq(capacityPools.id, ticketTypePools.poolId))
          .where(inArray(ticketTypePools.ticketTypeId, ids))
          .orderBy(asc(capacityPools.name))
      : [],
    soldByType(ctx, event.id),
    measureTaken(ctx.db, now, { eventId: event.id, ticketTypeIds: ids, includeEvent: true }),
  ]);
  const paidTotal = [...sold.values()].reduce((a, b) => a + b, 0);
  return {
    types: types.map((t) => {
      const own = prices.filter((p) => p.ticketTypeId === t.id);
      return {
        ...t,
        prices: own,
        currentPriceId: currentPrice(own, now)?.id ?? null,
        pools: links.filter((l) => l.typeId === t.id).map(({ id, name }) => ({ id, name })),
        seats: figures(t.capacity, taken.get(poolKey.ticketType(t.id)) ?? 0, sold.get(t.id) ?? 0),
      };
    }),
    event: figures(event.capacity, taken.get(poolKey.event(event.id)) ?? 0, paidTotal),
  };
}

export async function getTicketTypeForAdmin(
  ctx: Ctx,
  event: Event,
  ticketTypeId: string,
): Promise<AdminTicketType | null> {
  if (!isUuid(ticketTypeId)) return null;
  const { types } = await listTicketTypesForAdmin(ctx, event);
  return types.find((t) => t.id === ticketTypeId) ?? null;
}

export interface AdminPool extends CapacityPool {
  taken: number;
  left: number;
  types: { id: string; code: string; internalLabel: string }[];
}

export async function listPoolsForAdmin(ctx: Ctx, eventId: string): Promise<AdminPool[]> {
  const pools = await ctx.db
    .select()
    .from(capacityPools)
    .where(eq(capacityPools.eventId, eventId))
    .orderBy(asc(capacityPools.name));
  if (!pools.length) return [];
  const ids = pools.map((p) => p.id);
  const [links, taken] = await Promise.all([
    ctx.db
      .select({
        poolId: ticketTypePools.poolId,
        id: ticketTypes.id,
        code: ticketTypes.code,
        internalLabel: ticketTypes.internalLabel,
      })
      .from(ticketTypePools)
      .innerJoin(ticketTypes, eq(ticketTypes.id, ticketTypePools.ticketTypeId))
      .where(inArray(ticketTypePools.poolId, ids))
      .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.internalLabel)),
    measureTaken(ctx.db, ctx.clock.now(), { eventId, poolIds: ids }),
  ]);
  return pools.map((p) => {
    const n = takenOf(taken, poolKey.pool(p.id));
    return {
      ...p,
      taken: n,
      left: Math.max(0, p.capacity - n),
      types: links.filter((l) => l.poolId === p.id).map(({ id, code, internalLabel }) => ({ id, code, internalLabel })),
    };
  });
}

const takenOf = (taken: Taken, key: string) => taken.get(key) ?? 0;

export async function getPoolForAdmin(ctx: Ctx, eventId: string, poolId: string): Promise<AdminPool | null> {
  if (!isUuid(poolId)) return null;
  return (await listPoolsForAdmin(ctx, eventId)).find((p) => p.id === poolId) ?? null;
}

export interface AdminQuestion extends Question {
  asks: { ticketTypeId: string; isRequired: boolean }[];
  answerCount: number;
}

export async function listQuestionsForAdmin(ctx: Pick<Ctx, 'db'>, eventId: string): Promise<AdminQuestion[]> {
  const qs = await ctx.db
    .select()
    .from(questions)
    .where(eq(questions.eventId, eventId))
    .orderBy(asc(questions.sortOrder), asc(questions.key));
  if (!qs.length) return [];
  const ids = qs.map((q) => q.id);
  const [links, counts] = await Promise.all([
    ctx.db.select().from(ticketTypeQuestions).where(inArray(ticketTypeQuestions.questionId, ids)),
    ctx.db
      .select({ id: answers.questionId, n: count() })
      .from(answers)
      .where(inArray(answers.questionId, ids))
      .groupBy(answers.questionId),
  ]);
  return qs.map((q) => ({
    ...q,
    asks: links
      .filter((l) => l.questionId === q.id)
      .map((l) => ({ ticketTypeId: l.ticketTypeId, isRequired: l.isRequired })),
    answerCount: counts.find((c) => c.id === q.id)?.n ?? 0,
  }));
}

export async function getQuestionForAdmin(
  ctx: Pick<Ctx, 'db'>,
  eventId: string,
  questionId: string,
): Promise<AdminQuestion | null> {
  if (!isUuid(questionId)) return null;
  return (await listQuestionsForAdmin(ctx, eventId)).find((q) => q.id === questionId) ?? null;
}

export type VoucherStatus = 'active' | 'scheduled' | 'ended' | 'used_up';

export interface AdminVoucher extends Voucher {
  uses: number;
  status: VoucherStatus;
  ticketTypeIds: string[];
}

function voucherStatus(v: Voucher, uses: number, now: Date): VoucherStatus {
  if (v.validUntil && v.validUntil <= now) return 'ended';
  if (v.maxUses !== null && uses >= v.maxUses) return 'used_up';
  if (v.validFrom && v.validFrom > now) return 'scheduled';
  return 'active';
}

export interface VoucherListOptions {
  ids?: string[];
  /** Part of a code, any case. */
  search?: string;
  limit?: number;
}

export async function listVouchersForAdmin(
  ctx: Ctx,
  eventId: string,
  options: VoucherListOptions = {},
): Promise<{ vouchers: AdminVoucher[]; total: number }> {
  const now = ctx.clock.now();
  const search =
    options.search
      ?.trim()
      .toUpperCase()
      .replace(/[^A-Z0-9_-]/g, '') ?? '';
  const where = and(
    eq(vouchers.eventId, eventId),
    options.ids
      ? inArray(vouchers.id, options.ids.length ? options.ids : ['00000000-0000-0000-0000-000000000000'])
      : undefined,
    search ? sql`strpos(${vouchers.code}, ${search}) > 0` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(vouchers)
      .where(where)
      .orderBy(desc(vouchers.createdAt), asc(vouchers.code))
      .limit(options.limit ?? 1000),
    ctx.db.select({ n: count() }).from(vouchers).where(where),
  ]);
  if (!rows.length) return { vouchers: [], total: total?.n ?? 0 };
  const voucherIds = rows.map((v) => v.id);
  const [links, taken] = await Promise.all([
    ctx.db.select().from(voucherTicketTypes).where(inArray(voucherTicketTypes.voucherId, voucherIds)),
    measureTaken(ctx.db, now, { eventId, voucherIds }),
  ]);
  return {
    total: total?.n ?? 0,
    vouchers: rows.map((v) => {
      const uses = takenOf(taken, poolKey.voucher(v.id));
      return {
        ...v,
        uses,
        status: voucherStatus(v, uses, now),
        ticketTypeIds: links.filter((l) => l.voucherId === v.id).map((l) => l.ticketTypeId),
      };
    }),
  };
}

export interface VoucherOrder {
  id: string;
  reference: string;
  status: string;
  createdAt: Date;
  /** Tickets of the order the voucher applied to. */
  tickets: number;
}

export async function getVoucherForAdmin(
  ctx: Ctx,
  eventId: string,
  voucherId: string,
): Promise<{ voucher: AdminVoucher; orders: VoucherOrder[] } | null> {
  if (!isUuid(voucherId)) return null;
  const [voucher] = (await listVouchersForAdmin(ctx, eventId, { ids: [voucherId] })).vouchers;
  if (!voucher) return null;
  const used = await ctx.db
    .select({
      id: orders.id,
      reference: orders.reference,
      status: orders.status,
      createdAt: orders.createdAt,
      tickets: sql<number>`count(${tickets.id}) filter (where ${tickets.voucherId} = ${voucherId}::uuid)`.mapWith(
        Number,
      ),
    })
    .from(orders)
    .leftJoin(tickets, eq(tickets.orderId, orders.id))
    .where(and(eq(orders.eventId, eventId), eq(orders.voucherId, voucherId)))
    .groupBy(orders.id)
    .orderBy(desc(orders.createdAt))
    .limit(500);
  return { voucher, orders: used };
}

/** What the settings page needs to explain its limits: whether money was taken, and the seats taken in all. */
export async function getSettingsFacts(
  ctx: Ctx,
  eventId: string,
): Promise<{ hasPaidOrders: boolean; seatsTaken: number }> {
  const [[paid], taken] = await Promise.all([
    ctx.db
      .select({ id: orders.id })
      .from(orders)
      .where(
        and(eq(orders.eventId, eventId), sql`(${orders.status} in ('paid', 'refunded') or ${orders.amountPaid} > 0)`),
      )
      .limit(1),
    measureTaken(ctx.db, ctx.clock.now(), { eventId, includeEvent: true }),
  ]);
  return { hasPaidOrders: Boolean(paid), seatsTaken: takenOf(taken, poolKey.event(eventId)) };
}

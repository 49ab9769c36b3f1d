// What can be bought: ticket types with their price windows, shared pools and questions, and the workshops.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import {
  questions, sessions, ticketPrices, ticketTypePools, ticketTypeQuestions, ticketTypes, type Question, type TicketType,
} from '@/db/schema';
import type { PriceWindow } from './pricing';

export interface CatalogueQuestion extends Pick<Question, 'id' | 'key' | 'label' | 'help' | 'kind' | 'options' | 'isSensitive' | 'sortOrder'> {
  isRequired: boolean;
}

export interface CatalogueTicketType extends TicketType {
  prices: (PriceWindow & { id: string })[];
  poolIds: string[];
  questions: CatalogueQuestion[];
}

export async function loadTicketTypes(db: DbOrTx, eventId: string, ids?: string[]): Promise<CatalogueTicketType[]> {
  const types = await db.select().from(ticketTypes)
    .where(and(eq(ticketTypes.eventId, eventId), ids ? inArray(ticketTypes.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.publicLabel));
  if (!types.length) return [];
  const typeIds = types.map((t) => t.id);
  const [prices, pools, qs] = await Promise.all([
    db.select().from(ticketPrices).where(inArray(ticketPrices.ticketTypeId, typeIds)),
    db.select().from(ticketTypePools).where(inArray(ticketTypePools.ticketTypeId, typeIds)),
    db.select({
      ticketTypeId: ticketTypeQuestions.ticketTypeId, isRequired: ticketTypeQuestions.isRequired,
      id: questions.id, key: questions.key, label: questions.label, help: questions.help, kind: questions.kind,
      options: questions.options, isSensitive: questions.isSensitive, sortOrder: questions.sortOrder,
    }).from(ticketTypeQuestions).innerJoin(questions, eq(questions.id, ticketTypeQuestions.questionId))
      .where(inArray(ticketTypeQuestions.ticketTypeId, typeIds)).orderBy(asc(questions.sortOrder)),
  ]);
  return types.map((t) => ({
    ...t,
    prices: prices.filter((p) => p.ticketTypeId === t.id).map(({ id, label, amount, startsAt, endsAt }) => ({ id, label, amount, startsAt, endsAt })),
    poolIds: pools.filter((p) => p.ticketTypeId === t.id).map((p) => p.poolId),
    questions: qs.filter((q) => q.ticketTypeId === t.id).map(({ ticketTypeId: _t, ...q }) => q),
  }));
}

export interface CatalogueWorkshop {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number | null;
}

/** Workshops people book during registration: every workshop of the event, public or attendee-only. */
export async function loadWorkshops(db: DbOrTx, eventId: string, ids?: string[]): Promise<CatalogueWorkshop[]> {
  return db.select({ id: sessions.id, slug: sessions.slug, title: sessions.title, startsAt: sessions.startsAt, endsAt: sessions.endsAt, capacity: sessions.capacity })
    .from(sessions)
    .where(and(
      eq(sessions.eventId, eventId), eq(sessions.format, 'workshop'),
      ids ? inArray(sessions.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']) : undefined,
    ))
    .orderBy(asc(sessions.startsAt), asc(sessions.title));
}

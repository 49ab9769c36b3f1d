// Registrations entered by an organizer ('orders.manage'): 'manual' is a regular priced hold the buyer pays
// through the order's private link; 'complimentary' is priced at 0, so it is paid and confirmed at once. Both
// go through createOrder, so they take their seats through the same locked path as every other order. The
// audit entry is written right after (createOrder commits in one pipelined round trip of its own).
import { z } from 'zod';
import type { OrderSource } from '@/db/schema';
import { recordAudit, staffActor } from '../audit/record';
import { DomainError } from '../errors';
import { createOrder, type CreateOrderCtx, type CreateOrderResult } from './create-order';
import { loadTicketTypes, loadWorkshops, type CatalogueTicketType, type CatalogueWorkshop } from '../catalogue/listing';
import { currentPrice } from '../catalogue/pricing';
import type { Staff } from './staff-actions';

export const MANUAL_SOURCES = ['manual', 'complimentary'] as const satisfies readonly OrderSource[];
export type ManualSource = (typeof MANUAL_SOURCES)[number];

const sourceSchema = z.enum(MANUAL_SOURCES, { error: 'Choose manual (the buyer pays) or complimentary (free)' });

export interface ManualOrderForm {
  /** Ticket types an organizer can register people for (hidden ones need their voucher, so are left out). */
  ticketTypes: (Pick<
    CatalogueTicketType,
    'id' | 'internalLabel' | 'publicLabel' | 'includesWorkshops' | 'questions'
  > & { price: number | null })[];
  workshops: CatalogueWorkshop[];
  questions: CatalogueTicketType['questions'];
}

/** What the manual registration form offers: ticket types with their price now, workshops, and every question asked. */
export async function getManualOrderForm(
  ctx: Pick<CreateOrderCtx, 'db' | 'clock'>,
  eventId: string,
): Promise<ManualOrderForm> {
  const now = ctx.clock.now();
  const [types, workshops] = await Promise.all([loadTicketTypes(ctx.db, eventId), loadWorkshops(ctx.db, eventId)]);
  const visible = types.filter((t) => !t.isHidden);
  const questions = new Map<string, CatalogueTicketType['questions'][number]>();
  for (const t of visible)
    for (const q of t.questions) if (!questions.has(q.key)) questions.set(q.key, { ...q, isRequired: false });
  return {
    ticketTypes: visible.map((t) => ({
      id: t.id,
      internalLabel: t.internalLabel,
      publicLabel: t.publicLabel,
      includesWorkshops: t.includesWorkshops,
      questions: t.questions,
      price: currentPrice(t.prices, now)?.amount ?? null,
    })),
    workshops,
    questions: [...questions.values()].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key)),
  };
}

/**
 * The form shows every question for every attendee; keep, per attendee, only the answers their ticket type asks
 * (createOrder refuses answers to other questions) and drop blank ones it does not ask.
 */
function keepAskedAnswers(
  registration: Record<string, unknown>,
  types: Map<string, CatalogueTicketType>,
): Record<string, unknown> {
  const attendees = Array.isArray(registration.attendees) ? registration.attendees : [];
  return {
    buyer: registration.buyer,
    attendees: attendees.map((raw: unknown) => {
      if (!raw || typeof raw !== 'object') return raw;
      const a = raw as Record<string, unknown>;
      const type = typeof a.ticketTypeId === 'string' ? types.get(a.ticketTypeId.toLowerCase()) : undefined;
      if (!type || !a.answers || typeof a.answers !== 'object') return a;
      const asked = new Map(type.questions.map((q) => [q.key, q]));
      const answers: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(a.answers as Record<string, unknown>)) {
        const q = asked.get(key);
        if (!q) continue;
        answers[key] =
          q.kind === 'checkbox' ? value === true || value === 'on' || value === 'yes' || value === 'true' : value;
      }
      for (const q of type.questions) if (q.kind === 'checkbox' && !(q.key in answers)) answers[q.key] = false;
      return { ...a, answers };
    }),
  };
}

export interface ManualOrderInput {
  eventId: string;
  source: ManualSource;
  /** The registration request (buyer and attendees) as the public form would send it; vouchers do not apply. */
  registration: Record<string, unknown>;
}

export async function createManualOrder(
  ctx: CreateOrderCtx,
  staff: Staff,
  input: ManualOrderInput,
): Promise<CreateOrderResult> {
  const parsed = sourceSchema.safeParse(input.source);
  if (!parsed.success)
    throw new DomainError('VALIDATION', 'Please correct the highlighted fields.', {
      source: [parsed.error.issues[0]!.message],
    });
  const source = parsed.data;
  const types = new Map((await loadTicketTypes(ctx.db, input.eventId)).map((t) => [t.id, t]));
  const registration = keepAskedAnswers(input.registration, types);
  const result = await createOrder(ctx, input.eventId, registration, { clientKey: null, source });
  const { order } = result;
  const attendees = Array.isArray(registration.attendees) ? registration.attendees.length : 0;
  const people = attendees === 1 ? '1 attendee' : `${attendees} attendees`;
  await recordAudit(ctx.db, {
    actor: staffActor(staff),
    action: source === 'complimentary' ? 'order.create_complimentary' : 'order.create_manual',
    eventId: order.eventId,
    orderId: order.id,
    targetType: 'order',
    targetId: order.id,
    summary:
      source === 'complimentary'
        ? `Registered ${people} free of charge`
        : `Registered ${people}; payment awaited from the buyer`,
    details: { source, attendees, total: order.total, currency: order.currency },
    at: ctx.clock.now(),
  });
  return result;
}

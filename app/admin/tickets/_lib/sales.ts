// Glue shared by the sales set-up actions (tickets, pools, questions, vouchers, settings): the configured event,
// the context the use cases take (with the acting staff member for the audit trail) and ids from hidden fields.
import 'server-only';
import type { Event } from '@/db/schema';
import type { SalesCtx } from '@/lib/catalogue/common';
import { staffActor } from '@/lib/audit/record';
import type { StaffUser } from '@/lib/auth/users';
import type { AppContext } from '@/lib/context';
import { DomainError } from '@/lib/errors';
import { getEventBySlug } from '@/lib/programme/queries';

/** The configured event, for actions (pages use getCurrentEvent). */
export async function salesEvent(ctx: Pick<AppContext, 'db' | 'config'>): Promise<Event> {
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', `There is no event with the slug "${ctx.config.EVENT_SLUG}" yet.`);
  return event;
}

/** The configured event's id, for actions. */
export async function salesEventId(ctx: Pick<AppContext, 'db' | 'config'>): Promise<string> {
  return (await salesEvent(ctx)).id;
}

export function salesCtx(ctx: AppContext, user: StaffUser): SalesCtx {
  return { db: ctx.db, clock: ctx.clock, vault: ctx.vault, actor: staffActor(user) };
}

/** The id a form carries in a hidden field. */
export function idOf(formData: FormData, name = 'id'): string {
  const v = formData.get(name);
  return typeof v === 'string' ? v.trim() : '';
}

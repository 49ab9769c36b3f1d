// The programme admin's actions all need the same three things once authorized: the permission
// (programme.manage), the configured event's id and the acting staff member. programmeAction gives them.
import 'server-only';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminAction, type AdminActionResult } from '@/app/admin/_lib/action';
import type { AppContext } from '@/lib/context';
import { staffActor, type AuditActor } from '@/lib/audit/record';
import { idOf, programmeEventId } from './form-values';

export interface ProgrammeActionInput {
  ctx: AppContext;
  formData: FormData;
  eventId: string;
  actor: AuditActor;
}

export function programmeAction(handler: (input: ProgrammeActionInput) => Promise<AdminActionResult>) {
  return adminAction('programme.manage', async ({ user, ctx, formData }) =>
    handler({ ctx, formData, eventId: await programmeEventId(ctx), actor: staffActor(user) }),
  );
}

type Command = Pick<ProgrammeActionInput, 'eventId' | 'actor'>;

/**
 * The add, edit, move and delete actions of an ordered list of named things (rooms, tracks): each reads the
 * form, calls its use case and says what it did; a delete goes back to the list with a notice.
 */
export function orderedListActions<V>(list: {
  noun: string;
  path: string;
  values: (formData: FormData) => V;
  add: (ctx: AppContext, cmd: Command & { values: V }) => Promise<{ name: string }>;
  update: (ctx: AppContext, cmd: Command, id: string, values: V) => Promise<{ name: string }>;
  move: (
    ctx: AppContext,
    cmd: Command & { id: string; direction: 'up' | 'down' },
  ) => Promise<{ name: string; position: number; of: number }>;
  remove: (ctx: AppContext, cmd: Command, id: string) => Promise<unknown>;
}) {
  return {
    add: programmeAction(async ({ ctx, formData, eventId, actor }) => {
      const item = await list.add(ctx, { eventId, actor, values: list.values(formData) });
      refresh();
      return `Added the ${list.noun} "${item.name}".`;
    }),
    update: programmeAction(async ({ ctx, formData, eventId, actor }) => {
      const item = await list.update(ctx, { eventId, actor }, idOf(formData), list.values(formData));
      refresh();
      return `Saved the ${list.noun} "${item.name}".`;
    }),
    move: programmeAction(async ({ ctx, formData, eventId, actor }) => {
      const moved = await list.move(ctx, {
        eventId,
        actor,
        id: idOf(formData),
        direction: String(formData.get('direction') ?? '') as 'up' | 'down',
      });
      refresh();
      return `Moved "${moved.name}" to position ${moved.position} of ${moved.of}.`;
    }),
    remove: programmeAction(async ({ ctx, formData, eventId, actor }) => {
      await list.remove(ctx, { eventId, actor }, idOf(formData));
      redirect(`${list.path}?notice=deleted`);
    }),
  };
}

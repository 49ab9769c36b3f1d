// The programme admin's actions all need the same three things once authorized: the permission
// (programme.manage), the configured event's id and the acting staff member. programmeAction gives them.
import 'server-only';
import { adminAction, type AdminActionResult } from '@/app/admin/_lib/action';
import type { AppContext } from '@/lib/context';
import { staffActor, type AuditActor } from '@/lib/audit/record';
import { programmeEventId } from './form-values';

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

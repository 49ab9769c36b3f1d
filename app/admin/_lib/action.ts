// The one way admin server actions are written: check the session and the permission first (before reading
// any input), run the handler, and turn its outcome into plain form state. Expected failures (DomainError)
// come back with their message and field errors; anything else is logged with a reference and answered with a
// generic message, never a stack trace. Redirects from the handler pass through. A change that shows on the
// public pages has them rendered again on their next visit (app/_lib/public-pages.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import type { Permission } from '@/lib/staff/permissions';
import { can } from '@/lib/staff/permissions';
import type { StaffUser } from '@/lib/auth/users';
import type { AppContext } from '@/lib/context';
import { isDomainError } from '@/lib/errors';
import { getCurrentUser, REFUSED_MESSAGE, SIGN_IN_MESSAGE } from '@/app/_lib/authz';
import { refreshPublicPages } from '@/app/_lib/public-pages';
import { getRequestContext } from '@/app/_lib/request-context';
import type { AdminFormState } from './form-state';

export interface AdminActionInput {
  user: StaffUser;
  ctx: AppContext;
  formData: FormData;
}

/** What a handler may return: a confirmation message, or nothing; or a message with plain data for the form. */
export type AdminActionResult = string | void | { message: string; data: Record<string, unknown> };

export function adminAction(
  permission: Permission,
  handler: (input: AdminActionInput) => Promise<AdminActionResult>,
): (previous: AdminFormState, formData: FormData) => Promise<AdminFormState> {
  return async (previous, formData) => {
    const seq = (typeof previous?.seq === 'number' ? previous.seq : 0) + 1;
    const user = await getCurrentUser();
    if (!user) return { seq, ok: false, error: SIGN_IN_MESSAGE, code: 'UNAUTHENTICATED', fieldErrors: {} };
    if (!can(user.role, permission))
      return { seq, ok: false, error: REFUSED_MESSAGE, code: 'FORBIDDEN', fieldErrors: {} };
    if (!(formData instanceof FormData))
      return { seq, ok: false, error: 'This form was not sent correctly.', code: 'VALIDATION', fieldErrors: {} };
    try {
      const result = await handler({ user, ctx: await getRequestContext(), formData }).finally(() =>
        // Also when the handler redirects (a thrown redirect) or fails part-way: one extra render costs little.
        refreshPublicPages(permission),
      );
      if (result && typeof result === 'object')
        return { seq, ok: true, message: result.message, data: result.data, fieldErrors: {} };
      return { seq, ok: true, message: result || 'Saved.', fieldErrors: {} };
    } catch (error) {
      unstable_rethrow(error);
      if (isDomainError(error)) {
        return { seq, ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
      }
      const ref = randomUUID().slice(0, 8);
      console.error(`admin action failed (ref ${ref}):`, error instanceof Error ? error.name : 'unknown error');
      return {
        seq,
        ok: false,
        error: `Something went wrong on our side (reference ${ref}). Nothing was changed.`,
        code: 'INTERNAL',
        fieldErrors: {},
      };
    }
  };
}

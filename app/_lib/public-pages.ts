// After an organizer's edit, the cached public pages (app/(public)/[locale], lib/http/public-cache.ts) are
// rendered again on their next visit instead of up to PUBLIC_PAGE_MAX_AGE_SECONDS later. Other instances of the
// app catch up within that second by themselves.
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Permission } from '@/lib/staff/permissions';

/** What an action with one of these permissions changes shows on the public pages. */
const SHOWN_IN_PUBLIC: ReadonlySet<Permission> = new Set<Permission>([
  'programme.manage',
  'sales.manage',
  'orders.manage',
]);

export function refreshPublicPages(permission: Permission): void {
  if (SHOWN_IN_PUBLIC.has(permission)) revalidatePath('/(public)/[locale]', 'layout');
}

// After an organizer's edit, the cached public pages (app/(public)/[locale], lib/http/public-cache.ts) are
// rendered again on their very next visit instead of up to PUBLIC_PAGE_MAX_AGE_SECONDS later. Other instances of
// the app catch up within that second by themselves.
import 'server-only';
import { refresh, revalidatePath } from 'next/cache';
import type { Permission } from '@/lib/staff/permissions';

/** What an action with one of these permissions changes shows on the public pages. */
const SHOWN_IN_PUBLIC: ReadonlySet<Permission> = new Set<Permission>([
  'programme.manage',
  'sales.manage',
  'orders.manage',
]);

/** In a server action: marks every cached public page stale, for its next visit. */
export function refreshPublicPages(permission: Permission): void {
  if (!SHOWN_IN_PUBLIC.has(permission)) return;
  revalidatePath('/(public)/[locale]', 'layout');
  // revalidatePath in a server action also tells the organizer's browser to drop every page it has prefetched and
  // fetch them all again (the admin menu alone is fourteen links), which swamps a small server. refresh() narrows
  // that to the page on screen, as the admin actions ask for anyway; the public pages' cache is still expired.
  refresh();
}

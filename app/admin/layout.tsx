// The admin shell: navigation, who is signed in, and sign-out. It checks the session itself, and so does every
// page below it (a layout is not re-run on client navigation, so it is never the only check).
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { requireUser, STAFF_ROLES } from '@/app/_lib/authz';
import { ROLE_LABELS } from '@/lib/staff/permissions';
import { signOutAction } from './actions';
import { AdminNav } from './admin-nav';

export const metadata: Metadata = {
  title: { default: 'Admin', template: '%s · Admin' },
  robots: { index: false, follow: false },
};
export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Set by proxy.ts; only used as the way back after signing in again, through safeCallbackUrl.
  const returnTo = (await headers()).get('x-admin-path') ?? '/admin';
  const user = await requireUser(STAFF_ROLES, returnTo);
  return (
    <div>
      <div className="mb-8 flex flex-wrap items-center justify-between gap-4 border-b border-line pb-4">
        <AdminNav role={user.role} />
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p>
            <span className="font-semibold">{user.name || user.email}</span>
            {user.name ? <span className="text-muted"> · {user.email}</span> : null}{' '}
            <span className="badge badge-brand">{ROLE_LABELS[user.role]}</span>
          </p>
          <form action={signOutAction}>
            <button type="submit" className="btn btn-secondary">
              Sign out
            </button>
          </form>
        </div>
      </div>
      {children}
    </div>
  );
}

// Where requireUser sends a signed-in user whose role does not cover the page or action they asked for.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser, STAFF_ROLES } from '@/app/_lib/authz';
import { ROLE_LABELS } from '../roles';

export const metadata: Metadata = { title: 'No access' };
export const dynamic = 'force-dynamic';

export default async function ForbiddenPage() {
  const user = await requireUser(STAFF_ROLES, '/admin');
  return (
    <div>
      <h1 className="text-3xl font-bold">You do not have access to that page</h1>
      <p className="mt-4">
        Your role ({ROLE_LABELS[user.role]}) does not include it. If you need it, ask the event&rsquo;s owner.
      </p>
      <p className="mt-4"><Link href="/admin">Back to the dashboard</Link></p>
    </div>
  );
}

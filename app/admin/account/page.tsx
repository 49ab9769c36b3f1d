// One's own account, for every staff member: who they are signed in as, and a password change that signs out
// every other session.
import type { Metadata } from 'next';
import { requireUser, STAFF_ROLES } from '@/app/_lib/authz';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { ROLE_LABELS } from '@/lib/staff/permissions';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { changePasswordAction } from './actions';

export const metadata: Metadata = { title: 'Your account' };
export const dynamic = 'force-dynamic';

export default async function AdminAccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser(STAFF_ROLES, '/admin/account');
  const changed = (await searchParams).notice === 'password-changed';
  return (
    <div className="flex max-w-xl flex-col gap-8">
      <header>
        <h1 className="text-3xl font-bold">Your account</h1>
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-semibold">Name</dt>
          <dd>{user.name || '—'}</dd>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">{user.email}</dd>
          <dt className="font-semibold">Role</dt>
          <dd>{ROLE_LABELS[user.role]}</dd>
        </dl>
      </header>
      <section aria-labelledby="password-heading" className="card flex flex-col gap-3 p-4">
        <h2 id="password-heading" className="text-xl font-semibold">
          Change your password
        </h2>
        <p className="text-sm text-muted">
          Every other device where you are signed in is signed out; this one stays signed in.
        </p>
        {changed ? (
          <p role="status" className="card border-2 border-[#05603a] p-3 font-medium text-[#05603a]">
            Your password was changed. Your other sessions were signed out; this one stays signed in.
          </p>
        ) : null}
        <AdminForm action={changePasswordAction} submitLabel="Change password" resetOnSuccess>
          <TextField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <TextField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${MIN_PASSWORD_LENGTH} characters (at most ${MAX_PASSWORD_LENGTH}). A few unrelated words make a good one.`}
          />
          <TextField name="confirmPassword" label="New password again" type="password" autoComplete="new-password" />
        </AdminForm>
      </section>
    </div>
  );
}

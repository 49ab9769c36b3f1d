// Staff and roles (owner only): who has access and whose sign-in is locked, pending invitations, and forms to
// invite, change a role, remove someone or clear an account's sign-in locks. The rules (the last owner stays, nobody removes themselves) live in lib/staff/users.ts.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { SelectField, TextField } from '@/app/admin/_components/fields';
import { ROLE_LABELS } from '@/lib/staff/permissions';
import { listSignInLocks, type SignInLockState } from '@/lib/staff/sign-in-locks';
import { listPendingInvitations, listStaff } from '@/lib/staff/users';
import { USER_ROLES } from '@/lib/auth/users';
import { changeStaffRoleAction, inviteStaffAction, removeStaffAction, unlockSignInAction } from './actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Users and roles' };
export const dynamic = 'force-dynamic';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const roleOptions = USER_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function lockLabel(state: SignInLockState | undefined): string {
  if (!state) return 'Normal';
  const parts = [
    state.lockedClients ? `locked for ${state.lockedClients} ${state.lockedClients === 1 ? 'client' : 'clients'}` : '',
    state.delayed ? 'slowed down for everyone' : '',
  ].filter(Boolean);
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ROLE_HELP: Record<(typeof USER_ROLES)[number], string> = {
  owner: 'everything, including users and the audit log',
  organizer: 'programme, sales, orders, attendees without sensitive answers, check-in, emails',
  checkin: 'check-in only: no payment data, no sensitive answers',
  accessibility: 'attendees with their access and dietary needs, nothing financial',
};

export default async function AdminUsersPage() {
  const me = await requirePermission('users.manage', '/admin/users');
  const ctx = await getRequestContext();
  const [staff, invitations, locks] = await Promise.all([
    listStaff(ctx),
    listPendingInvitations(ctx),
    listSignInLocks(ctx),
  ]);
  const people = staff.map((s) => ({
    value: s.id,
    label: `${s.name || s.email} (${s.email}, ${ROLE_LABELS[s.role]})`,
  }));
  const others = people.filter((p) => p.value !== me.id);
  // Every account is offered (the form stays, with its answer, after the last lock is cleared); locked ones first.
  const unlockable = [...staff]
    .sort((a, b) => Number(locks.has(b.id)) - Number(locks.has(a.id)))
    .map((s) => ({
      value: s.id,
      label: `${s.name || s.email} (${s.email}): ${locks.has(s.id) ? lockLabel(locks.get(s.id)).toLowerCase() : 'not locked'}`,
    }));
  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="text-3xl font-bold">Users and roles</h1>
        <p className="mt-2 text-muted">Who can sign in to the admin area, and what each can do.</p>
      </header>

      <section aria-labelledby="staff-heading" className="flex flex-col gap-3">
        <h2 id="staff-heading" className="text-xl font-semibold">
          Staff
        </h2>
        <div className="overflow-x-auto">
          <DataTable
            caption="Staff accounts and their roles"
            rows={staff}
            rowKey={(s) => s.id}
            columns={[
              {
                header: 'Name',
                rowHeader: true,
                cell: (s) => (
                  <>
                    {s.name || '—'}
                    {s.id === me.id ? <span className="text-muted"> (you)</span> : null}
                  </>
                ),
              },
              { header: 'Email', className: 'break-all', cell: (s) => s.email },
              { header: 'Role', cell: (s) => ROLE_LABELS[s.role] },
              {
                header: 'Since (UTC)',
                cell: (s) => <time dateTime={s.createdAt.toISOString()}>{when.format(s.createdAt)}</time>,
              },
              { header: 'Sign-in', cell: (s) => lockLabel(locks.get(s.id)) },
            ]}
          />
        </div>
        <details>
          <summary className="cursor-pointer font-medium">What each role can do</summary>
          <dl className="mt-2 flex flex-col gap-1">
            {USER_ROLES.map((r) => (
              <div key={r}>
                <dt className="inline font-semibold">{ROLE_LABELS[r]}: </dt>
                <dd className="inline">{ROLE_HELP[r]}</dd>
              </div>
            ))}
          </dl>
        </details>
      </section>

      <section aria-labelledby="invite-heading" className="card flex flex-col gap-3 p-4">
        <h2 id="invite-heading" className="text-xl font-semibold">
          Invite someone
        </h2>
        <p className="text-sm text-muted">
          We email them a one-time link, and show you one to pass on; with it they choose their name and password. It
          works for 24 hours.
        </p>
        <AdminForm action={inviteStaffAction} submitLabel="Create invitation" resetOnSuccess>
          <TextField name="email" label="Email address" type="email" autoComplete="off" id="invite-email" />
          <SelectField name="role" label="Role" options={roleOptions} defaultValue="organizer" id="invite-role" />
        </AdminForm>
        {invitations.length ? (
          <>
            <h3 className="mt-2 font-semibold">Pending invitations</h3>
            <ul className="flex flex-col gap-1">
              {invitations.map((i) => (
                <li key={i.id}>
                  {i.email}, {ROLE_LABELS[i.role]}, until{' '}
                  <time dateTime={i.expiresAt.toISOString()}>{when.format(i.expiresAt)}</time> UTC
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="role-heading" className="card flex flex-col gap-3 p-4">
        <h2 id="role-heading" className="text-xl font-semibold">
          Change a role
        </h2>
        <p className="text-sm text-muted">
          The person is signed out everywhere and signs in again with the new role. The last owner cannot be changed.
        </p>
        <AdminForm action={changeStaffRoleAction} submitLabel="Change role">
          <SelectField name="userId" label="Person" options={people} id="role-user" />
          <SelectField name="role" label="New role" options={roleOptions} id="role-role" />
        </AdminForm>
      </section>

      <section aria-labelledby="unlock-heading" className="card flex flex-col gap-3 p-4">
        <h2 id="unlock-heading" className="text-xl font-semibold">
          Unlock sign-in
        </h2>
        <p className="text-sm text-muted">
          After repeated wrong passwords, the client they came from is locked out of that account for a while, and once
          many come from anywhere, every attempt on it must wait a little longer. Clearing this lets the right password
          in again at once, from every client.
        </p>
        {locks.size ? null : <p>No account is locked or slowed down.</p>}
        <AdminForm action={unlockSignInAction} submitLabel="Unlock sign-in" submitClassName="btn btn-secondary">
          <SelectField name="userId" label="Account to unlock" options={unlockable} id="unlock-user" />
        </AdminForm>
      </section>

      <section aria-labelledby="remove-heading" className="card flex flex-col gap-3 p-4">
        <h2 id="remove-heading" className="text-xl font-semibold">
          Remove someone
        </h2>
        <p className="text-sm text-muted">
          Their account is deleted and every session ends at once. What they did stays in the audit log under their
          email.
        </p>
        {others.length ? (
          <AdminForm
            action={removeStaffAction}
            submitLabel="Remove"
            confirm="Remove this account? They are signed out at once."
            submitClassName="btn btn-secondary"
          >
            <SelectField name="userId" label="Person to remove" options={others} id="remove-user" />
          </AdminForm>
        ) : (
          <p>There is nobody else to remove.</p>
        )}
      </section>
    </div>
  );
}

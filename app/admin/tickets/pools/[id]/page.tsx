// One shared capacity pool: its name and seats (never below the seats taken), and the ticket types sharing it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { SelectField, TextField } from '@/app/admin/_components/fields';
import { getPoolForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { Notice } from '@/app/admin/_components/notice';
import { attachPoolTypeAction, detachPoolTypeAction, updatePoolAction } from '../actions';

export const metadata: Metadata = { title: 'Capacity pool' };
export const dynamic = 'force-dynamic';

export default async function PoolPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePermission('sales.manage', `/admin/tickets/pools/${id}`);
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const pool = await getPoolForAdmin(ctx, event.id, id);
  if (!pool) notFound();
  const { types } = await listTicketTypesForAdmin(ctx, event);
  const inPool = new Set(pool.types.map((t) => t.id));
  const others = types.filter((t) => !inPool.has(t.id));
  return (
    <div className="flex max-w-3xl flex-col gap-10">
      <header>
        <p className="mb-1">
          <Link href="/admin/tickets">All tickets</Link>
        </p>
        <h1 className="text-3xl font-bold">Pool: {pool.name}</h1>
        <Notice text={notice === 'created' ? 'Pool created. Attach the ticket types that share it below.' : null} />
        <p className="mt-2">
          {pool.taken} of {pool.capacity} seats taken (paid, held or offered); {pool.left} left.
        </p>
      </header>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-4 text-2xl font-semibold">
          Name and seats
        </h2>
        <AdminForm action={updatePoolAction} submitLabel="Save pool" keepValues>
          <input type="hidden" name="id" value={pool.id} />
          <TextField name="name" label="Pool name" defaultValue={pool.name} />
          <TextField
            name="capacity"
            label="Seats in the pool"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={String(pool.capacity)}
            hint={`At least ${pool.taken}: the seats already taken.`}
          />
        </AdminForm>
      </section>

      <section aria-labelledby="types-heading">
        <h2 id="types-heading" className="mb-3 text-2xl font-semibold">
          Ticket types sharing this pool
        </h2>
        {pool.types.length === 0 ? (
          <p className="card p-4">None yet.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {pool.types.map((t) => (
              <li key={t.id} className="card flex flex-wrap items-center justify-between gap-3 p-3">
                <Link href={`/admin/tickets/${t.id}`} className="font-semibold">
                  {t.internalLabel}
                </Link>
                <AdminForm
                  action={detachPoolTypeAction}
                  submitLabel={`Detach ${t.internalLabel}`}
                  submitClassName="btn btn-secondary"
                  confirm={`Stop counting “${t.internalLabel}” against this pool?`}
                  className="flex flex-col gap-1"
                >
                  <input type="hidden" name="id" value={pool.id} />
                  <input type="hidden" name="ticketTypeId" value={t.id} />
                </AdminForm>
              </li>
            ))}
          </ul>
        )}
        {others.length ? (
          <div className="mt-6">
            <h3 className="mb-3 text-lg font-semibold">Attach a ticket type</h3>
            <AdminForm action={attachPoolTypeAction} submitLabel="Attach">
              <input type="hidden" name="id" value={pool.id} />
              <SelectField
                name="ticketTypeId"
                label="Ticket type"
                options={others.map((t) => ({
                  value: t.id,
                  label: `${t.internalLabel} (${t.seats.sold + t.seats.held} taken)`,
                }))}
                hint="Its taken seats start counting against this pool, so they must fit."
              />
            </AdminForm>
          </div>
        ) : null}
      </section>
    </div>
  );
}

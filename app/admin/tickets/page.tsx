// Ticket types with the price in force and seats sold, held and left; shared capacity pools; forms to add both.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { listPoolsForAdmin, listTicketTypesForAdmin } from '@/lib/catalogue/staff-queries';
import { formatMoney } from '@/lib/money';
import { EventWindow } from '@/app/admin/_components/event-instant';
import { Fieldset } from './_components/fieldset';
import { TicketTypeFields } from './_components/ticket-type-fields';
import { createTicketTypeAction } from './actions';
import { createPoolAction } from './pools/actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Tickets' };
export const dynamic = 'force-dynamic';

const count = (n: number | null) => (n === null ? 'No limit' : String(n));

export default async function TicketsPage() {
  await requirePermission('sales.manage', '/admin/tickets');
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const [{ types, event: seats }, pools] = await Promise.all([
    listTicketTypesForAdmin(ctx, event),
    listPoolsForAdmin(ctx, event.id),
  ]);
  const tz = event.timezone;
  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="mb-2 text-3xl font-bold">Tickets</h1>
        <p className="text-muted">
          Held seats are unpaid registrations whose hold has not lapsed, and waiting-list offers not yet taken up; they
          free themselves when they lapse. Whole event: {seats.sold} sold, {seats.held} held, capacity{' '}
          {count(seats.capacity)} (<Link href="/admin/settings">change in settings</Link>).
        </p>
      </header>

      <section aria-labelledby="types-heading">
        <h2 id="types-heading" className="mb-3 text-2xl font-semibold">
          Ticket types
        </h2>
        {types.length === 0 ? (
          <p className="card p-4">No ticket types yet. Add the first one below.</p>
        ) : (
          <div className="overflow-x-auto">
            <DataTable
              caption="Ticket types in the order the registration page lists them, with seats sold, held and left"
              rows={types}
              rowKey={(t) => t.id}
              columns={[
                {
                  header: 'Ticket type',
                  rowHeader: true,
                  cell: (t) => (
                    <>
                      <Link href={`/admin/tickets/${t.id}`} className="font-semibold">
                        {t.internalLabel}
                      </Link>
                      <span className="block text-sm text-muted">
                        Public: {t.publicLabel} · <span className="font-mono">{t.code}</span>
                      </span>
                      <span className="mt-1 flex flex-wrap gap-1">
                        {t.isHidden ? <span className="badge">Hidden</span> : null}
                        {t.attendance === 'virtual' ? <span className="badge">Online</span> : null}
                        {t.validOn ? <span className="badge">Day pass {t.validOn}</span> : null}
                        {t.pools.map((p) => (
                          <span key={p.id} className="badge">
                            Pool: {p.name}
                          </span>
                        ))}
                      </span>
                    </>
                  ),
                },
                {
                  header: 'Price now',
                  className: 'tabular-nums',
                  cell: (t) => {
                    const price = t.prices.find((p) => p.id === t.currentPriceId);
                    return price ? (
                      <>
                        {formatMoney(price.amount, event.currency)}{' '}
                        <span className="block text-sm text-muted">{price.label}</span>
                      </>
                    ) : (
                      'No price now'
                    );
                  },
                },
                { header: 'Sold', numeric: true, cell: (t) => t.seats.sold },
                { header: 'Held', numeric: true, cell: (t) => t.seats.held },
                { header: 'Capacity', numeric: true, cell: (t) => count(t.seats.capacity) },
                { header: 'Left', numeric: true, cell: (t) => count(t.seats.left) },
                {
                  header: 'On sale',
                  className: 'text-sm',
                  cell: (t) => <EventWindow startsAt={t.saleStartsAt} endsAt={t.saleEndsAt} timeZone={tz} />,
                },
              ]}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="pools-heading">
        <h2 id="pools-heading" className="mb-1 text-2xl font-semibold">
          Shared capacity pools
        </h2>
        <p className="mb-3 text-muted">
          A pool is a number of seats several ticket types share, such as the venue&apos;s seats for every in-person
          ticket.
        </p>
        {pools.length === 0 ? (
          <p className="card mb-4 p-4">No shared pools yet.</p>
        ) : (
          <div className="mb-6 overflow-x-auto">
            <DataTable
              caption="Shared capacity pools with their ticket types and seats taken"
              rows={pools}
              rowKey={(p) => p.id}
              columns={[
                {
                  header: 'Pool',
                  rowHeader: true,
                  cell: (p) => (
                    <Link href={`/admin/tickets/pools/${p.id}`} className="font-semibold">
                      {p.name}
                    </Link>
                  ),
                },
                {
                  header: 'Ticket types',
                  cell: (p) =>
                    p.types.length ? (
                      p.types.map((t) => t.internalLabel).join(', ')
                    ) : (
                      <span className="text-muted">None</span>
                    ),
                },
                { header: 'Taken', numeric: true, cell: (p) => p.taken },
                { header: 'Capacity', numeric: true, cell: (p) => p.capacity },
                { header: 'Left', numeric: true, cell: (p) => p.left },
              ]}
            />
          </div>
        )}
        <div className="max-w-xl">
          <h3 className="mb-3 text-lg font-semibold">Add a pool</h3>
          <AdminForm action={createPoolAction} submitLabel="Add pool" keepValues>
            <TextField
              id="pool-name"
              name="name"
              label="Pool name"
              hint="For staff, such as “Venue seats (in person)”."
            />
            <TextField
              id="pool-capacity"
              name="capacity"
              label="Seats in the pool"
              type="number"
              min={0}
              inputMode="numeric"
            />
          </AdminForm>
        </div>
      </section>

      <section aria-labelledby="add-heading" className="max-w-3xl">
        <h2 id="add-heading" className="mb-3 text-2xl font-semibold">
          Add a ticket type
        </h2>
        <AdminForm action={createTicketTypeAction} submitLabel="Add ticket type" keepValues>
          <Fieldset legend="Ticket type">
            <TicketTypeFields values={{}} event={event} />
          </Fieldset>
          <Fieldset
            legend="First price"
            hint="Add early-bird and later prices on the ticket type's page once it exists."
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                name="priceLabel"
                label="Price label"
                defaultValue="Regular"
                hint="Shown beside the price, such as “Early bird”."
              />
              <TextField
                name="priceAmount"
                label={`Amount (${event.currency})`}
                inputMode="decimal"
                autoComplete="off"
                hint="Such as 120.00; 0 for free."
              />
            </div>
          </Fieldset>
        </AdminForm>
      </section>
    </div>
  );
}

// One ticket type: its seats, its price windows (edit, add, remove; windows may not overlap), its settings and
// the shared pools it belongs to.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { priceWindowFormValues } from '@/lib/catalogue/prices';
import { getTicketTypeForAdmin } from '@/lib/catalogue/staff-queries';
import { ticketTypeFormValues } from '../_lib/ticket-type-form';
import { formatMoney } from '@/lib/money';
import { EventWindow } from '@/app/admin/_components/event-instant';
import { Fieldset } from '../_components/fieldset';
import { Notice } from '@/app/admin/_components/notice';
import { PriceFields } from '../_components/price-fields';
import { TicketTypeFields } from '../_components/ticket-type-fields';
import { addPriceAction, removePriceAction, updatePriceAction, updateTicketTypeAction } from '../actions';

export const metadata: Metadata = { title: 'Ticket type' };
export const dynamic = 'force-dynamic';

const count = (n: number | null) => (n === null ? 'No limit' : String(n));

export default async function TicketTypePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  await requirePermission('sales.manage', `/admin/tickets/${id}`);
  const { notice } = await searchParams;
  const event = await getCurrentEvent();
  const type = await getTicketTypeForAdmin(await getRequestContext(), event, id);
  if (!type) notFound();
  const tz = event.timezone;
  const figures = [
    { label: 'Sold', value: type.seats.sold },
    { label: 'Held', value: type.seats.held },
    { label: 'Capacity', value: count(type.seats.capacity) },
    { label: 'Left', value: count(type.seats.left) },
  ];
  return (
    <div className="flex flex-col gap-10">
      <header>
        <p className="mb-1">
          <Link href="/admin/tickets">All tickets</Link>
        </p>
        <h1 className="text-3xl font-bold">{type.internalLabel}</h1>
        <p className="mt-1 text-muted">
          Attendees see: {type.publicLabel} · code <span className="font-mono">{type.code}</span>
        </p>
        <Notice
          text={
            notice === 'created'
              ? 'Ticket type created. Add more prices below if it has early-bird or late prices.'
              : null
          }
        />
        <dl className="mt-4 grid max-w-2xl grid-cols-2 gap-3 sm:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label} className="card p-3">
              <dt className="text-sm text-muted">{f.label}</dt>
              <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
            </div>
          ))}
        </dl>
      </header>

      <section aria-labelledby="prices-heading" className="max-w-3xl">
        <h2 id="prices-heading" className="mb-1 text-2xl font-semibold">
          Prices
        </h2>
        <p className="mb-4 text-muted">
          Each price applies from its start until its end; windows may touch but not overlap. The registration page
          shows the price in force and the next one.
        </p>
        <ul className="flex flex-col gap-4">
          {type.prices.map((p) => {
            const prefix = `price-${p.id}`;
            return (
              <li key={p.id} className="card flex flex-col gap-3 p-4 sm:p-5" aria-labelledby={`${prefix}-heading`}>
                <h3 id={`${prefix}-heading`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
                  {p.label}: {formatMoney(p.amount, event.currency)}
                  {p.id === type.currentPriceId ? <span className="badge badge-brand">In force now</span> : null}
                </h3>
                <p className="text-sm">
                  <EventWindow startsAt={p.startsAt} endsAt={p.endsAt} timeZone={tz} open="No start or end" />
                </p>
                <AdminForm action={updatePriceAction} submitLabel="Save price" keepValues>
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="ticketTypeId" value={type.id} />
                  <PriceFields
                    prefix={prefix}
                    values={priceWindowFormValues(p, event)}
                    currency={event.currency}
                    timeZone={tz}
                  />
                </AdminForm>
                <AdminForm
                  action={removePriceAction}
                  submitLabel={`Remove the price “${p.label}”`}
                  submitClassName="btn btn-secondary"
                  confirm={`Remove the price “${p.label}”? Orders already placed keep what they paid.`}
                >
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="ticketTypeId" value={type.id} />
                </AdminForm>
              </li>
            );
          })}
        </ul>
        <div className="mt-6">
          <AdminForm action={addPriceAction} submitLabel="Add price" keepValues resetOnSuccess>
            <Fieldset legend="Add a price">
              <input type="hidden" name="ticketTypeId" value={type.id} />
              <PriceFields prefix="new-price" values={{}} currency={event.currency} timeZone={tz} />
            </Fieldset>
          </AdminForm>
        </div>
      </section>

      <section aria-labelledby="settings-heading" className="max-w-3xl">
        <h2 id="settings-heading" className="mb-4 text-2xl font-semibold">
          Settings
        </h2>
        <AdminForm action={updateTicketTypeAction} submitLabel="Save ticket type" keepValues>
          <input type="hidden" name="id" value={type.id} />
          <TicketTypeFields values={ticketTypeFormValues(type, tz)} event={event} />
        </AdminForm>
      </section>

      <section aria-labelledby="pools-heading" className="max-w-3xl">
        <h2 id="pools-heading" className="mb-2 text-2xl font-semibold">
          Shared capacity pools
        </h2>
        {type.pools.length ? (
          <ul className="list-disc pl-6">
            {type.pools.map((p) => (
              <li key={p.id}>
                <Link href={`/admin/tickets/pools/${p.id}`}>{p.name}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>This ticket type shares no pool.</p>
        )}
        <p className="mt-2 text-sm text-muted">
          Attach or detach ticket types on a pool&apos;s page (
          <Link href="/admin/tickets#pools-heading">all pools</Link>).
        </p>
      </section>
    </div>
  );
}

// Vouchers with their terms, uses so far (tickets of paid orders and live holds) and state; a search by code;
// forms to create one voucher or many with random codes.
import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { EventWindow } from '@/app/admin/_components/event-instant';
import { Fieldset } from '@/app/admin/tickets/_components/fieldset';
import { Notice } from '@/app/admin/_components/notice';
import { listTicketTypesForAdmin, listVouchersForAdmin } from '@/lib/catalogue/staff-queries';
import { describeVoucherTerms } from '@/lib/catalogue/vouchers';
import { VoucherFields } from './_components/voucher-fields';
import { STATUS_LABELS } from './_components/voucher-labels';
import { createVoucherAction, createVoucherBatchAction } from './actions';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Vouchers' };
export const dynamic = 'force-dynamic';

const SHOWN = 300;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function VouchersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('sales.manage', '/admin/vouchers');
  const params = await searchParams;
  const q = one(params.q).slice(0, 40);
  const created = Number(one(params.created)) || 0;
  const event = await getCurrentEvent();
  const ctx = await getRequestContext();
  const [{ vouchers, total }, { types }] = await Promise.all([
    listVouchersForAdmin(ctx, event.id, { search: q, limit: SHOWN }),
    listTicketTypesForAdmin(ctx, event),
  ]);
  const typeLabel = new Map(types.map((t) => [t.id, t.internalLabel]));
  const choices = types.map((t) => ({ id: t.id, label: t.internalLabel, isHidden: t.isHidden }));
  const tz = event.timezone;
  // A new voucher's terms start empty, for any of the ticket types.
  const newTerms = { checked: [], types: choices, currency: event.currency, timeZone: tz };
  return (
    <div className="flex flex-col gap-10">
      <header>
        <h1 className="mb-2 text-3xl font-bold">Vouchers</h1>
        <p className="text-muted">
          A use is one ticket the voucher discounted, on a paid order or a hold that has not lapsed.
        </p>
        <Notice text={created ? `Created ${created} vouchers. They are listed below.` : null} />
      </header>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="mb-3 text-2xl font-semibold">
          {q ? `Vouchers with “${q}” in the code` : 'All vouchers'}
        </h2>
        <Form
          action="/admin/vouchers"
          className="mb-4 flex flex-wrap items-end gap-3"
          role="search"
          aria-label="Vouchers"
        >
          <div className="min-w-0 flex-1 basis-56">
            <label htmlFor="voucher-search" className="field-label">
              Code contains
            </label>
            <input
              id="voucher-search"
              name="q"
              type="search"
              defaultValue={q}
              maxLength={40}
              autoComplete="off"
              className="field-control"
            />
          </div>
          <button type="submit" className="btn btn-secondary">
            Search
          </button>
          {q ? (
            <Link href="/admin/vouchers" className="inline-flex min-h-11 items-center">
              Show all
            </Link>
          ) : null}
        </Form>
        <p role="status" className="mb-2 text-sm text-muted">
          {total === 0
            ? 'No vouchers found.'
            : total > vouchers.length
              ? `Showing the newest ${vouchers.length} of ${total} vouchers; search by code to narrow.`
              : `${total} ${total === 1 ? 'voucher' : 'vouchers'}.`}
        </p>
        {vouchers.length ? (
          <div className="overflow-x-auto">
            <DataTable
              caption="Vouchers, newest first, with their uses and state"
              rows={vouchers}
              rowKey={(v) => v.id}
              columns={[
                {
                  header: 'Code',
                  rowHeader: true,
                  cell: (v) => (
                    <>
                      <Link href={`/admin/vouchers/${v.id}`} className="font-mono font-semibold">
                        {v.code}
                      </Link>
                      {v.note ? <span className="block text-sm text-muted">{v.note}</span> : null}
                    </>
                  ),
                },
                { header: 'Terms', cell: (v) => describeVoucherTerms(v, event.currency) },
                {
                  header: 'Applies to',
                  cell: (v) =>
                    v.ticketTypeIds.length
                      ? v.ticketTypeIds.map((id) => typeLabel.get(id) ?? 'Unknown').join(', ')
                      : 'Every ticket type',
                },
                {
                  header: 'Uses',
                  numeric: true,
                  cell: (v) => (
                    <>
                      {v.uses}
                      {v.maxUses !== null ? ` of ${v.maxUses}` : ''}
                    </>
                  ),
                },
                {
                  header: 'Valid',
                  className: 'text-sm',
                  cell: (v) => <EventWindow startsAt={v.validFrom} endsAt={v.validUntil} timeZone={tz} />,
                },
                {
                  header: 'State',
                  cell: (v) => (
                    <span className={v.status === 'active' ? 'badge badge-brand' : 'badge'}>
                      {STATUS_LABELS[v.status]}
                    </span>
                  ),
                },
              ]}
            />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="one-heading" className="max-w-3xl">
        <h2 id="one-heading" className="mb-3 text-2xl font-semibold">
          Create a voucher
        </h2>
        <AdminForm action={createVoucherAction} submitLabel="Create voucher" keepValues>
          <Fieldset legend="Voucher">
            <TextField
              id="one-code"
              name="code"
              label="Code"
              autoComplete="off"
              hint="Letters, digits, dashes and underscores, at least 3; stored in capitals. People type it in any case."
            />
            <VoucherFields prefix="one" values={{ maxUses: '' }} {...newTerms} />
          </Fieldset>
        </AdminForm>
      </section>

      <section aria-labelledby="many-heading" className="max-w-3xl">
        <h2 id="many-heading" className="mb-1 text-2xl font-semibold">
          Create many vouchers
        </h2>
        <p className="mb-3 text-muted">
          Random codes that cannot be guessed, such as SCHOLAR-7KQ2M9XHD4TB, each with the same terms; for scholarship
          letters or a partner&apos;s members.
        </p>
        <AdminForm action={createVoucherBatchAction} submitLabel="Create vouchers" keepValues>
          <Fieldset legend="Vouchers">
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                id="many-prefix"
                name="prefix"
                label="Prefix"
                autoComplete="off"
                hint="Letters and digits, up to 20, such as SCHOLAR."
              />
              <TextField
                id="many-count"
                name="count"
                label="How many"
                type="number"
                min={1}
                max={500}
                inputMode="numeric"
                defaultValue="10"
                hint="1 to 500."
              />
            </div>
            <VoucherFields prefix="many" values={{ kind: 'free', maxUses: '1' }} {...newTerms} />
          </Fieldset>
        </AdminForm>
      </section>
    </div>
  );
}

// Registering people by hand ('orders.manage'): an organizer enters the buyer and each attendee with a ticket type,
// workshops and answers. "Manual" is a priced hold the buyer pays through the private link shown once; "complimentary"
// is free and confirmed at once. Seats are taken through the same locked path as every online order.
import type { Metadata } from 'next';
import Link from 'next/link';
import { NoEventPage } from '@/app/admin/_components/no-event';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { shortDay } from '@/app/_components/dates';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { getManualOrderForm } from '@/lib/orders/manual-order';
import { can } from '@/lib/staff/permissions';
import { formatMoney } from '@/lib/money';
import { dateInZone, formatTimeRange } from '@/lib/time';
import { listParams, type RawSearchParams } from '../_components/search-params';
import { createManualOrderAction } from './actions';
import { FieldError } from './field-error';
import { findCurrentEvent } from '@/app/_lib/current-event';

export const metadata: Metadata = { title: 'New registration' };
export const dynamic = 'force-dynamic';

const MAX_ATTENDEES = 10;

export default async function NewRegistrationPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requirePermission('orders.manage', '/admin/orders/new');
  const params = await searchParams;
  const count = Math.min(MAX_ATTENDEES, listParams.page(params.attendees));
  const ctx = getContext();
  const event = await findCurrentEvent();
  if (!event) {
    return <NoEventPage title="New registration" />;
  }
  const form = await getManualOrderForm(ctx, event.id);
  const onSale = form.ticketTypes.filter((t) => t.price !== null);
  const questions = form.questions.filter((q) => !q.isSensitive || can(user.role, 'attendees.sensitive'));
  const askedBy = (key: string) =>
    onSale.filter((t) => t.questions.some((q) => q.key === key)).map((t) => t.internalLabel);
  const tz = event.timezone;
  const typeOptions = [
    { value: '', label: 'Choose a ticket type' },
    ...onSale.map((t) => ({ value: t.id, label: `${t.internalLabel} — ${formatMoney(t.price ?? 0, event.currency)}` })),
  ];
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <header>
        <h1 className="text-3xl font-bold">New registration</h1>
        <p className="mt-2 max-w-3xl text-muted">
          Register people by hand. A <strong>manual</strong> registration holds the seats for {event.holdMinutes}{' '}
          minutes at the current price, and you send the buyer the private payment link shown after saving. A{' '}
          <strong>complimentary</strong> registration is free and confirmed at once; the buyer gets the confirmation
          email.
        </p>
      </header>

      <form method="get" action="/admin/orders/new" className="card flex flex-wrap items-end gap-4 p-4">
        <div>
          <label htmlFor="attendee-count" className="field-label">
            Number of attendees
          </label>
          <select id="attendee-count" name="attendees" defaultValue={String(count)} className="field-control">
            {Array.from({ length: MAX_ATTENDEES }, (_, i) => (
              <option key={i + 1} value={i + 1}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Change the form
        </button>
        <p className="text-sm text-muted">Choose this first: changing it starts the form again.</p>
      </form>

      {onSale.length === 0 ? (
        <p className="card p-4">No ticket type is on sale at the moment, so nobody can be registered.</p>
      ) : (
        <AdminForm action={createManualOrderAction} submitLabel="Register" keepValues resetOnSuccess>
          <SelectField
            name="source"
            label="Kind of registration"
            options={[
              { value: 'complimentary', label: 'Complimentary (free, confirmed at once)' },
              { value: 'manual', label: 'Manual (the buyer pays through a private link)' },
            ]}
          />
          <fieldset className="flex flex-col gap-4 border-t border-line pt-4">
            <legend className="text-xl font-semibold">Buyer</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField name="buyer.name" label="Billing name" autoComplete="off" />
              <TextField
                name="buyer.email"
                label="Buyer email"
                type="email"
                autoComplete="off"
                hint="Confirmations and the order link go here."
              />
            </div>
          </fieldset>
          <FieldError name="attendees" />
          <FieldError name="workshops" />
          {Array.from({ length: count }, (_, i) => {
            const at = `attendees.${i}`;
            return (
              <fieldset key={i} className="flex flex-col gap-4 border-t border-line pt-4">
                <legend className="text-xl font-semibold">Attendee {i + 1}</legend>
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField name={`${at}.ticketTypeId`} label="Ticket type" options={typeOptions} />
                  <TextField name={`${at}.legalName`} label="Full (legal) name" autoComplete="off" />
                  <TextField
                    name={`${at}.badgeName`}
                    label="Badge name"
                    required={false}
                    autoComplete="off"
                    hint="Defaults to the first name."
                  />
                  <TextField name={`${at}.email`} label="Email" type="email" autoComplete="off" />
                  <TextField name={`${at}.pronouns`} label="Pronouns" required={false} autoComplete="off" />
                  <SelectField
                    name={`${at}.photoPreference`}
                    label="Photos"
                    options={[
                      { value: 'no_photos', label: 'No photos, please' },
                      { value: 'ok', label: 'Photos are fine' },
                    ]}
                  />
                </div>
                <CheckboxField name={`${at}.directoryOptIn`} label="List in the attendee directory" />
                {form.workshops.length ? (
                  <fieldset className="flex flex-col gap-2">
                    <legend className="font-semibold">
                      Workshops <span className="font-normal text-muted">(optional)</span>
                    </legend>
                    <FieldError name={`${at}.workshopIds`} />
                    {form.workshops.map((w) => (
                      <div key={w.id} className="flex items-center gap-2">
                        <input
                          id={`w-${i}-${w.id}`}
                          type="checkbox"
                          name={`${at}.workshopIds`}
                          value={w.id}
                          className="size-5"
                        />
                        <label htmlFor={`w-${i}-${w.id}`}>
                          {w.title}{' '}
                          <span className="text-muted">
                            ({shortDay(dateInZone(w.startsAt, tz))}, {formatTimeRange(w.startsAt, w.endsAt, tz)})
                          </span>
                        </label>
                      </div>
                    ))}
                  </fieldset>
                ) : null}
                {questions.map((q) => {
                  const name = `${at}.answers.${q.key}`;
                  const types = askedBy(q.key);
                  const hint = types.length
                    ? `Asked for: ${types.join(', ')}. Ignored for other ticket types.`
                    : 'Not asked for any ticket type on sale.';
                  const label = q.isSensitive ? `${q.label} (sensitive)` : q.label;
                  if (q.kind === 'checkbox') return <CheckboxField key={q.key} name={name} label={label} hint={hint} />;
                  if (q.kind === 'select') {
                    return (
                      <SelectField
                        key={q.key}
                        name={name}
                        label={label}
                        hint={hint}
                        required={false}
                        options={[{ value: '', label: 'No answer' }, ...q.options.map((o) => ({ value: o, label: o }))]}
                      />
                    );
                  }
                  if (q.kind === 'textarea')
                    return <TextAreaField key={q.key} name={name} label={label} hint={hint} rows={2} />;
                  return (
                    <TextField key={q.key} name={name} label={label} hint={hint} required={false} autoComplete="off" />
                  );
                })}
              </fieldset>
            );
          })}
        </AdminForm>
      )}
    </div>
  );
}

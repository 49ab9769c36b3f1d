// Event settings: what the event is, how registration holds seats, what emails say, refunds and changes, and the
// total capacity. Times are entered in the event's zone; the saved moment is shown beside with the viewer's time.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';
import { getCurrentEvent } from '@/app/_lib/current-event';
import { getRequestContext } from '@/app/_lib/request-context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { getSettingsFacts } from '@/lib/catalogue/staff-queries';
import { eventSettingsFormValues } from '@/lib/catalogue/settings';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { Fieldset } from '../tickets/_components/fieldset';
import { updateEventSettingsAction } from './actions';

export const metadata: Metadata = { title: 'Event settings' };
export const dynamic = 'force-dynamic';

function zones(current: string): { value: string; label: string }[] {
  const all = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', current]);
  return [...all].sort().map((z) => ({ value: z, label: z.replace(/_/g, ' ') }));
}

export default async function SettingsPage() {
  await requirePermission('sales.manage', '/admin/settings');
  const event = await getCurrentEvent();
  const facts = await getSettingsFacts(await getRequestContext(), event.id);
  const v = eventSettingsFormValues(event);
  const tz = event.timezone;
  const inZone = `In the event's time zone (${tz.replace(/_/g, ' ')}).`;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold">Event settings</h1>
      <p className="mb-6 text-muted">
        Changes apply at once to the public pages, new registrations and emails sent from now on.
      </p>
      <AdminForm action={updateEventSettingsAction} submitLabel="Save settings" keepValues>
        <Fieldset legend="The event">
          <TextField name="name" label="Name" defaultValue={v.name} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="startsOn" label="First day" type="date" defaultValue={v.startsOn} />
            <TextField name="endsOn" label="Last day" type="date" defaultValue={v.endsOn} />
          </div>
          <SelectField
            name="timezone"
            label="Time zone"
            defaultValue={v.timezone}
            options={zones(v.timezone)}
            hint="Where the event takes place. Programme times, sale windows and deadlines are read in this zone."
          />
          <TextField
            name="currency"
            label="Currency"
            defaultValue={v.currency}
            autoComplete="off"
            hint={
              facts.hasPaidOrders
                ? `Orders have been paid in ${event.currency}, so the currency can no longer change.`
                : 'A three-letter ISO code such as EUR, USD or GBP. Prices are not converted: check them after a change. It is fixed once an order is paid.'
            }
          />
          <TextField
            name="capacity"
            label="Total capacity"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={v.capacity}
            required={false}
            hint={`Attendees across every ticket type; leave empty for no overall limit. ${facts.seatsTaken} seats are taken now (paid, held or offered).`}
          />
        </Fieldset>

        <Fieldset legend="Holding seats">
          <TextField
            name="holdMinutes"
            label="Hold length (minutes)"
            type="number"
            min={1}
            max={1440}
            inputMode="numeric"
            defaultValue={v.holdMinutes}
            hint="How long seats stay held for someone paying: 1 to 1440 minutes."
          />
          <TextField
            name="offerMinutes"
            label="Waiting-list offer length (minutes)"
            type="number"
            min={5}
            max={2880}
            inputMode="numeric"
            defaultValue={v.offerMinutes}
            hint="How long a freed seat is kept for the person offered it from the waiting list, before it passes to the next person: 5 to 2880 minutes (48 hours). The default is 240 (4 hours)."
          />
        </Fieldset>

        <Fieldset legend="Emails">
          <CheckboxField
            name="nameInEmailSubjects"
            label="Name the conference in emails"
            defaultChecked={v.nameInEmailSubjects === 'on'}
            hint="Off (discreet mode): subjects, emails and calendar entries say “your conference registration” and “Conference”, so an inbox or a shared calendar does not reveal which event someone attends."
          />
        </Fieldset>

        <Fieldset legend="Privacy notice">
          <TextField
            name="organizerName"
            label="Organizer (responsible for attendees’ data)"
            defaultValue={v.organizerName}
            required={false}
            hint="The organization named on the public privacy notice (/privacy) as responsible for the data collected."
          />
          <TextField
            name="privacyContact"
            label="Privacy contact email"
            type="email"
            defaultValue={v.privacyContact}
            required={false}
            autoComplete="off"
            hint="Where attendees write with questions about their data. Shown on the privacy notice."
          />
        </Fieldset>

        <Fieldset legend="Refunds and changes">
          <TextField
            name="refundUntil"
            label="Full self-service refunds until"
            type="datetime-local"
            defaultValue={v.refundUntil}
            required={false}
            hint={`${inZone} Until then attendees can cancel from their order page and get all their money back. Leave empty for no self-service refunds.`}
          />
          {event.refundUntil ? (
            <p className="-mt-2 text-sm">
              Now: <EventInstant at={event.refundUntil} timeZone={tz} />
            </p>
          ) : null}
          <TextAreaField
            name="refundPolicy"
            label="Refund policy"
            defaultValue={v.refundPolicy}
            rows={4}
            hint="In your words; shown on the registration form and on every order page."
          />
          <TextField
            name="changesUntil"
            label="Attendees may change their details until"
            type="datetime-local"
            defaultValue={v.changesUntil}
            required={false}
            hint={`${inZone} Names, answers and workshop choices. Leave empty to allow changes until the event starts.`}
          />
          {event.changesUntil ? (
            <p className="-mt-2 text-sm">
              Now: <EventInstant at={event.changesUntil} timeZone={tz} />
            </p>
          ) : null}
        </Fieldset>
      </AdminForm>
    </div>
  );
}

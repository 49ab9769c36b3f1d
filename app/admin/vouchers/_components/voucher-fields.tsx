// A voucher's terms (kind, value, limit, validity, ticket types, note), shared by the create, bulk and edit
// forms; ids carry a prefix because the list page has two of these forms.
import { SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { TicketTypeCheckboxes } from './ticket-type-checkboxes';

const KINDS = [
  { value: 'percent', label: 'Percent off' },
  { value: 'fixed', label: 'Amount off' },
  { value: 'free', label: 'Free ticket' },
];

export function VoucherFields({
  prefix,
  values: v,
  checked,
  types,
  currency,
  timeZone,
}: {
  prefix: string;
  values: Partial<Record<string, string>>;
  checked: string[];
  types: { id: string; label: string; isHidden: boolean }[];
  currency: string;
  timeZone: string;
}) {
  const inZone = `In the event's time zone (${timeZone.replace(/_/g, ' ')}).`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`${prefix}-kind`}
          name="kind"
          label="Kind"
          defaultValue={v.kind ?? 'percent'}
          options={KINDS}
        />
        <TextField
          id={`${prefix}-value`}
          name="value"
          label="Value"
          defaultValue={v.value}
          required={false}
          inputMode="decimal"
          autoComplete="off"
          hint={`Percent off: a whole number from 1 to 100. Amount off: in ${currency}, such as 25.00, per ticket. Free: leave empty.`}
        />
        <TextField
          id={`${prefix}-maxUses`}
          name="maxUses"
          label="Maximum uses"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={v.maxUses}
          required={false}
          hint="Tickets it may discount in all (paid and held). Leave empty for no limit."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${prefix}-validFrom`}
          name="validFrom"
          label="Valid from"
          type="datetime-local"
          defaultValue={v.validFrom}
          required={false}
          hint={`${inZone} Empty: from now.`}
        />
        <TextField
          id={`${prefix}-validUntil`}
          name="validUntil"
          label="Valid until"
          type="datetime-local"
          defaultValue={v.validUntil}
          required={false}
          hint={`${inZone} Empty: no end.`}
        />
      </div>
      <TicketTypeCheckboxes
        prefix={prefix}
        types={types}
        checked={checked}
        legend="Applies to"
        hint="None ticked: every ticket type that is on sale. Ticking a hidden ticket type offers it to people with this code."
      />
      <TextAreaField
        id={`${prefix}-note`}
        name="note"
        label="Note"
        defaultValue={v.note}
        rows={2}
        hint="For staff only, such as who the code was given to."
      />
    </>
  );
}

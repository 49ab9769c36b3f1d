// The fields of a price window; ids carry a prefix because a ticket type's page shows one form per window.
import { TextField } from '@/app/admin/_components/fields';

export function PriceFields({
  prefix,
  values: v,
  currency,
  timeZone,
}: {
  prefix: string;
  values: Partial<Record<string, string>>;
  currency: string;
  timeZone: string;
}) {
  const inZone = `In the event's time zone (${timeZone.replace(/_/g, ' ')}).`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={`${prefix}-label`}
        name="label"
        label="Label"
        defaultValue={v.label}
        hint="Shown beside the price, such as “Early bird”."
      />
      <TextField
        id={`${prefix}-amount`}
        name="amount"
        label={`Amount (${currency})`}
        inputMode="decimal"
        autoComplete="off"
        defaultValue={v.amount}
        hint="Such as 120.00; 0 for free."
      />
      <TextField
        id={`${prefix}-startsAt`}
        name="startsAt"
        label="From"
        type="datetime-local"
        defaultValue={v.startsAt}
        required={false}
        hint={`${inZone} Empty: from the start of sales.`}
      />
      <TextField
        id={`${prefix}-endsAt`}
        name="endsAt"
        label="Until"
        type="datetime-local"
        defaultValue={v.endsAt}
        required={false}
        hint="The price stops applying at this moment; the next window may start at the same moment. Empty: no end."
      />
    </div>
  );
}

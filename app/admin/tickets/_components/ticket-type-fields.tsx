// The fields of a ticket type, for the "add" and "edit" forms alike. Labels say who sees what: the public label
// reaches receipts, emails and badges, so it must stay discreet; the internal label is for staff only.
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { datesBetween, formatDay } from '@/lib/time';

interface Props {
  values: Partial<Record<string, string>>;
  event: { startsOn: string; endsOn: string; timezone: string };
}

export function TicketTypeFields({ values: v, event }: Props) {
  const inZone = `In the event's time zone (${event.timezone.replace(/_/g, ' ')}).`;
  const days = [
    { value: '', label: 'Every day of the event' },
    ...datesBetween(event.startsOn, event.endsOn).map((d) => ({ value: d, label: formatDay(d) })),
  ];
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="publicLabel"
          label="Public label"
          defaultValue={v.publicLabel}
          hint="Shown to attendees, on receipts, emails and badges. Keep it discreet: no word that reveals recovery status."
        />
        <TextField
          name="internalLabel"
          label="Internal label"
          defaultValue={v.internalLabel}
          hint="What staff see in the dashboard and lists."
        />
      </div>
      <TextField
        name="code"
        label="Code"
        defaultValue={v.code}
        autoComplete="off"
        hint="Lowercase letters, digits and dashes, such as full-pass. Used in links and exports."
      />
      <TextAreaField
        name="description"
        label="Description"
        defaultValue={v.description}
        rows={3}
        hint="Shown under the public label on the registration page."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="attendance"
          label="Attendance"
          defaultValue={v.attendance ?? 'in_person'}
          options={[
            { value: 'in_person', label: 'In person' },
            { value: 'virtual', label: 'Online' },
          ]}
        />
        <SelectField
          name="validOn"
          label="Valid on"
          defaultValue={v.validOn ?? ''}
          options={days}
          required={false}
          hint="A day pass admits on one date only."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="capacity"
          label="Capacity"
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={v.capacity}
          required={false}
          hint="Leave empty for no limit of its own."
        />
        <TextField
          name="minPerOrder"
          label="Minimum per order"
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          defaultValue={v.minPerOrder ?? '1'}
        />
        <TextField
          name="maxPerOrder"
          label="Maximum per order"
          type="number"
          min={1}
          max={100}
          inputMode="numeric"
          defaultValue={v.maxPerOrder ?? '10'}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="saleStartsAt"
          label="Sale opens"
          type="datetime-local"
          defaultValue={v.saleStartsAt}
          required={false}
          hint={`${inZone} Leave empty to sell at once.`}
        />
        <TextField
          name="saleEndsAt"
          label="Sale closes"
          type="datetime-local"
          defaultValue={v.saleEndsAt}
          required={false}
          hint={`${inZone} Leave empty to sell until sold out.`}
        />
      </div>
      <TextField
        name="sortOrder"
        label="Sort order"
        type="number"
        inputMode="numeric"
        defaultValue={v.sortOrder ?? '0'}
        hint="Lower numbers come first on the registration page."
      />
      <CheckboxField
        name="isHidden"
        label="Hidden"
        defaultChecked={v.isHidden === 'on'}
        hint="Offered only with a voucher that names this ticket type (for example sponsored places)."
      />
      <CheckboxField
        name="includesWorkshops"
        label="Includes workshops"
        defaultChecked={(v.includesWorkshops ?? 'on') === 'on'}
        hint="Holders can book workshop seats."
      />
    </>
  );
}

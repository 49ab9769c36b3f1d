// One attendee of the order: names, contact, the ticket type's questions, workshops, directory and photos; and the
// fields the attendee's details form on the order pages shares with it.
import { FieldError } from '@/app/_components/field-message';
import { fieldId, type QuestionView, type SlotView, type WorkshopView } from '../_lib/form-state';
import { CheckboxField, RadioGroup, SelectField, TextField } from './fields';
import { WorkshopChoices } from './workshop-choices';

export interface FormValues {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
}

const SENSITIVE_NOTE =
  'Private: only the staff who need this answer can see it. It never appears on your badge or in the directory.';

interface Bound {
  values: FormValues;
  errors: Record<string, string[]>;
}

/** One of the ticket type's questions, answered as `name`; a private one says who may see it. */
export function QuestionField({
  q,
  name,
  values,
  errors,
  autoComplete,
}: Bound & { q: QuestionView; name: string; autoComplete: string }) {
  const hint =
    [q.help, q.isSensitive && !/only/i.test(q.help) ? SENSITIVE_NOTE : ''].filter(Boolean).join(' ') || undefined;
  const label = q.isSensitive ? (
    <>
      {q.label} <span className="badge ml-1 align-middle text-xs">Private</span>
    </>
  ) : (
    q.label
  );
  const common = { name, label, hint, errors: errors[name], required: q.isRequired };
  if (q.kind === 'select') return <SelectField {...common} options={q.options} defaultValue={values.get(name)} />;
  if (q.kind === 'checkbox') return <CheckboxField {...common} defaultChecked={values.has(name)} />;
  return (
    <TextField
      {...common}
      multiline={q.kind === 'textarea'}
      maxLength={q.kind === 'textarea' ? 2000 : 300}
      defaultValue={values.get(name)}
      autoComplete={autoComplete}
    />
  );
}

/** The badge name, under `${at}badgeName`: registration and the attendee's details. */
export function BadgeNameField({ at, autoComplete, values, errors }: Bound & { at: string; autoComplete: string }) {
  const name = `${at}badgeName`;
  return (
    <TextField
      name={name}
      label="Badge name"
      maxLength={60}
      autoComplete={autoComplete}
      hint="The name printed on the badge: any name you like. Leave it empty to use the first name."
      defaultValue={values.get(name)}
      errors={errors[name]}
    />
  );
}

export function PronounsField({ at, values, errors }: Bound & { at: string }) {
  const name = `${at}pronouns`;
  return (
    <TextField
      name={name}
      label="Pronouns (optional)"
      maxLength={40}
      autoComplete="off"
      hint="For example she/her, he/him, they/them."
      defaultValue={values.get(name)}
      errors={errors[name]}
    />
  );
}

/** The directory listing and the photo preference, under `${at}directoryOptIn` and `${at}photoPreference`. */
export function SharingFields({ at, values, errors }: Bound & { at: string }) {
  return (
    <>
      <CheckboxField
        name={`${at}directoryOptIn`}
        label="List me in the attendee directory"
        hint="Off unless ticked. Other registered attendees could then find this badge name."
        defaultChecked={values.has(`${at}directoryOptIn`)}
        errors={errors[`${at}directoryOptIn`]}
      />
      <RadioGroup
        name={`${at}photoPreference`}
        legend="Photos"
        hint="How event photographers should treat this attendee."
        defaultValue={values.get(`${at}photoPreference`) === 'ok' ? 'ok' : 'no_photos'}
        errors={errors[`${at}photoPreference`]}
        options={[
          { value: 'no_photos', label: 'Please do not photograph me' },
          { value: 'ok', label: 'Photos that include me are fine' },
        ]}
      />
    </>
  );
}

export function AttendeeFieldset({
  index,
  slot,
  workshops,
  timeZone,
  values,
  errors,
}: {
  index: number;
  slot: SlotView;
  workshops: WorkshopView[];
  timeZone: string;
  values: FormValues;
  errors: Record<string, string[]>;
}) {
  const at = `attendees.${index}`;
  const first = index === 0;
  const mine = workshops.filter((w) => slot.workshopIds.includes(w.id));
  const typeError = errors[`${at}.ticketTypeId`];
  return (
    <fieldset id={fieldId(at)} className="card flex flex-col gap-4 p-4 sm:p-5">
      <legend className="float-left mb-1 w-full text-xl font-semibold">
        Attendee {index + 1} – {slot.label}
      </legend>
      <input type="hidden" name={`${at}.ticketTypeId`} value={slot.ticketTypeId} />
      <FieldError id={`${fieldId(at)}-ticketTypeId-error`} messages={typeError} />
      <TextField
        name={`${at}.legalName`}
        label="Full name"
        required
        maxLength={200}
        autoComplete={first ? 'name' : 'off'}
        hint="As on an official document. Used for check-in and certificates, never printed on the badge."
        defaultValue={values.get(`${at}.legalName`)}
        errors={errors[`${at}.legalName`]}
      />
      <BadgeNameField at={`${at}.`} autoComplete={first ? 'nickname' : 'off'} values={values} errors={errors} />
      <TextField
        name={`${at}.email`}
        label="Email"
        type="email"
        required
        maxLength={254}
        autoComplete={first ? 'email' : 'off'}
        hint={
          first
            ? "Where this attendee's ticket goes."
            : "Where this attendee's ticket goes, with a link to their own page. If it is not your address, their pronouns and private answers are theirs alone once registered: your order will not show them."
        }
        defaultValue={values.get(`${at}.email`)}
        errors={errors[`${at}.email`]}
      />
      <PronounsField at={`${at}.`} values={values} errors={errors} />
      {slot.questions.map((q) => (
        <QuestionField
          key={q.key}
          q={q}
          name={`${at}.answers.${q.key}`}
          values={values}
          errors={errors}
          autoComplete={q.key === 'organisation' ? 'organization' : 'off'}
        />
      ))}
      {mine.length > 0 && (
        <WorkshopChoices
          name={`${at}.workshopIds`}
          legend="Workshops (optional)"
          hint="Seats are limited and held with the order. Choose at most one of the workshops that run at the same time."
          workshops={mine}
          timeZone={timeZone}
          chosen={new Set(values.all(`${at}.workshopIds`))}
          errors={errors[`${at}.workshopIds`]}
          className="flex flex-col gap-3 outline-none"
        />
      )}
      <SharingFields at={`${at}.`} values={values} errors={errors} />
    </fieldset>
  );
}

// One attendee of the order: names, contact, the ticket type's questions, workshops, directory and photos.
import { SessionTime } from '@/app/_components/session-time';
import { shortDay } from '@/app/_components/dates';
import { FieldError } from '../_lib/error-summary';
import { fieldId, type QuestionView, type SlotView, type WorkshopView } from '../_lib/form-state';
import { CheckboxField, Hint, RadioGroup, SelectField, TextField } from './fields';

export interface FormValues {
  get(name: string): string | undefined;
  all(name: string): string[];
  has(name: string): boolean;
}

const SENSITIVE_NOTE =
  'Private: only the staff who need this answer can see it. It never appears on your badge or in the directory.';

function Question({
  q,
  at,
  values,
  errors,
}: {
  q: QuestionView;
  at: string;
  values: FormValues;
  errors: Record<string, string[]>;
}) {
  const name = `${at}.answers.${q.key}`;
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
      autoComplete={q.key === 'organisation' ? 'organization' : 'off'}
    />
  );
}

function Workshops({
  at,
  workshops,
  timeZone,
  values,
  errors,
}: {
  at: string;
  workshops: WorkshopView[];
  timeZone: string;
  values: FormValues;
  errors: Record<string, string[]>;
}) {
  const name = `${at}.workshopIds`;
  const id = fieldId(name);
  const chosen = new Set(values.all(name));
  const days = [...new Set(workshops.map((w) => w.day))];
  const fieldErrors = errors[name];
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className="flex flex-col gap-3 outline-none"
      aria-describedby={[`${id}-hint`, fieldErrors?.length ? `${id}-error` : ''].filter(Boolean).join(' ')}
    >
      <legend className="field-label">Workshops (optional)</legend>
      <Hint id={`${id}-hint`}>
        Seats are limited and held with the order. Choose at most one of the workshops that run at the same time.
      </Hint>
      <FieldError id={`${id}-error`} messages={fieldErrors} />
      {days.map((day) => (
        <fieldset key={day} className="flex flex-col gap-2">
          <legend className="mb-1 text-[0.9375rem] font-semibold text-brand-strong">
            <time dateTime={day}>{shortDay(day)}</time>
          </legend>
          {workshops
            .filter((w) => w.day === day)
            .map((w) => {
              const boxId = `${id}-${w.id}`;
              const noteId = `${boxId}-note`;
              return (
                <div key={w.id} className="flex items-start gap-3 rounded-lg border border-line p-3">
                  <input
                    id={boxId}
                    type="checkbox"
                    name={name}
                    value={w.id}
                    disabled={w.full}
                    defaultChecked={!w.full && chosen.has(w.id)}
                    aria-describedby={noteId}
                    className="mt-1 size-5 shrink-0 accent-brand"
                  />
                  <div className="flex flex-col gap-0.5">
                    <label htmlFor={boxId} className="font-medium">
                      {w.title}
                    </label>
                    <span id={noteId} className="flex flex-col text-sm">
                      <SessionTime
                        startsAt={new Date(w.startsAt)}
                        endsAt={new Date(w.endsAt)}
                        day={w.day}
                        timeZone={timeZone}
                      />
                      {w.full ? (
                        <span className="font-semibold text-note-ink">Full</span>
                      ) : (
                        w.seatsLeft && <span className="text-muted">{w.seatsLeft}</span>
                      )}
                      {w.overlaps.length > 0 && (
                        <span className="text-muted">Same time as {w.overlaps.map((t) => `“${t}”`).join(', ')}</span>
                      )}
                    </span>
                    {w.full && (
                      <a href={`/register/waitlist?session=${w.id}`} className="text-sm">
                        Join the waiting list<span className="sr-only"> for {w.title}</span>
                      </a>
                    )}
                  </div>
                </div>
              );
            })}
        </fieldset>
      ))}
    </fieldset>
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
      <TextField
        name={`${at}.badgeName`}
        label="Badge name"
        maxLength={60}
        autoComplete={first ? 'nickname' : 'off'}
        hint="The name printed on the badge: any name you like. Leave it empty to use the first name."
        defaultValue={values.get(`${at}.badgeName`)}
        errors={errors[`${at}.badgeName`]}
      />
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
      <TextField
        name={`${at}.pronouns`}
        label="Pronouns (optional)"
        maxLength={40}
        autoComplete="off"
        hint="For example she/her, he/him, they/them."
        defaultValue={values.get(`${at}.pronouns`)}
        errors={errors[`${at}.pronouns`]}
      />
      {slot.questions.map((q) => (
        <Question key={q.key} q={q} at={at} values={values} errors={errors} />
      ))}
      {mine.length > 0 && <Workshops at={at} workshops={mine} timeZone={timeZone} values={values} errors={errors} />}
      <CheckboxField
        name={`${at}.directoryOptIn`}
        label="List me in the attendee directory"
        hint="Off unless ticked. Other registered attendees could then find this badge name."
        defaultChecked={values.has(`${at}.directoryOptIn`)}
        errors={errors[`${at}.directoryOptIn`]}
      />
      <RadioGroup
        name={`${at}.photoPreference`}
        legend="Photos"
        hint="How event photographers should treat this attendee."
        defaultValue={values.get(`${at}.photoPreference`) === 'ok' ? 'ok' : 'no_photos'}
        errors={errors[`${at}.photoPreference`]}
        options={[
          { value: 'no_photos', label: 'Please do not photograph me' },
          { value: 'ok', label: 'Photos that include me are fine' },
        ]}
      />
    </fieldset>
  );
}

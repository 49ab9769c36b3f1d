// The fields of a custom question and, per ticket type, whether it asks it. Sensitive answers (health, recovery,
// access needs) are shown only to the roles that need them, so the flag is explained where it is set.
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { Fieldset } from '@/app/admin/tickets/_components/fieldset';

const KINDS = [
  { value: 'text', label: 'Short text' },
  { value: 'textarea', label: 'Long text' },
  { value: 'select', label: 'Choice from a list' },
  { value: 'checkbox', label: 'Yes/no checkbox' },
];

const ASK = [
  { value: 'no', label: 'Not asked' },
  { value: 'optional', label: 'Asked, optional' },
  { value: 'required', label: 'Asked, required' },
];

export function QuestionFields({
  values: v,
  types,
  asks,
  answered,
}: {
  values: Partial<Record<string, string>>;
  types: { id: string; internalLabel: string; publicLabel: string }[];
  asks: Map<string, 'optional' | 'required'>;
  answered: number;
}) {
  return (
    <>
      <Fieldset legend="Question">
        <TextField
          name="label"
          label="Question"
          defaultValue={v.label}
          hint="As attendees read it on the registration form."
        />
        <TextField
          name="key"
          label="Key"
          defaultValue={v.key}
          autoComplete="off"
          hint="Lowercase letters, digits and underscores, such as dietary_needs. Names the answer in exports."
        />
        <TextAreaField
          name="help"
          label="Help text"
          defaultValue={v.help}
          rows={2}
          hint="Shown under the question, such as who will see the answer."
        />
        <SelectField
          name="kind"
          label="Kind of answer"
          defaultValue={v.kind ?? 'text'}
          options={KINDS}
          hint={answered ? 'People have answered already, so the kind can no longer change.' : undefined}
        />
        <TextAreaField
          name="options"
          label="Options"
          defaultValue={v.options}
          rows={4}
          hint="For a choice: one option per line, at least two."
        />
        <CheckboxField
          name="isSensitive"
          label="Sensitive"
          defaultChecked={v.isSensitive === 'on'}
          hint={`Any kind of question, free text included. Health, recovery, access or dietary needs: answers are encrypted, shown only to the owner and the accessibility team (each view is recorded), never to check-in staff, and never to the person who bought someone else’s ticket.${answered ? ' Answered questions stay sensitive.' : ''}`}
        />
        <CheckboxField
          name="isAccessNeed"
          label="Access needs"
          defaultChecked={v.isAccessNeed === 'on'}
          hint="An answer opens a request for the accessibility team (Access requests). Always sensitive."
        />
        <TextField
          name="sortOrder"
          label="Sort order"
          type="number"
          inputMode="numeric"
          defaultValue={v.sortOrder ?? '0'}
          hint="Lower numbers are asked first."
        />
      </Fieldset>
      <Fieldset legend="Which ticket types ask it" hint="Each attendee answers the questions of their own ticket type.">
        {types.length === 0 ? (
          <p>There are no ticket types yet.</p>
        ) : (
          types.map((t) => (
            <SelectField
              key={t.id}
              name={`ask.${t.id}`}
              label={t.internalLabel}
              defaultValue={asks.get(t.id) ?? 'no'}
              options={ASK}
              hint={t.publicLabel !== t.internalLabel ? `Attendees see “${t.publicLabel}”.` : undefined}
            />
          ))
        )}
      </Fieldset>
    </>
  );
}

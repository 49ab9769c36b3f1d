// The form that corrects an attendee's details. Only the questions this viewer may see are offered; the server
// checks the same again. Answers to questions no longer asked for the ticket type are shown, not editable.
import { AdminForm } from '@/app/admin/_components/admin-form';
import { CheckboxField, SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import type { AttendeeDetail } from '@/lib/attendees/detail';
import { updateAttendeeAction } from './actions';

export function EditAttendeeForm({ detail }: { detail: AttendeeDetail }) {
  const { ticket } = detail;
  const editable = detail.answers.filter((a) => a.asked);
  return (
    <AdminForm action={updateAttendeeAction} submitLabel="Save changes" keepValues>
      <input type="hidden" name="ticketId" value={ticket.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="legalName" label="Full (legal) name" defaultValue={ticket.legalName} autoComplete="off" />
        <TextField
          name="badgeName"
          label="Badge name"
          defaultValue={ticket.badgeName}
          autoComplete="off"
          hint="What other people see."
        />
        <TextField name="email" label="Email" type="email" defaultValue={ticket.email} autoComplete="off" />
        {ticket.pronouns !== null ? (
          <TextField
            name="pronouns"
            label="Pronouns"
            required={false}
            defaultValue={ticket.pronouns}
            autoComplete="off"
          />
        ) : null}
        <SelectField
          name="photoPreference"
          label="Photos"
          defaultValue={ticket.photoPreference}
          options={[
            { value: 'no_photos', label: 'No photos, please' },
            { value: 'ok', label: 'Photos are fine' },
          ]}
        />
      </div>
      <CheckboxField
        name="directoryOptIn"
        label="Listed in the attendee directory"
        defaultChecked={ticket.directoryOptIn}
      />
      {editable.length ? (
        <fieldset className="flex flex-col gap-4 border-t border-line pt-4">
          <legend className="text-lg font-semibold">Answers</legend>
          {editable.map((q) => {
            const name = `answers.${q.key}`;
            const label = q.isSensitive ? `${q.label} (sensitive)` : q.label;
            const hidden = <input type="hidden" name="answerKeys" value={q.key} />;
            if (q.kind === 'checkbox')
              return (
                <div key={q.key}>
                  {hidden}
                  <CheckboxField name={name} label={label} defaultChecked={q.value === 'yes'} />
                </div>
              );
            if (q.kind === 'select') {
              const options = [
                ...(q.isRequired ? [] : [{ value: '', label: 'No answer' }]),
                ...q.options.map((o) => ({ value: o, label: o })),
              ];
              return (
                <div key={q.key}>
                  {hidden}
                  <SelectField
                    name={name}
                    label={label}
                    required={q.isRequired}
                    defaultValue={q.value ?? ''}
                    options={options}
                  />
                </div>
              );
            }
            if (q.kind === 'textarea')
              return (
                <div key={q.key}>
                  {hidden}
                  <TextAreaField
                    name={name}
                    label={label}
                    required={q.isRequired}
                    defaultValue={q.value ?? ''}
                    rows={3}
                  />
                </div>
              );
            return (
              <div key={q.key}>
                {hidden}
                <TextField
                  name={name}
                  label={label}
                  required={q.isRequired}
                  defaultValue={q.value ?? ''}
                  autoComplete="off"
                />
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </AdminForm>
  );
}

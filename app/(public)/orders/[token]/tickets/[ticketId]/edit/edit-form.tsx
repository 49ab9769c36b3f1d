'use client';
// The attendee's details as a form: badge name, pronouns, the ticket type's questions, directory and photos.
// Legal name and email are shown but not editable: a ticket for someone else is a transfer.
import { CheckboxField, RadioGroup, SelectField, TextField } from '../../../../../register/details/fields';
import type { QuestionView } from '../../../../../register/_lib/form-state';
import {
  ManageFormBody,
  SubmitButton,
  useManageForm,
  type FormValues,
  type ManageAction,
} from '../../../_components/form-shell';
import { editAttendeeAction } from '../../../manage-actions';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

const SENSITIVE_NOTE =
  'Private: only the staff who need this answer can see it. It never appears on your badge or in the directory.';

function Question({ q, values, errors }: { q: QuestionView; values: FormValues; errors: Record<string, string[]> }) {
  const name = `answers.${q.key}`;
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
      autoComplete="off"
    />
  );
}

export function EditAttendeeForm({
  token,
  ticketId,
  questions,
  initialValues,
  showPronouns = true,
  action = editAttendeeAction,
}: {
  token: string;
  ticketId?: string;
  questions: QuestionView[];
  initialValues: Record<string, string[]>;
  /** False where pronouns are private to the attendee (the buyer's view of another attendee). */
  showPronouns?: boolean;
  /** The order page's action by default; the attendee's own page passes its own. */
  action?: ManageAction;
}) {
  const { state, formAction, pending, values, errors } = useManageForm(action, initialValues);
  const labels: Record<string, string> = {
    badgeName: 'Badge name',
    pronouns: 'Pronouns',
    directoryOptIn: 'Directory',
    photoPreference: 'Photos',
    ...Object.fromEntries(questions.map((q) => [`answers.${q.key}`, q.label])),
  };
  return (
    <ManageFormBody state={state} labels={labels} token={token} ticketId={ticketId} formAction={formAction}>
      <TextField
        name="badgeName"
        label="Badge name"
        maxLength={60}
        autoComplete="off"
        hint="The name printed on the badge: any name you like. Leave it empty to use the first name."
        defaultValue={values.get('badgeName')}
        errors={errors.badgeName}
      />
      {showPronouns && (
        <TextField
          name="pronouns"
          label="Pronouns (optional)"
          maxLength={40}
          autoComplete="off"
          hint="For example she/her, he/him, they/them."
          defaultValue={values.get('pronouns')}
          errors={errors.pronouns}
        />
      )}
      {questions.map((q) => (
        <Question key={q.key} q={q} values={values} errors={errors} />
      ))}
      <CheckboxField
        name="directoryOptIn"
        label="List me in the attendee directory"
        hint="Off unless ticked. Other registered attendees could then find this badge name."
        defaultChecked={values.has('directoryOptIn')}
        errors={errors.directoryOptIn}
      />
      <RadioGroup
        name="photoPreference"
        legend="Photos"
        hint="How event photographers should treat this attendee."
        defaultValue={values.get('photoPreference') === 'ok' ? 'ok' : 'no_photos'}
        errors={errors.photoPreference}
        options={[
          { value: 'no_photos', label: 'Please do not photograph me' },
          { value: 'ok', label: 'Photos that include me are fine' },
        ]}
      />
      <PrivacyNoticeLink />
      <SubmitButton pending={pending} label="Save changes" pendingLabel="Saving…" />
    </ManageFormBody>
  );
}

'use client';
// The attendee's details as a form: badge name, pronouns, the ticket type's questions, directory and photos.
// Legal name and email are shown but not editable: a ticket for someone else is a transfer.
import {
  BadgeNameField,
  PronounsField,
  QuestionField,
  SharingFields,
} from '../../../../../register/details/attendee-fieldset';
import type { QuestionView } from '../../../../../register/_lib/form-state';
import { ManageFormBody, SubmitButton, useManageForm, type ManageAction } from '../../../_components/form-shell';
import { editAttendeeAction } from '../../../manage-actions';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

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
      <BadgeNameField at="" autoComplete="off" values={values} errors={errors} />
      {showPronouns && <PronounsField at="" values={values} errors={errors} />}
      {questions.map((q) => (
        <QuestionField key={q.key} q={q} name={`answers.${q.key}`} values={values} errors={errors} autoComplete="off" />
      ))}
      <SharingFields at="" values={values} errors={errors} />
      <PrivacyNoticeLink />
      <SubmitButton pending={pending} label="Save changes" pendingLabel="Saving…" />
    </ManageFormBody>
  );
}

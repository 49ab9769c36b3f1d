'use client';
// The cancellation's confirmation: a box to tick and one button, so nothing is cancelled by a stray click.
// Works without JavaScript (the browser posts the form).
import { CheckboxField } from '../../../register/details/fields';
import { ManageFormBody, SubmitButton, useManageForm } from '../_components/form-shell';
import { cancelRegistrationAction } from '../manage-actions';

export function CancelForm({
  token,
  consequence,
  buttonLabel,
}: {
  token: string;
  consequence: string;
  buttonLabel: string;
}) {
  const { state, formAction, pending, errors } = useManageForm(cancelRegistrationAction, {});
  return (
    <ManageFormBody state={state} labels={{ confirm: 'Confirmation' }} token={token} formAction={formAction}>
      <CheckboxField
        name="confirm"
        required
        label="Yes, cancel this registration"
        hint={consequence}
        errors={errors.confirm}
      />
      <SubmitButton pending={pending} label={buttonLabel} pendingLabel="Cancelling…" />
    </ManageFormBody>
  );
}

'use client';
// The new holder of a ticket: full name, badge name and email. Their ticket goes to that address.
import { TextField } from '../../../../../register/details/fields';
import { ManageFormBody, SubmitButton, useManageForm } from '../../../_components/form-shell';
import { transferTicketAction } from '../../../manage-actions';
import { PrivacyNoticeLink } from '@/app/_components/privacy-link';

const LABELS = { legalName: 'Full name', badgeName: 'Badge name', email: 'Email' };

export function TransferForm({ token, ticketId }: { token: string; ticketId: string }) {
  const { state, formAction, pending, values, errors } = useManageForm(transferTicketAction, {});
  return (
    <ManageFormBody state={state} labels={LABELS} token={token} ticketId={ticketId} formAction={formAction}>
      <TextField
        name="legalName"
        label="Full name of the new attendee"
        required
        maxLength={200}
        autoComplete="off"
        hint="As on an official document. Used for check-in and certificates, never printed on the badge."
        defaultValue={values.get('legalName')}
        errors={errors.legalName}
      />
      <TextField
        name="badgeName"
        label="Badge name (optional)"
        maxLength={60}
        autoComplete="off"
        hint="Leave it empty to use the first name. You can change it later from this order’s page."
        defaultValue={values.get('badgeName')}
        errors={errors.badgeName}
      />
      <TextField
        name="email"
        label="Email of the new attendee"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        hint="Their ticket, with a new QR code, goes to this address."
        defaultValue={values.get('email')}
        errors={errors.email}
      />
      <PrivacyNoticeLink />
      <SubmitButton pending={pending} label="Transfer the ticket" pendingLabel="Transferring…" />
    </ManageFormBody>
  );
}

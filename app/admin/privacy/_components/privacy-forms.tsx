'use client';
// The privacy page's forms: erase a person (the address typed twice, and a last browser confirmation), and
// confirm or decline one erasure request.
import { AdminForm } from '@/app/admin/_components/admin-form';
import { TextField } from '@/app/admin/_components/fields';
import { decideErasureRequestAction, erasePersonAction } from '../actions';

export function EraseForm() {
  return (
    <AdminForm
      action={erasePersonAction}
      submitLabel="Erase this person's data"
      submitClassName="btn btn-primary"
      confirm="Erase this person's data? Names, addresses and answers are replaced for good; this cannot be undone."
      resetOnSuccess
    >
      <TextField
        name="email"
        label="Email address"
        type="email"
        hint="Every ticket, order and waiting-list place under this address."
      />
      <TextField name="confirmEmail" label="Type the address again to confirm" type="email" />
      <TextField
        name="reason"
        label="Reason"
        required={false}
        hint="For the audit log, e.g. ‘asked by email on 3 March’. Do not write the person's name."
      />
    </AdminForm>
  );
}

export function DecideForm({ id, decision }: { id: string; decision: 'confirm' | 'decline' }) {
  return (
    <AdminForm
      action={decideErasureRequestAction}
      submitLabel={decision === 'confirm' ? 'Confirm and erase' : 'Decline'}
      submitClassName={decision === 'confirm' ? 'btn btn-primary' : 'btn btn-secondary'}
      confirm={decision === 'confirm' ? "Erase this person's data now? This cannot be undone." : undefined}
      className="flex flex-col gap-1"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="decision" value={decision} />
    </AdminForm>
  );
}

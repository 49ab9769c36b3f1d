'use server';
// The attendee's own page's action: their details and answers. Public (no staff session), authorized by the page
// token posted back in a hidden field and resolved again by the use case; a token of another kind (an order link,
// a QR code) opens nothing. Success goes back to the page with a notice; problems come back to the form.
import { redirect } from 'next/navigation';
import { NOTHING_WAS_CHANGED, publicAction, submittedValues } from '@/app/_lib/public-action';
import { getRequestContext } from '@/app/_lib/request-context';
import { DomainError } from '@/lib/errors';
import { attendeeDetailsFromForm } from '@/app/_lib/manage-form';
import { editOwnDetails } from '@/lib/tickets/attendee-page';
import { MANAGE_VALUES, type ManageFormState } from '../../orders/[token]/_lib/form-state';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export async function editOwnDetailsAction(previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  const seq = (typeof previous?.seq === 'number' ? previous.seq : 0) + 1;
  // A hand-made request can send anything as arguments.
  if (!(formData instanceof FormData))
    return { seq, values: {}, fieldErrors: {}, formError: 'This form was not sent correctly.' };
  const base: ManageFormState = { seq, values: submittedValues(formData, MANAGE_VALUES), fieldErrors: {} };
  const token = formData.get('token');
  return publicAction(
    'editOwnDetailsAction',
    NOTHING_WAS_CHANGED,
    async () => {
      if (typeof token !== 'string' || !TOKEN.test(token))
        throw new DomainError('NOT_FOUND', 'This link is not valid any more.');
      await editOwnDetails(await getRequestContext(), { token, details: attendeeDetailsFromForm(formData) });
      // The token passed the format check and opened the page, so it is safe in the path.
      redirect(`/tickets/${token}?done=details`);
    },
    (failure) => ({ ...base, fieldErrors: failure.fieldErrors, formError: failure.formError }),
  );
}

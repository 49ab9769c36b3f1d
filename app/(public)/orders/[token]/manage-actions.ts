'use server';
// The manage page's actions. They are public (no staff session): each is authorized by the order's secret token,
// posted back in a hidden field and resolved again by the use case, which also checks that the ticket belongs to
// that order. On success the browser goes back to the order page with a notice; problems come back to the form.
import { redirect } from 'next/navigation';
import { NOTHING_WAS_CHANGED, publicAction, submittedValues } from '@/app/_lib/public-action';
import { getRequestContext } from '@/app/_lib/request-context';
import type { AppContext } from '@/lib/context';
import { DomainError } from '@/lib/errors';
import { cancelRegistration } from '@/lib/self-service/cancel';
import { changeWorkshops } from '@/lib/self-service/change-workshops';
import { editAttendee } from '@/lib/self-service/edit-attendee';
import {
  attendeeDetailsFromForm,
  cancelConfirmationFromForm,
  transferFromForm,
  workshopChoiceFromForm,
} from '@/app/_lib/manage-form';
import { transferTicket } from '@/lib/self-service/transfer';
import { MANAGE_VALUES, type ManageFormState } from './_lib/form-state';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/** Runs one change; `work` answers the notice to show on the order page. */
async function run(
  previous: ManageFormState,
  formData: FormData,
  where: string,
  work: (ctx: AppContext, token: string) => Promise<string>,
): Promise<ManageFormState> {
  const base: ManageFormState = {
    seq: previous.seq + 1,
    values: submittedValues(formData, MANAGE_VALUES),
    fieldErrors: {},
  };
  const token = formData.get('token');
  return publicAction(
    where,
    NOTHING_WAS_CHANGED,
    async () => {
      if (typeof token !== 'string' || !TOKEN.test(token))
        throw new DomainError('NOT_FOUND', 'This order link is not valid.');
      const done = await work(await getRequestContext(), token);
      // The token passed the format check and opened the order, so it is safe in the path.
      redirect(`/orders/${token}?done=${done}`);
    },
    (failure) => ({ ...base, fieldErrors: failure.fieldErrors, formError: failure.formError }),
  );
}

export async function editAttendeeAction(previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return run(previous, formData, 'editAttendeeAction', async (ctx, token) => {
    await editAttendee(ctx, { token, ticketId: formData.get('ticketId'), details: attendeeDetailsFromForm(formData) });
    return 'details';
  });
}

export async function changeWorkshopsAction(previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return run(previous, formData, 'changeWorkshopsAction', async (ctx, token) => {
    await changeWorkshops(ctx, { token, ticketId: formData.get('ticketId'), choice: workshopChoiceFromForm(formData) });
    return 'workshops';
  });
}

export async function transferTicketAction(previous: ManageFormState, formData: FormData): Promise<ManageFormState> {
  return run(previous, formData, 'transferTicketAction', async (ctx, token) => {
    await transferTicket(ctx, { token, ticketId: formData.get('ticketId'), person: transferFromForm(formData) });
    return 'transferred';
  });
}

export async function cancelRegistrationAction(
  previous: ManageFormState,
  formData: FormData,
): Promise<ManageFormState> {
  return run(previous, formData, 'cancelRegistrationAction', async (ctx, token) => {
    const result = await cancelRegistration(ctx, { token, confirmation: cancelConfirmationFromForm(formData) });
    return result.refundPending ? 'cancelled-refund-pending' : 'cancelled';
  });
}

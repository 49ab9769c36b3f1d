// The state the manage forms and their server actions pass back and forth: the submitted values (so nothing
// typed is lost when something needs correcting) and the errors by field name. Success redirects to the order.
export interface ManageFormState {
  /** Bumped by every answer, so the form remounts with the returned values as its defaults. */
  seq: number;
  values: Record<string, string[]>;
  fieldErrors: Record<string, string[]>;
  formError?: string;
}

/** The manage forms' values given back after a problem: every field but the token. */
export const MANAGE_VALUES = { skip: ['token'], maxFields: 200 } as const;

export const initialManageState: ManageFormState = { seq: 0, values: {}, fieldErrors: {} };

/** What the order page says after a change, by the `done` query parameter the actions redirect with. */
export const DONE_NOTICES: Record<string, string> = {
  details: 'Your changes are saved.',
  workshops: 'Your workshop choices are saved.',
  transferred:
    'The ticket now belongs to the new attendee. We have emailed them their ticket; earlier QR codes for it no longer work.',
  cancelled: 'Your registration is cancelled. Any refund goes back to the card or account you paid with.',
  'cancelled-refund-pending':
    'Your registration is cancelled. The refund could not be sent to the payment provider just now; it is saved and will be retried automatically.',
};

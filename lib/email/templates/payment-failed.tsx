// The payment was declined; the seats stay held until the hold ends, and the buyer can try again.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import type { PaymentFailedProps } from './types';

export function PaymentFailedEmail(props: PaymentFailedProps) {
  return (
    <EmailLayout
      preview="Your payment did not go through. You can try again."
      heading="Your payment did not go through"
    >
      <P>Your payment for order {props.reference} was not completed, so nothing has been charged.</P>
      {props.holdUntil ? (
        <P>Your seats are held until {props.holdUntil}. You can try again with the same or another payment method:</P>
      ) : (
        <P>You can try again with the same or another payment method:</P>
      )}
      <Facts rows={[['Order reference', props.reference]]} />
      <Action href={props.retryUrl}>Try the payment again</Action>
      <Muted>If your bank asked you to confirm the payment, please check your banking app before trying again.</Muted>
    </EmailLayout>
  );
}

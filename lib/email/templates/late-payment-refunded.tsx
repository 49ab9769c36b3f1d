// A payment the order could not keep, refunded in full, once: it arrived after the hold lapsed and the seats
// were gone, it paid an order a second time, or the order had been cancelled.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import type { LatePaymentRefundedProps } from './types';

function Explanation({ reason, reference, amount }: Pick<LatePaymentRefundedProps, 'reason' | 'reference' | 'amount'>) {
  switch (reason) {
    case 'seats_gone':
      return (
        <>
          <P>
            Your payment for order {reference} reached us after the seats held for you had been released, and they were
            no longer available. We are sorry.
          </P>
          <P>We have refunded the full amount of {amount}. No registration was made.</P>
        </>
      );
    case 'duplicate':
      return (
        <P>
          Order {reference} was already paid, so we have refunded your second payment of {amount} in full. Your
          registration is unchanged.
        </P>
      );
    case 'closed':
      return (
        <P>
          Your payment of {amount} arrived for order {reference}, which is no longer active, so we have refunded it in
          full.
        </P>
      );
  }
}

export function LatePaymentRefundedEmail(props: LatePaymentRefundedProps) {
  return (
    <EmailLayout
      preview="We could not keep your payment, so it is being refunded in full."
      heading="Your payment was refunded"
    >
      <Explanation reason={props.reason} reference={props.reference} amount={props.amount} />
      <Facts
        rows={[
          ['Order reference', props.reference],
          ['Refunded', props.amount],
        ]}
      />
      <Muted>Refunds usually take 5 to 10 working days to appear on your statement, depending on your bank.</Muted>
      {props.reason !== 'duplicate' && (
        <>
          <P>If places are available, you can register again:</P>
          <Action href={props.registerUrl}>See available tickets</Action>
        </>
      )}
    </EmailLayout>
  );
}

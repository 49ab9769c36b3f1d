// A refund of the order's payment went through at the payment provider.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import type { RefundProps } from './types';

export function RefundEmail(props: RefundProps) {
  return (
    <EmailLayout preview={`A refund of ${props.amount} is on its way to you.`} heading="Your refund">
      <P>
        We have refunded {props.amount} for order {props.reference}.
      </P>
      <Facts
        rows={[
          ['Order reference', props.reference],
          ['Refunded now', props.amount],
          ['Refunded in total', props.totalRefunded],
        ]}
      />
      <P>
        {props.fullyRefunded
          ? 'Your payment has been refunded in full.'
          : 'The rest of your registration is unchanged.'}
      </P>
      <Muted>Refunds usually take 5 to 10 working days to appear on your statement, depending on your bank.</Muted>
      <Action href={props.orderUrl}>View your registration</Action>
    </EmailLayout>
  );
}

// A receipt for the money received: public ticket labels and amounts only, enough for a reimbursement.
import { Action, EmailLayout, Facts, H2, P } from './layout';
import type { PaymentReceiptProps } from './types';

export function PaymentReceiptEmail(props: PaymentReceiptProps) {
  return (
    <EmailLayout preview="Your payment has been received." heading="Payment receipt">
      <P>Hello {props.buyerName},</P>
      <P>We have received your payment. Thank you.</P>
      <Facts
        rows={[
          ['Order reference', props.reference],
          ['Paid on', props.paidAt],
          ['Payment reference', props.paymentReference],
        ]}
      />
      <H2>Details</H2>
      <Facts
        rows={[
          ...props.lines.map((l, i): [string, string] => [`${i + 1}. ${l.label}`, l.amount]),
          ['Discount', props.discount],
          ['Total paid', props.total],
        ]}
      />
      <P>A printable receipt is on your registration page:</P>
      <Action href={props.receiptUrl}>View your receipt</Action>
    </EmailLayout>
  );
}

// The order was cancelled (by the buyer or an organizer); its seats are free again.
import { Action, EmailLayout, Facts, P } from './layout';
import { conference, type CancellationProps } from './types';

export function CancellationEmail(props: CancellationProps) {
  return (
    <EmailLayout preview="Your registration has been cancelled." heading="Your registration was cancelled">
      <P>
        Your registration {props.reference} for {conference(props.eventName)} has been cancelled, and its tickets are no
        longer valid.
      </P>
      <Facts rows={[['Order reference', props.reference]]} />
      {props.wasPaid && <P>If a refund is due, you will receive a separate email when it has been sent.</P>}
      <P>If this was a mistake, reply to this email, or register again while places are available:</P>
      <Action href={props.registerUrl}>Register again</Action>
    </EmailLayout>
  );
}

// The hold lapsed without a payment: the seats went back on sale and nothing was charged.
import { Action, EmailLayout, Facts, P } from './layout';
import type { HoldExpiredProps } from './types';

export function HoldExpiredEmail(props: HoldExpiredProps) {
  return (
    <EmailLayout
      preview="The seats held for you have been released. Nothing was charged."
      heading="Your seats were released"
    >
      <P>
        We held seats for your order {props.reference}, but the payment was not completed in time, so they have been
        released. Nothing was charged.
      </P>
      <Facts rows={[['Order reference', props.reference]]} />
      <P>If you still want to come, you can register again while places are available:</P>
      <Action href={props.registerUrl}>Register again</Action>
    </EmailLayout>
  );
}

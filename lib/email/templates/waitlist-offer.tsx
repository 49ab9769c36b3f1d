// A seat freed up for someone on the waiting list: held for them until the deadline, then offered to the next.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import { conference, type WaitlistOfferProps } from './types';

export function WaitlistOfferEmail(props: WaitlistOfferProps) {
  return (
    <EmailLayout preview={`A place is held for you until ${props.deadline}.`} heading="A place is available for you">
      <P>Good news: a place has become available for {conference(props.eventName)}, and we are holding it for you.</P>
      <Facts
        rows={[
          ['Place', props.offeredFor],
          ['Held until', props.deadline],
        ]}
      />
      <P>Complete your registration before the deadline to keep it:</P>
      <Action href={props.offerUrl}>Complete your registration</Action>
      <Muted>
        After the deadline the place is offered to the next person waiting. This link is personal; please do not share
        it.
      </Muted>
    </EmailLayout>
  );
}

// Double opt-in for a waiting list: someone asked to wait for a place with this address; only its owner's click
// puts it on the list. Neutral words: it says what was asked for by its public label, nothing about anyone else.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import { conference, type WaitlistConfirmProps } from './types';

export function WaitlistConfirmEmail(props: WaitlistConfirmProps) {
  return (
    <EmailLayout
      preview="Confirm your waiting-list request with one click."
      heading="Please confirm your waiting-list request"
    >
      <P>Someone (we hope you) asked to join the waiting list for {conference(props.eventName)} with this address.</P>
      <Facts
        rows={[
          ['Waiting for', props.requestedFor],
          ['Confirm by', props.confirmBy],
        ]}
      />
      <P>To take your place on the list, confirm before the time above:</P>
      <Action href={props.confirmUrl}>Confirm my place</Action>
      <Muted>
        Your place in the queue counts from the moment you confirm. If a seat frees up, we email you an offer that holds
        it for a limited time.
      </Muted>
      <Muted>
        If you did not ask for this, ignore this email: the request lapses by itself and nothing else happens.
      </Muted>
    </EmailLayout>
  );
}

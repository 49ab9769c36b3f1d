// To an attendee whose access request changed: only that there is news and where to read it. The need, the
// status and the team's message stay on the attendee's own page: an email can be read over someone's shoulder.
import { Action, EmailLayout, Muted, P } from './layout';
import { conference, type AccessUpdateProps } from './types';

export function AccessUpdateEmail(props: AccessUpdateProps) {
  return (
    <EmailLayout preview="There is an update on your page." heading="An update about your registration">
      <P>There is an update about your registration for {conference(props.eventName)}.</P>
      <P>For your privacy this email does not say more. You can read it on your own page.</P>
      <Action href={props.pageUrl}>Open your page</Action>
      <Muted>Only you have this link. Please do not forward this email.</Muted>
    </EmailLayout>
  );
}

// To someone an owner invited to the registration team: a one-time link to choose a password. Neutral words only,
// like every email: the invitee's inbox may be read by others.
import { Action, EmailLayout, Facts, Muted, P } from './layout';
import { conference, type StaffInvitationProps } from './types';

export function StaffInvitationEmail(props: StaffInvitationProps) {
  return (
    <EmailLayout
      preview="You have been invited to help run the registration."
      heading="Your invitation to the registration team"
    >
      <P>You have been invited to help run the registration for {conference(props.eventName)}.</P>
      <Facts
        rows={[
          ['Role', props.role],
          ['Link valid until', props.expires],
        ]}
      />
      <Action href={props.url}>Choose your password</Action>
      <Muted>The link works once. If you did not expect this invitation, you can ignore this email.</Muted>
    </EmailLayout>
  );
}

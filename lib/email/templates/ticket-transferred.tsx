// To the previous holder of a ticket that was passed on to someone else: their QR code no longer admits anyone.
// It names neither the new holder nor the ticket's internal label.
import { EmailLayout, Facts, Muted, P } from './layout';
import { conference, type TicketTransferredProps } from './types';

export function TicketTransferredEmail(props: TicketTransferredProps) {
  return (
    <EmailLayout preview="A ticket in your name was passed on." heading="Your ticket was passed on">
      <P>A ticket for {conference(props.eventName)} that was in your name has been passed on to another person.</P>
      <Facts
        rows={[
          ['Order reference', props.reference],
          ['Ticket', props.label],
        ]}
      />
      <P>The QR code you received for it no longer works, so please delete it.</P>
      <Muted>If you did not expect this, reply to this email and the organizers will look into it.</Muted>
    </EmailLayout>
  );
}

// Sent a set time before the event: when and where, the tickets again (with their QR codes), and the order link.
import { Action, EmailLayout, EventSummary, H2, P, Ticket } from './layout';
import { conference, type ReminderProps } from './types';

export function ReminderEmail(props: ReminderProps) {
  const allOnline = props.tickets.length > 0 && props.tickets.every((t) => t.online);
  return (
    <EmailLayout
      preview={`A reminder: ${conference(props.eventName)} starts soon.`}
      heading="Your conference starts soon"
    >
      <P>This is a reminder that {conference(props.eventName)} starts soon. We look forward to seeing you.</P>
      <EventSummary event={props.event} online={allOnline} />
      <H2>{props.tickets.length === 1 ? 'Ticket' : 'Tickets'}</H2>
      {props.tickets.map((t, i) => (
        <Ticket key={i} ticket={t} reference={props.reference} />
      ))}
      <Action href={props.manageUrl}>Manage your registration</Action>
    </EmailLayout>
  );
}

// To the buyer once an order is paid (or free): every attendee's ticket with its QR code and workshops, and
// the private link to manage the order.
import { Action, CalendarLink, EmailLayout, EventSummary, Facts, H2, Muted, P, Ticket } from './layout';
import { conference, type OrderConfirmationProps } from './types';

export function OrderConfirmationEmail(props: OrderConfirmationProps) {
  const { tickets } = props;
  const allOnline = tickets.length > 0 && tickets.every((t) => t.online);
  return (
    <EmailLayout
      preview="Your registration is confirmed. Your tickets are inside."
      heading="Your registration is confirmed"
    >
      <P>Hello {props.buyerName},</P>
      <P>
        Thank you for registering for {conference(props.eventName)}.{' '}
        {tickets.length === 1 ? 'The ticket is' : `All ${tickets.length} tickets are`} below.
      </P>
      <Facts
        rows={[
          ['Order reference', props.reference],
          ['Amount paid', props.total ?? 'Free registration'],
        ]}
      />
      <EventSummary event={props.event} online={allOnline} />
      <H2>{tickets.length === 1 ? 'Ticket' : 'Tickets'}</H2>
      {tickets.map((t, i) => (
        <Ticket key={i} ticket={t} reference={props.reference} />
      ))}
      <P>Your private registration page shows your tickets and receipt, and lets you manage the registration:</P>
      <Action href={props.manageUrl}>Manage your registration</Action>
      <Muted>Keep this link to yourself: anyone who has it can see and change this registration.</Muted>
      <CalendarLink url={props.calendarUrl} />
    </EmailLayout>
  );
}

// To an attendee whose address differs from the buyer's: their own ticket and the link to their own private page
// (where they alone see and change their answers), never the order's private link (which would show the other
// attendees and let them cancel the order).
import { Action, CalendarLink, EmailLayout, EventSummary, Muted, P, Ticket } from './layout';
import { conference, type TicketProps } from './types';

export function TicketEmail(props: TicketProps) {
  return (
    <EmailLayout preview="Your ticket is inside." heading="Your ticket">
      <P>Hello {props.ticket.attendeeName},</P>
      <P>You have been registered for {conference(props.eventName)}. Your ticket is below.</P>
      <EventSummary event={props.event} online={props.ticket.online} />
      <Ticket ticket={props.ticket} reference={props.reference} />
      <P>
        Your own page shows your ticket and lets you check and change your details and private answers. Only you have
        this link.
      </P>
      <Action href={props.pageUrl}>Open your page</Action>
      <Muted>If your name is wrong, please ask the person who registered you, or reply to this email.</Muted>
      <CalendarLink url={props.calendarUrl} />
    </EmailLayout>
  );
}

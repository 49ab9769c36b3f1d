// Props of the email templates: plain, already formatted strings (dates in the event's timezone, money with
// its currency), so the templates stay pure props -> element and never see a database row or an internal label.

export interface BaseProps {
  /** The event's name when it opted in to being named in emails; null means "the conference". */
  eventName: string | null;
}

export interface EventFacts {
  /** e.g. "Thursday 28 March – Saturday 30 March 2030". */
  dates: string;
  /** Venue name and address, or null when there is none to show. */
  venue: string | null;
}

export interface WorkshopLine {
  title: string;
  /** Day and time range in the event's timezone, e.g. "Thursday 28 March, 09:00–10:30 CET". */
  when: string;
  where: string | null;
}

export interface TicketCard {
  attendeeName: string;
  /** The ticket type's public label: never its internal label. */
  label: string;
  /** A day pass's day, formatted; null when the ticket admits every day. */
  day: string | null;
  online: boolean;
  /** The QR image (served by the platform under the ticket's token, so emails carry no attachment) and its alternative text. */
  qr: { src: string; alt: string } | null;
  workshops: WorkshopLine[];
}

export interface OrderConfirmationProps extends BaseProps {
  buyerName: string;
  reference: string;
  event: EventFacts;
  tickets: TicketCard[];
  /** The amount paid, formatted; null for a free registration. */
  total: string | null;
  manageUrl: string;
  /** The buyer's calendar file (.ics): the event days and the workshops of the buyer's own tickets. */
  calendarUrl: string | null;
}

export interface TicketProps extends BaseProps {
  reference: string;
  event: EventFacts;
  ticket: TicketCard;
  /** This attendee's calendar file (.ics). */
  calendarUrl: string | null;
  /** The attendee's own private page: their ticket, details and answers. */
  pageUrl: string;
}

export interface PaymentReceiptProps extends BaseProps {
  buyerName: string;
  reference: string;
  paidAt: string;
  paymentReference: string | null;
  lines: { label: string; amount: string }[];
  discount: string | null;
  total: string;
  receiptUrl: string;
}

export interface PaymentFailedProps extends BaseProps {
  reference: string;
  /** Until when the seats stay held, formatted; null when unknown. */
  holdUntil: string | null;
  retryUrl: string;
}

export interface HoldExpiredProps extends BaseProps {
  reference: string;
  registerUrl: string;
}

export interface RefundProps extends BaseProps {
  reference: string;
  amount: string;
  totalRefunded: string;
  fullyRefunded: boolean;
  orderUrl: string;
}

export interface CancellationProps extends BaseProps {
  reference: string;
  /** The order was paid: a refund, if any, is confirmed in its own email. */
  wasPaid: boolean;
  registerUrl: string;
}

export interface WaitlistOfferProps extends BaseProps {
  /** The ticket's public label or the workshop's title. */
  offeredFor: string;
  deadline: string;
  offerUrl: string;
}

export interface WaitlistConfirmProps extends BaseProps {
  /** The ticket's public label or the workshop's title. */
  requestedFor: string;
  /** When the link stops working, formatted. */
  confirmBy: string;
  confirmUrl: string;
}

/** Why a payment could not be kept: it came after the seats were gone, it paid an order twice, or the order was closed. */
export type UnkeptPaymentReason = 'seats_gone' | 'duplicate' | 'closed';

export interface LatePaymentRefundedProps extends BaseProps {
  reference: string;
  amount: string;
  reason: UnkeptPaymentReason;
  registerUrl: string;
}

export interface ReminderProps extends BaseProps {
  reference: string;
  event: EventFacts;
  tickets: TicketCard[];
  manageUrl: string;
}

export interface OrderAccessProps extends BaseProps {
  /** One link per registration made with this address, newest first. */
  orders: { reference: string; url: string; status: string }[];
  /** How long the links work, e.g. "24 hours". */
  validFor: string;
  findUrl: string;
}

/** A change to an attendee's access request: deliberately says nothing of the need or of what changed. */
export interface AccessUpdateProps extends BaseProps {
  pageUrl: string;
}

export interface TicketTransferredProps extends BaseProps {
  reference: string;
  /** The ticket's public label. */
  label: string;
}

export interface StaffInvitationProps extends BaseProps {
  /** The role on screen, e.g. "Check-in staff". */
  role: string;
  url: string;
  /** When the link stops working, formatted. */
  expires: string;
}

export type EmailTemplate =
  | { kind: 'order_confirmation'; props: OrderConfirmationProps }
  | { kind: 'ticket'; props: TicketProps }
  | { kind: 'payment_receipt'; props: PaymentReceiptProps }
  | { kind: 'payment_failed'; props: PaymentFailedProps }
  | { kind: 'hold_expired'; props: HoldExpiredProps }
  | { kind: 'refund'; props: RefundProps }
  | { kind: 'cancellation'; props: CancellationProps }
  | { kind: 'waitlist_offer'; props: WaitlistOfferProps }
  | { kind: 'waitlist_confirm'; props: WaitlistConfirmProps }
  | { kind: 'late_payment_refunded'; props: LatePaymentRefundedProps }
  | { kind: 'reminder'; props: ReminderProps }
  | { kind: 'order_access'; props: OrderAccessProps }
  | { kind: 'ticket_transferred'; props: TicketTransferredProps }
  | { kind: 'staff_invitation'; props: StaffInvitationProps }
  | { kind: 'access_update'; props: AccessUpdateProps };

/** "the conference", or the event's name when it opted in. */
export function conference(eventName: string | null): string {
  return eventName ?? 'the conference';
}

// Subjects and inbox previews: what anyone glancing at an inbox can read, so neutral words only. They never
// name the conference or a ticket type; the event's name is added only when the organizer opts in
// (events.name_in_email_subjects). The sender's display name is the EMAIL_FROM setting, never the event's name.

export const EMAIL_KINDS = [
  'order_confirmation',
  'ticket',
  'payment_receipt',
  'payment_failed',
  'hold_expired',
  'refund',
  'cancellation',
  'waitlist_offer',
  'waitlist_confirm',
  'late_payment_refunded',
  'reminder',
  'order_access',
  'ticket_transferred',
  'staff_invitation',
  'access_update',
] as const;

export type EmailKind = (typeof EMAIL_KINDS)[number];

export function isEmailKind(kind: string): kind is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(kind);
}

const SUBJECTS: Record<EmailKind, string> = {
  order_confirmation: 'Your registration is confirmed',
  ticket: 'Your ticket',
  payment_receipt: 'Payment receipt for your registration',
  payment_failed: 'Your payment did not go through',
  hold_expired: 'Your seats were released',
  refund: 'Your refund',
  cancellation: 'Your registration was cancelled',
  waitlist_offer: 'A place is available for you',
  waitlist_confirm: 'Please confirm your waiting-list request',
  late_payment_refunded: 'Your payment was refunded',
  reminder: 'Reminder: your conference starts soon',
  order_access: 'The link to your registration',
  ticket_transferred: 'Your ticket was passed on',
  staff_invitation: 'Your invitation to the registration team',
  access_update: 'An update about your registration',
};

/** The generic subject, for anything that has no kind of its own. */
export const GENERIC_SUBJECT = 'Your conference registration';

/** One line, no control characters, bounded: a subject is a mail header (no header injection through a name). */
export function headerSafe(value: string, max = 120): string {
  const line = value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/**
 * The subject of an email. `eventName` is passed only when the event has opted in to naming itself;
 * otherwise nothing about the event appears.
 */
export function emailSubject(kind: string, options: { eventName?: string | null } = {}): string {
  const base = isEmailKind(kind) ? SUBJECTS[kind] : GENERIC_SUBJECT;
  const name = options.eventName ? headerSafe(options.eventName, 80) : '';
  return headerSafe(name ? `${base} – ${name}` : base, 160);
}

/** How emails refer to the event in their text: its name when it opted in, otherwise "the conference". */
export function eventLabel(event: { name: string; nameInEmailSubjects: boolean }): string | null {
  return event.nameInEmailSubjects ? headerSafe(event.name, 80) || null : null;
}

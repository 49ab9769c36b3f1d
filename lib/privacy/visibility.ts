// Who may see sensitive data: the one rule every reader follows. Staff: only roles holding 'attendees.sensitive'
// (owner, accessibility team), and every view or export is recorded (lib/privacy/sensitive-access.ts). Attendees:
// their own, on their own page. A buyer: only for tickets they manage, i.e. without an email of their own or in
// the buyer's own name; every other attendee's sensitive answers and pronouns are theirs alone, even when the
// buyer typed them at registration.
import type { UserRole } from '@/db/schema';
import { can } from '../staff/permissions';

export type SensitiveReason = 'viewed' | 'exported';

/** Staff roles that may open sensitive answers (and are audited each time they do). */
export function canSeeSensitive(role: UserRole): boolean {
  return can(role, 'attendees.sensitive');
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Whether the buyer manages this ticket's sensitive data: no email of its own, or the buyer's own ticket. */
export function buyerManagesTicket(ticket: { email: string }, order: { buyerEmail: string }): boolean {
  return !ticket.email.trim() || sameAddress(ticket.email, order.buyerEmail);
}

/**
 * Who is reading through a public link: the buyer (order link) sees sensitive data only of the tickets they
 * manage; the attendee (their own page) sees their own.
 */
export type PublicReader = { kind: 'buyer' } | { kind: 'attendee'; ticketId: string };

export function publicReaderMaySee(
  reader: PublicReader,
  ticket: { id: string; email: string },
  order: { buyerEmail: string },
): boolean {
  return reader.kind === 'attendee' ? reader.ticketId === ticket.id : buyerManagesTicket(ticket, order);
}

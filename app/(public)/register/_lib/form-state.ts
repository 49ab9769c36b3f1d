// The state the registration form and its server action pass back and forth. Plain data only: the values
// submitted (so every field survives the round trip), errors by field name, and the server's price quote.
export interface QuoteLineView {
  label: string;
  badgeName: string;
  price: string;
  discount: string | null;
  workshops: { title: string; startsAt: string; endsAt: string }[];
}

export interface QuoteView {
  lines: QuoteLineView[];
  subtotal: string;
  discount: string | null;
  total: string;
  isFree: boolean;
  voucherCode: string | null;
  holdMinutes: number;
}

export interface RegistrationFormState {
  /** Bumped by every answer, so the form remounts with the returned values as its defaults. */
  seq: number;
  values: Record<string, string[]>;
  fieldErrors: Record<string, string[]>;
  formError?: string;
  notice?: string;
  soldOut?: { message: string; waitlistHref: string | null };
  quote?: QuoteView;
  /** Identifies what was reviewed; confirming anything else goes back to the review. */
  fingerprint?: string;
}

export const initialRegistrationState: RegistrationFormState = { seq: 0, values: {}, fieldErrors: {} };

/** The element id of a field name: attendees.0.answers.dietary -> attendees-0-answers-dietary. */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** A question as the form asks it. */
export interface QuestionView {
  key: string;
  label: string;
  help: string;
  kind: 'text' | 'textarea' | 'select' | 'checkbox';
  options: string[];
  isRequired: boolean;
  isSensitive: boolean;
}

/** One attendee's place in the order: its ticket type, the questions it asks, the workshops it may book. */
export interface SlotView {
  ticketTypeId: string;
  label: string;
  questions: QuestionView[];
  /** Ids of the workshops this ticket may book; empty when it includes none. */
  workshopIds: string[];
}

export interface WorkshopView {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** YYYY-MM-DD in the event's zone. */
  day: string;
  seatsLeft: string | null;
  full: boolean;
  /** Titles of the other workshops at an overlapping time. */
  overlaps: string[];
}

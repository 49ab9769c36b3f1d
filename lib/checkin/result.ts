// The answers a scan can give, and their words. A result carries only what check-in staff need: the badge name,
// the ticket's public label and whether the person has an access arrangement (never what it is), never payment
// data, emails or answers to questions. Results about a code that
// belongs to someone else (transferred, another event, unknown) name nobody.
import { dateInZone, formatDay, formatTime, zoneAbbreviation } from '../time';

export type CheckinOutcome =
  'valid' | 'already_checked_in' | 'cancelled' | 'transferred' | 'not_valid_for_list' | 'wrong_event' | 'unknown';

export interface CheckinResult {
  outcome: CheckinOutcome;
  listId: string;
  listName: string;
  /** The event's zone, for showing when. */
  timezone: string;
  ticketId?: string;
  badgeName?: string;
  ticketType?: string;
  orderReference?: string;
  /** The accessibility team arranged something for this person; what, only the team knows. */
  hasAccessArrangement?: boolean;
  /** Why the ticket is refused (not_valid_for_list, cancelled). */
  reason?: string;
  /** The earlier check-in (already_checked_in), or this one (valid). */
  checkedInAt?: Date;
  checkedInBy?: string;
}

export const OUTCOME_TITLES: Record<CheckinOutcome, string> = {
  valid: 'Valid',
  already_checked_in: 'Already checked in',
  cancelled: 'Cancelled',
  transferred: 'Transferred',
  not_valid_for_list: 'Not valid for this list',
  wrong_event: 'Wrong event',
  unknown: 'Unknown ticket',
};

/** Only a valid scan lets the person in; every other outcome needs a second look. */
export function isAdmitted(outcome: CheckinOutcome): boolean {
  return outcome === 'valid';
}

/** A result as it travels to the browser: the time as an ISO string. */
export type PlainCheckinResult = Omit<CheckinResult, 'checkedInAt'> & { checkedInAt?: string };

/** "09:12 CET, Fri 29 Mar" in the event's zone. */
export function formatCheckinTime(at: Date, timeZone: string): string {
  return `${formatTime(at, timeZone)} ${zoneAbbreviation(at, timeZone)}, ${formatDay(dateInZone(at, timeZone), 'en-GB', 'short')}`;
}

/** The result in words: a heading and one sentence that says what to do. */
export function describeCheckin(result: CheckinResult | PlainCheckinResult): { title: string; detail: string } {
  const title = OUTCOME_TITLES[result.outcome];
  const at = result.checkedInAt ? new Date(result.checkedInAt) : null;
  switch (result.outcome) {
    case 'valid':
      return { title, detail: `Admitted: checked in now at ${result.listName}.` };
    case 'already_checked_in':
      return {
        title,
        detail: `Checked in at ${at ? formatCheckinTime(at, result.timezone) : 'an earlier time'}${result.checkedInBy ? ` by ${result.checkedInBy}` : ''}. Do not admit twice without checking.`,
      };
    case 'wrong_event':
      return { title, detail: 'This ticket is for another event.' };
    case 'unknown':
      return { title, detail: 'No ticket has this code. Check it, or search by name or order reference.' };
    default:
      return { title, detail: result.reason ?? 'This ticket does not admit here.' };
  }
}

/** One line for screen readers and logs-free announcements: "Valid: Robin, Full pass. Admitted: ..." */
export function checkinMessage(result: CheckinResult | PlainCheckinResult): string {
  const { title, detail } = describeCheckin(result);
  const who = result.badgeName ? ` ${result.badgeName}${result.ticketType ? `, ${result.ticketType}` : ''}.` : '';
  return `${title}:${who} ${detail}`;
}

// The public privacy notice (/privacy), generated from what the platform really does for this event: the
// organizer and privacy contact from the event settings, the questions the registration form asks (sensitive ones
// named as such), which staff roles see what (from the permission table), how long data is kept (the retention
// settings) and how to download or erase one's data. Nothing here is hand-written per deployment, so the notice
// cannot drift from the form it describes.
import { asc, eq } from 'drizzle-orm';
import { questions, type Event } from '@/db/schema';
import { PERMISSIONS, ROLE_LABELS } from '../staff/permissions';
import type { AppContext } from '../context';

export interface NoticeQuestion {
  label: string;
  sensitive: boolean;
  accessNeed: boolean;
}

export interface PrivacyNotice {
  eventName: string;
  organizerName: string;
  privacyContact: string;
  endsOn: string;
  questions: NoticeQuestion[];
  /** Staff roles that may open sensitive answers (every opening is recorded and shown to the attendee). */
  sensitiveRoles: string[];
  /** Staff roles that see attendees' names and tickets. */
  attendeeRoles: string[];
  sensitiveDays: number;
  personalDays: number;
}

export interface RetentionDays {
  sensitiveDays: number;
  personalDays: number;
}

const roleNames = (roles: readonly string[]) => roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS]);

export async function getPrivacyNotice(
  ctx: Pick<AppContext, 'db'>,
  event: Pick<Event, 'id' | 'name' | 'endsOn' | 'organizerName' | 'privacyContact'>,
  retention: RetentionDays,
): Promise<PrivacyNotice> {
  const rows = await ctx.db
    .select({ label: questions.label, isSensitive: questions.isSensitive, isAccessNeed: questions.isAccessNeed })
    .from(questions)
    .where(eq(questions.eventId, event.id))
    .orderBy(asc(questions.sortOrder), asc(questions.label));
  return {
    eventName: event.name,
    organizerName: event.organizerName.trim() || `The organizers of ${event.name}`,
    privacyContact: event.privacyContact.trim(),
    endsOn: event.endsOn,
    questions: rows.map((q) => ({
      label: q.label,
      sensitive: q.isSensitive || q.isAccessNeed,
      accessNeed: q.isAccessNeed,
    })),
    sensitiveRoles: roleNames(PERMISSIONS['attendees.sensitive']),
    attendeeRoles: roleNames(PERMISSIONS['attendees.view']),
    sensitiveDays: retention.sensitiveDays,
    personalDays: retention.personalDays,
  };
}

// What the buyer's and the attendee's own "edit details" pages share: the change deadline as written, and the
// body below the header: until the cut-off, an introduction and the form; after it, the reason and the details
// read-only.
import type { ReactNode } from 'react';
import { LocalInstant } from '@/app/_components/local-time';
import type { ManageTicket } from '@/lib/self-service/manage';
import { formatInstant } from '@/lib/time';
import { EditAttendeeForm } from '../tickets/[ticketId]/edit/edit-form';
import type { ManageAction } from './form-shell';
import { AttendeeDetails } from './attendee-details';
import { ClosedNotice } from './subpage';
import { CardSection } from '@/app/_components/card-section';

/** A deadline in the event's time zone, followed by the reader's local time where it differs. */
export function Deadline({ at, timeZone }: { at: Date; timeZone: string }) {
  return (
    <>
      <time dateTime={at.toISOString()}>{formatInstant(at, timeZone, { weekday: false })}</time>
      <LocalInstant at={at.toISOString()} timeZone={timeZone} />
    </>
  );
}

function initialValues(t: ManageTicket): Record<string, string[]> {
  const out: Record<string, string[]> = {
    badgeName: [t.badgeName],
    pronouns: t.pronouns ? [t.pronouns] : [],
    photoPreference: [t.photoPreference],
    directoryOptIn: t.directoryOptIn ? ['yes'] : [],
  };
  for (const q of t.questions)
    out[`answers.${q.key}`] = q.kind === 'checkbox' ? (q.value === 'yes' ? ['yes'] : []) : q.value ? [q.value] : [];
  return out;
}

interface AttendeeEditBodyProps {
  token: string;
  ticket: ManageTicket;
  changes: { open: boolean; closedMessage: string };
  /** Shown above the form while changes are open. */
  intro: ReactNode;
  heading: string;
  /** The form's own settings: the ticket (buyer's view), pronouns shown, the action. */
  form: { ticketId?: string; showPronouns?: boolean; action?: ManageAction };
}

export function AttendeeEditBody({ token, ticket, changes, intro, heading, form }: AttendeeEditBodyProps) {
  return changes.open ? (
    <>
      {intro}
      <CardSection id="edit-heading" heading={heading} gap={4}>
        <EditAttendeeForm
          token={token}
          initialValues={initialValues(ticket)}
          {...form}
          questions={ticket.questions.map((q) => ({
            key: q.key,
            label: q.label,
            help: q.help,
            kind: q.kind,
            options: q.options,
            isRequired: q.isRequired,
            isSensitive: q.isSensitive,
          }))}
        />
      </CardSection>
    </>
  ) : (
    <>
      <ClosedNotice message={changes.closedMessage} />
      <CardSection id="details-heading" heading={ticket.label} gap={3}>
        <AttendeeDetails ticket={ticket} />
      </CardSection>
    </>
  );
}

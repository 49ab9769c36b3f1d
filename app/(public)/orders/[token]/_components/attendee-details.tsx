// An attendee's details, read-only: after the change cut-off, and for reference beside the forms.
import type { ManageTicket } from '@/lib/self-service/manage';

export function AttendeeDetails({ ticket }: { ticket: ManageTicket }) {
  const rows: [string, string][] = [
    ['Full name', ticket.legalName],
    ['Email', ticket.email],
    ['Badge name', ticket.badgeName],
    ['Pronouns', ticket.privateToAttendee ? 'Private to the attendee' : ticket.pronouns || 'Not given'],
    ...ticket.questions.map((q): [string, string] => [
      q.isSensitive ? `${q.label} (private)` : q.label,
      q.kind === 'checkbox' ? (q.value === 'yes' ? 'Yes' : 'No') : q.value || 'Not given',
    ]),
    ['Attendee directory', ticket.directoryOptIn ? 'Listed' : 'Not listed'],
    [
      'Photos',
      ticket.photoPreference === 'ok'
        ? 'Photos that include this attendee are fine'
        : 'Please do not photograph this attendee',
    ],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-[0.9375rem]">
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="font-medium text-muted">{term}</dt>
          <dd className="whitespace-pre-line break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

// The emails about an order or an attendee, newest first, with their delivery state. Subjects only.
import type { EmailHistoryItem } from '@/lib/orders/staff-emails';
import { EMAIL_STATUS_LABELS, kindLabel } from './labels';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { DataTable } from '@/app/admin/_components/data-table';

const PROBLEM = new Set(['bounced', 'complained', 'failed', 'suppressed']);

export function EmailHistory({
  emails,
  timeZone,
  caption,
}: {
  emails: EmailHistoryItem[];
  timeZone: string;
  caption: string;
}) {
  if (!emails.length) return <p>No emails yet.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={caption}
        rows={emails}
        rowKey={(e) => e.id}
        columns={[
          {
            header: 'Email',
            cell: (e) => (
              <>
                <span className="capitalize">{kindLabel(e.kind)}</span>
                {e.subject ? <span className="block text-sm text-muted">{e.subject}</span> : null}
              </>
            ),
          },
          { header: 'To', className: 'break-all', cell: (e) => e.toEmail },
          {
            header: 'Status',
            cell: (e) => (
              <>
                <span className={PROBLEM.has(e.status) ? 'badge badge-note' : 'badge'}>
                  {EMAIL_STATUS_LABELS[e.status]}
                </span>
                {e.attempts > 1 ? <span className="block text-sm text-muted">{e.attempts} attempts</span> : null}
              </>
            ),
          },
          { header: 'Queued', cell: (e) => <EventInstant at={e.createdAt} timeZone={timeZone} /> },
          { header: 'Sent', cell: (e) => (e.sentAt ? <EventInstant at={e.sentAt} timeZone={timeZone} /> : '—') },
        ]}
      />
    </div>
  );
}

// The emails about an order or an attendee, newest first, with their delivery state. Subjects only.
import type { EmailHistoryItem } from '@/lib/orders/staff-emails';
import { EMAIL_STATUS_LABELS, kindLabel } from './labels';
import { EventInstant } from '@/app/admin/_components/event-instant';

const PROBLEM = new Set(['bounced', 'complained', 'failed', 'suppressed']);

export function EmailHistory({ emails, timeZone, caption }: { emails: EmailHistoryItem[]; timeZone: string; caption: string }) {
  if (!emails.length) return <p>No emails yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-[0.9375rem]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">Email</th>
            <th scope="col" className="py-2 pr-4">To</th>
            <th scope="col" className="py-2 pr-4">Status</th>
            <th scope="col" className="py-2 pr-4">Queued</th>
            <th scope="col" className="py-2">Sent</th>
          </tr>
        </thead>
        <tbody>
          {emails.map((e) => (
            <tr key={e.id} className="border-b border-line align-top">
              <td className="py-2 pr-4">
                <span className="capitalize">{kindLabel(e.kind)}</span>
                {e.subject ? <span className="block text-sm text-muted">{e.subject}</span> : null}
              </td>
              <td className="py-2 pr-4 break-all">{e.toEmail}</td>
              <td className="py-2 pr-4">
                <span className={PROBLEM.has(e.status) ? 'badge badge-note' : 'badge'}>{EMAIL_STATUS_LABELS[e.status]}</span>
                {e.attempts > 1 ? <span className="block text-sm text-muted">{e.attempts} attempts</span> : null}
              </td>
              <td className="py-2 pr-4"><EventInstant at={e.createdAt} timeZone={timeZone} /></td>
              <td className="py-2">{e.sentAt ? <EventInstant at={e.sentAt} timeZone={timeZone} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Audit entries (who did what, when), newest first. Summaries never carry sensitive answers.
import type { AuditEntry } from '@/db/schema';
import { EventInstant } from '@/app/admin/_components/event-instant';

export function AuditTrail({ entries, timeZone, caption }: { entries: AuditEntry[]; timeZone: string; caption: string }) {
  if (!entries.length) return <p>Nothing recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-[0.9375rem]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">When</th>
            <th scope="col" className="py-2 pr-4">Who</th>
            <th scope="col" className="py-2 pr-4">Action</th>
            <th scope="col" className="py-2">What</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((a) => (
            <tr key={a.id} className="border-b border-line align-top">
              <td className="py-2 pr-4"><EventInstant at={a.createdAt} timeZone={timeZone} /></td>
              <td className="py-2 pr-4 break-all">{a.actorLabel || a.actorType}</td>
              <td className="py-2 pr-4 font-mono text-sm">{a.action}</td>
              <td className="py-2">{a.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

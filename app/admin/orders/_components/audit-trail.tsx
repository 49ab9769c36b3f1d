// Audit entries (who did what, when), newest first. Summaries never carry sensitive answers.
import type { AuditEntry } from '@/db/schema';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { DataTable } from '@/app/admin/_components/data-table';

export function AuditTrail({
  entries,
  timeZone,
  caption,
}: {
  entries: AuditEntry[];
  timeZone: string;
  caption: string;
}) {
  if (!entries.length) return <p>Nothing recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption={caption}
        rows={entries}
        rowKey={(a) => a.id}
        columns={[
          { header: 'When', cell: (a) => <EventInstant at={a.createdAt} timeZone={timeZone} /> },
          { header: 'Who', className: 'break-all', cell: (a) => a.actorLabel || a.actorType },
          { header: 'Action', className: 'font-mono text-sm', cell: (a) => a.action },
          { header: 'What', cell: (a) => a.summary },
        ]}
      />
    </div>
  );
}

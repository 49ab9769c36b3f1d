// The local mailbox (development): every email the platform sent while no provider is configured, newest first,
// so a newcomer sees what attendees receive. Only while the local mailer is active; otherwise a 404.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { listMailbox } from '@/lib/adapters/mailer/local';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Mailbox' };
export const dynamic = 'force-dynamic';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export default async function MailboxPage() {
  await requirePermission('emails.view', '/admin/mailbox');
  const ctx = getContext();
  if (ctx.mailer.name !== 'local') notFound();
  const messages = await listMailbox(ctx.config.MAILBOX_DIR);
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Mailbox</h1>
        <p className="mt-2 text-muted">
          No email provider is configured, so emails are kept here instead of being sent (in{' '}
          <code>{ctx.config.MAILBOX_DIR}</code>). Set <code>RESEND_API_KEY</code> to send them through Resend.
        </p>
      </header>
      {messages.length === 0 ? (
        <p className="card p-4">No emails yet. Register for a ticket and the confirmation appears here.</p>
      ) : (
        <div className="overflow-x-auto">
          <DataTable
            caption="Emails, newest first"
            rows={messages}
            rowKey={(m) => m.id}
            columns={[
              {
                header: 'Sent (UTC)',
                className: 'whitespace-nowrap',
                cell: (m) => <time dateTime={m.createdAt}>{when.format(new Date(m.createdAt))}</time>,
              },
              { header: 'To', className: 'break-all', cell: (m) => m.to },
              { header: 'Subject', cell: (m) => <Link href={`/admin/mailbox/${m.id}`}>{m.subject}</Link> },
              { header: 'Kind', cell: (m) => m.kind?.replaceAll('_', ' ') ?? '—' },
            ]}
          />
        </div>
      )}
    </div>
  );
}

// One email of the local mailbox: its HTML in a sandboxed frame (no scripts, no same-origin access; inline
// images shown from the stored attachments), the plain-text part and the attachment names.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { htmlWithInlineImages, readMailboxMessage } from '@/lib/adapters/mailer/local';

export const metadata: Metadata = { title: 'Email' };
export const dynamic = 'force-dynamic';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission('emails.view', `/admin/mailbox/${encodeURIComponent(id)}`);
  const ctx = getContext();
  if (ctx.mailer.name !== 'local') notFound();
  const message = await readMailboxMessage(ctx.config.MAILBOX_DIR, id);
  if (!message) notFound();
  const html = await htmlWithInlineImages(ctx.config.MAILBOX_DIR, message);
  return (
    <div className="flex flex-col gap-6">
      <p>
        <Link href="/admin/mailbox">← Mailbox</Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{message.subject}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium text-muted">From</dt>
          <dd className="break-all">{message.from}</dd>
          <dt className="font-medium text-muted">To</dt>
          <dd className="break-all">{message.to}</dd>
          <dt className="font-medium text-muted">Sent (UTC)</dt>
          <dd>
            <time dateTime={message.createdAt}>{when.format(new Date(message.createdAt))}</time>
          </dd>
          <dt className="font-medium text-muted">Kind</dt>
          <dd>{message.kind?.replaceAll('_', ' ') ?? '—'}</dd>
        </dl>
      </header>
      <section aria-labelledby="html-heading" className="flex flex-col gap-2">
        <h2 id="html-heading" className="text-xl font-semibold">
          As the recipient sees it
        </h2>
        <iframe
          title={`Email: ${message.subject}`}
          srcDoc={html}
          sandbox=""
          className="h-[48rem] w-full rounded-md border border-line bg-white"
        />
      </section>
      <section aria-labelledby="text-heading" className="flex flex-col gap-2">
        <h2 id="text-heading" className="text-xl font-semibold">
          Plain-text part
        </h2>
        <pre className="card overflow-x-auto whitespace-pre-wrap p-4 text-sm">{message.text}</pre>
      </section>
      <section aria-labelledby="attachments-heading" className="flex flex-col gap-2">
        <h2 id="attachments-heading" className="text-xl font-semibold">
          Attachments
        </h2>
        {message.attachments.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="list-disc pl-6">
            {message.attachments.map((a) => (
              <li key={a.file}>
                {a.filename}{' '}
                <span className="text-muted">
                  ({a.contentType}, {size(a.size)}
                  {a.contentId ? ', shown inline' : ''})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

// Privacy ('privacy.manage', owners only): erase a person by email, decide the erasure requests attendees sent from
// their own page, export a person's data, and the latest retention passes (from the audit log). Retention itself
// runs daily in housekeeping and on demand with `npm run privacy:retention`.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { formatInEventZone } from '@/app/admin/_components/event-instant';
import { listPendingErasureRequests, listRetentionPasses } from '@/lib/rights/erasure-requests';
import { DecideForm, EraseForm } from './_components/privacy-forms';
import { PlainTable } from '@/app/_components/plain-table';

export const metadata: Metadata = { title: 'Privacy' };
export const dynamic = 'force-dynamic';

const ZONE = 'UTC';

const DONE: Record<string, string> = {
  erased: 'Request confirmed: the person’s data is erased.',
  settled: 'Request confirmed; nothing was left to erase.',
  declined: 'Request declined. The attendee’s data stays.',
};

export default async function PrivacyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission('privacy.manage', '/admin/privacy');
  const query = await searchParams;
  const done = typeof query.done === 'string' && Object.hasOwn(DONE, query.done) ? DONE[query.done] : undefined;
  const ctx = getContext();
  const [pending, passes] = await Promise.all([listPendingErasureRequests(ctx, user), listRetentionPasses(ctx)]);
  const { SENSITIVE_DATA_RETENTION_DAYS: sensitive, PERSONAL_DATA_RETENTION_DAYS: personal } = ctx.config;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Privacy</h1>
        <p className="mt-2 text-muted">
          Erase a person’s data, decide erasure requests, export what the platform holds about someone. Erasing replaces
          names, addresses and answers for good, revokes every link and drops unsent email; amounts, dates, references
          and the billing name of a paid order stay, as accounting requires. The audit log records that an erasure
          happened, not whose.
        </p>
        <p className="mt-2">
          <Link href="/admin/privacy/export">Export a person’s data by email address</Link>
        </p>
      </header>
      {done ? (
        <p role="status" className="card p-4 font-medium">
          {done}
        </p>
      ) : null}

      <section aria-labelledby="requests-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
        <h2 id="requests-heading" className="text-xl font-semibold">
          Erasure requests
        </h2>
        {pending.length === 0 ? (
          <p>No pending requests.</p>
        ) : (
          <div className="overflow-x-auto">
            <PlainTable
              caption="Pending erasure requests, oldest first"
              className="w-full border-collapse text-left text-[0.9375rem]"
              rowClassName="border-b border-line align-top"
              rows={pending}
              rowKey={(r) => r.id}
              columns={[
                {
                  header: 'Requested',
                  cell: (r) => (
                    <time dateTime={r.requestedAt.toISOString()}>{formatInEventZone(r.requestedAt, ZONE)}</time>
                  ),
                },
                {
                  header: 'Who',
                  cellClassName: 'break-all',
                  cell: (r) => (
                    <>
                      {r.badgeName ? `${r.badgeName}, ` : ''}
                      {r.email}
                    </>
                  ),
                },
                { header: 'Event', cell: (r) => r.eventName ?? '—' },
                {
                  header: 'Decision',
                  cell: (r) => (
                    <div className="flex flex-wrap gap-2">
                      <DecideForm id={r.id} decision="confirm" />
                      <DecideForm id={r.id} decision="decline" />
                    </div>
                  ),
                },
              ]}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="erase-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
        <h2 id="erase-heading" className="text-xl font-semibold">
          Erase a person
        </h2>
        <EraseForm />
      </section>

      <section aria-labelledby="retention-heading" className="card flex flex-col gap-3 p-4 sm:p-5">
        <h2 id="retention-heading" className="text-xl font-semibold">
          Retention
        </h2>
        <p>
          Sensitive answers, pronouns and access requests are purged {sensitive} days after an event ends; other
          personal data of attendees and buyers is anonymized {personal} days after it, accounting records kept. A pass
          runs daily; run one with
          <code> npm run privacy:retention</code> (add <code>-- --dry-run</code> to list what would go).
        </p>
        {passes.length === 0 ? (
          <p>No retention pass has run yet.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {passes.map((p) => (
              <li key={p.id}>
                <time dateTime={p.createdAt.toISOString()}>{formatInEventZone(p.createdAt, ZONE)}</time>: {p.summary}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

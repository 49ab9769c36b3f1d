// One access request ('access.manage'): who, their access answers (opening this page is a recorded view of their
// sensitive data, listed on their own page), and the team's form: status, assignee, internal notes, message to
// the attendee.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { AdminForm } from '@/app/admin/_components/admin-form';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { SelectField, TextAreaField } from '@/app/admin/_components/fields';
import { getAccessRequest } from '@/lib/access/queue';
import { ACCESS_STATUS_LABELS, ACCESS_STATUSES } from '@/lib/access/requests';
import { updateAccessRequestAction } from '../actions';
import { findCurrentEvent } from '@/app/_lib/current-event';

export const metadata: Metadata = { title: 'Access request' };
export const dynamic = 'force-dynamic';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-3 border-b border-line py-1.5">
      <dt className="min-w-40 font-semibold">{term}</dt>
      <dd className="whitespace-pre-line break-words">{children}</dd>
    </div>
  );
}

export default async function AccessRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePermission('access.manage', `/admin/access/${encodeURIComponent(id)}`);
  const ctx = getContext();
  const request = await getAccessRequest(ctx, { id, reader: user });
  if (!request) notFound();
  const event = await findCurrentEvent();
  const tz = event?.timezone ?? 'UTC';
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <p>
        <Link href="/admin/access">← All access requests</Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">Access request: {request.badgeName}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <span className="badge badge-brand">{ACCESS_STATUS_LABELS[request.status]}</span>
          <span className="text-muted">
            Order <span className="font-mono">{request.reference}</span> · {request.ticketLabel}
          </span>
        </p>
      </header>

      <section aria-labelledby="who-heading">
        <h2 id="who-heading" className="mb-2 text-xl font-semibold">
          Attendee
        </h2>
        <dl>
          <Fact term="Full name">{request.legalName}</Fact>
          <Fact term="Badge name">{request.badgeName}</Fact>
          {request.pronouns ? <Fact term="Pronouns">{request.pronouns}</Fact> : null}
          <Fact term="Email">{request.email}</Fact>
          <Fact term="Received">
            <EventInstant at={request.createdAt} timeZone={tz} />
          </Fact>
          {request.answerChangedAt ? (
            <Fact term="Answer changed">
              <EventInstant at={request.answerChangedAt} timeZone={tz} />
            </Fact>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="needs-heading">
        <h2 id="needs-heading" className="mb-2 text-xl font-semibold">
          What they asked for
        </h2>
        <dl>
          {request.needs.map((n) => (
            <Fact key={n.key} term={n.label}>
              {n.value || 'No answer (any more)'}
            </Fact>
          ))}
        </dl>
      </section>

      <section aria-labelledby="work-heading" className="card p-4 sm:p-5">
        <h2 id="work-heading" className="mb-3 text-xl font-semibold">
          Work on this request
        </h2>
        <AdminForm action={updateAccessRequestAction} submitLabel="Save" keepValues>
          <input type="hidden" name="id" value={request.id} />
          <SelectField
            name="status"
            label="Status"
            defaultValue={request.status}
            options={ACCESS_STATUSES.map((s) => ({ value: s, label: ACCESS_STATUS_LABELS[s] }))}
            hint="The attendee sees the status on their own page."
          />
          <SelectField
            name="assigneeUserId"
            label="Assigned to"
            required={false}
            defaultValue={request.assigneeUserId ?? ''}
            options={[
              { value: '', label: 'Nobody yet' },
              ...request.team.map((m) => ({ value: m.id, label: m.label })),
            ]}
          />
          <TextAreaField
            name="message"
            label="Message to the attendee"
            defaultValue={request.message}
            rows={4}
            hint="Shown on their own page. A changed status or message sends them an email that only says there is news."
          />
          <TextAreaField
            name="notes"
            label="Internal notes"
            defaultValue={request.notes}
            rows={5}
            hint="For the accessibility team only; never shown to the attendee. Stored encrypted."
          />
        </AdminForm>
      </section>
    </div>
  );
}

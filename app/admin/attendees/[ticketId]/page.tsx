// One attendee ('attendees.view'): details, ticket and workshops, answers (sensitive ones only for roles holding
// 'attendees.sensitive', and each such view is audited), check-ins, email history with a warning when the
// address is suppressed, and the ticket's audit trail. With 'attendees.edit', the form to correct the details.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SessionTime } from '@/app/_components/session-time';
import { requirePermission } from '@/app/_lib/authz';
import { getContext } from '@/app/_lib/context';
import { getAttendeeDetail } from '@/lib/attendees/detail';
import { can } from '@/lib/staff/permissions';
import { ACCESS_STATUS_LABELS } from '@/lib/access/requests';
import { AuditTrail } from '../../orders/_components/audit-trail';
import { EmailHistory } from '../../orders/_components/email-history';
import { EventInstant } from '@/app/admin/_components/event-instant';
import { SOURCE_LABELS, statusLabel } from '../../orders/_components/labels';
import { EditAttendeeForm } from './edit-form';
import { DataTable } from '@/app/admin/_components/data-table';

export const metadata: Metadata = { title: 'Attendee' };
export const dynamic = 'force-dynamic';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-3 border-b border-line py-1.5">
      <dt className="min-w-40 font-semibold">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function answerText(kind: string, value: string | null): string {
  if (value === null || value === '') return 'No answer';
  if (kind === 'checkbox') return value === 'yes' ? 'Yes' : 'No';
  return value;
}

export default async function AdminAttendeePage({ params }: { params: Promise<{ ticketId: string }> }) {
  const { ticketId } = await params;
  const user = await requirePermission('attendees.view', `/admin/attendees/${encodeURIComponent(ticketId)}`);
  const detail = await getAttendeeDetail(getContext(), { ticketId, viewer: user });
  if (!detail) notFound();
  const { ticket, order, timezone: tz } = detail;
  return (
    <div className="flex flex-col gap-8">
      <p>
        <Link href="/admin/attendees">← All attendees</Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl font-bold">{ticket.legalName}</h1>
        <p className="flex flex-wrap items-center gap-2">
          <span className="badge badge-brand">{detail.ticketType.internalLabel}</span>
          <span className="badge">{statusLabel(order.status)}</span>
          <span className="text-muted">
            Order{' '}
            {can(user.role, 'orders.view') ? (
              <Link href={`/admin/orders/${order.id}`} className="font-mono">
                {order.reference}
              </Link>
            ) : (
              <span className="font-mono">{order.reference}</span>
            )}
            {order.source !== 'online' ? ` · ${SOURCE_LABELS[order.source] ?? order.source}` : ''}
          </span>
        </p>
      </header>

      {detail.suppression ? (
        <p className="card badge-note p-3" role="note">
          <strong>Emails to {ticket.email} are not being sent.</strong> The address{' '}
          {detail.suppression.reason === 'complained' ? 'reported our email as spam' : 'bounced'} on{' '}
          <EventInstant at={detail.suppression.createdAt} timeZone={tz} />. Check the address with the attendee and
          correct it below.
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-2 text-xl font-semibold">
            Details
          </h2>
          <dl>
            <Fact term="Full (legal) name">{ticket.legalName}</Fact>
            <Fact term="Badge name">{ticket.badgeName}</Fact>
            <Fact term="Email">
              <span className="break-all">{ticket.email}</span>
            </Fact>
            <Fact term="Pronouns">
              {ticket.pronouns === null
                ? 'Hidden (sensitive: owner and accessibility team only)'
                : ticket.pronouns || '—'}
            </Fact>
            <Fact term="Directory">{ticket.directoryOptIn ? 'Listed' : 'Not listed'}</Fact>
            <Fact term="Photos">{ticket.photoPreference === 'ok' ? 'Photos are fine' : 'No photos'}</Fact>
            <Fact term="Ticket">
              {detail.ticketType.internalLabel}
              {detail.ticketType.label !== detail.ticketType.internalLabel
                ? ` (shown as “${detail.ticketType.label}”)`
                : ''}
            </Fact>
            <Fact term="Buyer">{order.buyerName}</Fact>
            <Fact term="Registered">
              <EventInstant at={ticket.createdAt} timeZone={tz} />
            </Fact>
            {ticket.transferredAt ? (
              <Fact term="Transferred">
                <EventInstant at={ticket.transferredAt} timeZone={tz} />
              </Fact>
            ) : null}
            {detail.access ? (
              <Fact term="Access">
                {'id' in detail.access ? (
                  <Link href={`/admin/access/${detail.access.id}`}>
                    Access request: {ACCESS_STATUS_LABELS[detail.access.status]}
                  </Link>
                ) : (
                  'Has an access arrangement (the accessibility team has the details)'
                )}
              </Fact>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="workshops-heading">
          <h2 id="workshops-heading" className="mb-2 text-xl font-semibold">
            Workshops
          </h2>
          {detail.workshops.length ? (
            <ul className="flex flex-col gap-2">
              {detail.workshops.map((w) => (
                <li key={`${w.title}-${w.startsAt.toISOString()}`}>
                  <span className="block font-medium">{w.title}</span>
                  <SessionTime startsAt={w.startsAt} endsAt={w.endsAt} timeZone={tz} showDay />
                </li>
              ))}
            </ul>
          ) : (
            <p>No workshops booked.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading" className="mb-2 text-xl font-semibold">
          Answers
        </h2>
        {detail.answers.length ? (
          <dl>
            {detail.answers.map((a) => (
              <Fact key={a.id} term={a.isSensitive ? `${a.label} (sensitive)` : a.label}>
                {answerText(a.kind, a.value)}
                {!a.asked ? (
                  <span className="block text-sm text-muted">No longer asked for this ticket type.</span>
                ) : null}
              </Fact>
            ))}
          </dl>
        ) : (
          <p>No questions for this ticket.</p>
        )}
        {detail.sensitiveHidden ? (
          <p className="mt-3 text-muted" role="note">
            Answers to sensitive questions (such as access or dietary needs) are hidden for your role.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="checkins-heading">
        <h2 id="checkins-heading" className="mb-2 text-xl font-semibold">
          Check-ins
        </h2>
        {detail.checkIns.length ? (
          <div className="overflow-x-auto">
            <DataTable
              caption="Check-ins of this attendee"
              rows={detail.checkIns}
              rowKey={(c) => `${c.list}-${c.checkedInAt.toISOString()}`}
              columns={[
                { header: 'List', cell: (c) => c.list },
                { header: 'When', cell: (c) => <EventInstant at={c.checkedInAt} timeZone={tz} /> },
                { header: 'By', className: 'break-all', cell: (c) => c.by || '—' },
              ]}
            />
          </div>
        ) : (
          <p>Not checked in yet.</p>
        )}
      </section>

      <section aria-labelledby="emails-heading">
        <h2 id="emails-heading" className="mb-2 text-xl font-semibold">
          Emails
        </h2>
        <EmailHistory emails={detail.emails} timeZone={tz} caption="Emails for this attendee, newest first" />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading" className="mb-2 text-xl font-semibold">
          History
        </h2>
        <AuditTrail
          entries={detail.audit}
          timeZone={tz}
          caption="Changes to and views of this attendee, newest first"
        />
      </section>

      {can(user.role, 'attendees.edit') ? (
        <section aria-labelledby="edit-heading" className="card p-4">
          <h2 id="edit-heading" className="mb-4 text-xl font-semibold">
            Correct details
          </h2>
          <EditAttendeeForm detail={detail} />
        </section>
      ) : null}
    </div>
  );
}

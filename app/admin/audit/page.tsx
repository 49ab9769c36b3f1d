// The audit log (owner only): who did what and when, newest first, 50 to a page, filtered by action, actor,
// order reference and a range of the event's calendar days. A GET form, so the URL holds the filters and it
// works without JavaScript; bad filters are shown beside their fields and match nothing.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/app/_lib/authz';
import { getRequestContext } from '@/app/_lib/request-context';
import { EventInstant } from '@/app/admin/_components/event-instant';
import {
  AUDIT_FILTER_KEYS,
  listAuditActions,
  listAuditEntries,
  parseAuditFilters,
  type AuditFilterInput,
  type AuditPage,
} from '@/lib/audit/queries';
import { isDomainError } from '@/lib/errors';
import { findCurrentEvent } from '@/app/_lib/current-event';
import { DataTable } from '@/app/admin/_components/data-table';
import { FilterField, FilterForm } from '@/app/admin/_components/list-filters';
import { FieldError } from '@/app/_components/field-message';

export const metadata: Metadata = { title: 'Audit log' };
export const dynamic = 'force-dynamic';

type RawParams = Record<string, string | string[] | undefined>;

function readParams(params: RawParams): AuditFilterInput {
  const out: AuditFilterInput = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value) out[key] = value.slice(0, 500);
  }
  return out;
}

function pageHref(input: AuditFilterInput, page: number): string {
  const q = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (key !== 'page' && input[key]) q.set(key, input[key]!);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string[];
  children: (describedBy?: string) => React.ReactNode;
}) {
  const errorId = error?.length ? `${id}-error` : undefined;
  return (
    <FilterField id={id} label={label}>
      {children(errorId)}
      <FieldError id={errorId} messages={error} />
    </FilterField>
  );
}

/** A text or date filter named `name`, with its error beside it. */
function InputFilter({
  name,
  label,
  type,
  maxLength,
  input,
  errors,
}: {
  name: 'actor' | 'order' | 'from' | 'to';
  label: string;
  type: 'search' | 'date';
  maxLength?: number;
  input: AuditFilterInput;
  errors: Record<string, string[]>;
}) {
  const id = `audit-${name}`;
  return (
    <Field id={id} label={label} error={errors[name]}>
      {(d) => (
        <input
          id={id}
          name={name}
          type={type}
          defaultValue={input[name]}
          maxLength={maxLength}
          aria-describedby={d}
          aria-invalid={errors[name]?.length ? true : undefined}
          className="field-control"
        />
      )}
    </Field>
  );
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requirePermission('audit.view', '/admin/audit');
  const input = readParams(await searchParams);
  const ctx = await getRequestContext();
  const event = await findCurrentEvent();
  const timeZone = event?.timezone ?? 'UTC';
  let result: AuditPage | null = null;
  let errors: Record<string, string[]> = {};
  try {
    result = await listAuditEntries(ctx, parseAuditFilters(input), timeZone);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errors = error.fieldErrors;
  }
  const actions = await listAuditActions(ctx);
  const kinds = [...new Set(actions.map((a) => `${a.split('.')[0]}.`))];
  const filtered = AUDIT_FILTER_KEYS.some((k) => k !== 'page' && input[k]);

  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Audit log</h1>
        <p className="mt-2 text-muted">
          Every change made by staff, attendees, the payment provider and the system. Dates are in the event&apos;s time
          zone ({timeZone.replace(/_/g, ' ')}).
        </p>
      </header>

      <FilterForm
        action="/admin/audit"
        label="Audit log"
        className="card grid gap-4 p-4 sm:grid-cols-2 lg:grid-cols-3"
        submitLabel="Filter"
        filtered={filtered}
        noValidate
      >
        <Field id="audit-action" label="Action" error={errors.action}>
          {(d) => (
            <select
              id="audit-action"
              name="action"
              defaultValue={input.action ?? ''}
              aria-describedby={d}
              aria-invalid={errors.action?.length ? true : undefined}
              className="field-control"
            >
              <option value="">Any action</option>
              <optgroup label="Every action of a kind">
                {kinds.map((k) => (
                  <option key={k} value={k}>{`${k}* (every ${k.slice(0, -1)} action)`}</option>
                ))}
              </optgroup>
              <optgroup label="One action">
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <InputFilter
          name="actor"
          label="Actor (part of an email, or stripe, system, attendee)"
          type="search"
          maxLength={254}
          input={input}
          errors={errors}
        />
        <InputFilter name="order" label="Order reference" type="search" maxLength={40} input={input} errors={errors} />
        <InputFilter name="from" label="From (day)" type="date" input={input} errors={errors} />
        <InputFilter name="to" label="To (day, included)" type="date" input={input} errors={errors} />
      </FilterForm>

      <section aria-labelledby="audit-results" className="flex flex-col gap-4">
        <h2 id="audit-results" className="sr-only">
          Entries
        </h2>
        <p role="status" aria-live="polite">
          {!result
            ? 'Some filters are not valid: see the messages beside them.'
            : result.entries.length === 0
              ? 'No entries match.'
              : `Page ${result.page}: entries ${(result.page - 1) * 50 + 1} to ${(result.page - 1) * 50 + result.entries.length}${result.hasNext ? ', more on the next page' : ''}.`}
        </p>
        {result && result.entries.length ? (
          <div className="overflow-x-auto">
            <DataTable
              caption="Audit log entries, newest first"
              rows={result.entries}
              rowKey={(e) => e.id}
              columns={[
                { header: 'When', cell: (e) => <EventInstant at={e.createdAt} timeZone={timeZone} /> },
                { header: 'Who', className: 'break-all', cell: (e) => e.actorLabel || e.actorType },
                { header: 'Action', className: 'font-mono text-sm', cell: (e) => e.action },
                {
                  header: 'Target',
                  cell: (e) =>
                    e.orderId && e.orderReference ? (
                      <Link href={`/admin/orders/${e.orderId}`} className="font-mono">
                        {e.orderReference}
                      </Link>
                    ) : e.targetType ? (
                      <span>{e.targetType}</span>
                    ) : (
                      '—'
                    ),
                },
                { header: 'Summary', cell: (e) => e.summary },
              ]}
            />
          </div>
        ) : null}
        {result && (result.page > 1 || result.hasNext) ? (
          <nav aria-label="Pages of the audit log" className="flex flex-wrap items-center gap-3">
            {result.page > 1 ? (
              <Link className="btn btn-secondary" href={pageHref(input, result.page - 1)} rel="prev">
                Newer entries
              </Link>
            ) : null}
            {result.hasNext ? (
              <Link className="btn btn-secondary" href={pageHref(input, result.page + 1)} rel="next">
                Older entries
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}

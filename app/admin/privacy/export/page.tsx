// Export a person's data (owners only, 'privacy.manage'): an email address in, a JSON file out, with everything
// held about that person as buyer and as attendee. The form posts to /api/admin/privacy/export, which checks the
// permission again, opens sensitive answers through the audited path and audits the export; a failed post comes
// back here with ?error=.
import type { Metadata } from 'next';
import { requirePermission } from '@/app/_lib/authz';

export const metadata: Metadata = { title: 'Export personal data' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = {
  invalid: 'Enter a valid email address, like name@example.org.',
  none: 'Nothing is held for this email address: no orders, tickets, waiting-list entries or emails.',
  throttled: 'Too many exports in a short time. Please wait a few minutes and try again.',
};

export default async function PrivacyExportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('privacy.manage', '/admin/privacy/export');
  const query = await searchParams;
  const error = typeof query.error === 'string' && Object.hasOwn(ERRORS, query.error) ? ERRORS[query.error] : undefined;
  return (
    <div className="flex flex-col gap-6">
      <header>
        <h1 className="text-3xl font-bold">Export a person&apos;s data</h1>
        <p className="mt-2 max-w-prose text-muted">
          For a request to see one&apos;s data: everything held about an email address, as buyer and as attendee, across
          orders, waiting lists, access requests and emails, as a JSON file. Private answers are included; each attendee
          sees on their own page that an owner exported them, and the export is recorded in the audit log.
        </p>
      </header>
      <form
        method="post"
        action="/api/admin/privacy/export"
        className="card flex max-w-xl flex-col gap-4 p-4 sm:p-5"
        noValidate
      >
        <div>
          <label htmlFor="export-email" className="field-label">
            Email address
          </label>
          <input
            id="export-email"
            name="email"
            type="email"
            required
            maxLength={320}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'export-error' : undefined}
            className="field-control"
          />
          {error ? (
            <p id="export-error" role="alert" className="mt-1 text-sm font-medium text-[#b42318]">
              <span aria-hidden="true">⚠ </span>
              {error}
            </p>
          ) : null}
        </div>
        <p>
          <button type="submit" className="btn btn-primary">
            Download the data (JSON)
          </button>
        </p>
      </form>
    </div>
  );
}

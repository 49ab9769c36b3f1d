// POST /api/admin/privacy/export (owners, 'privacy.manage'): everything held about a person, by email address,
// as a JSON download (lib/rights/export.ts opens sensitive answers through the audited path and audits the
// export). Posted by the form on /admin/privacy/export; a form post that fails goes back there with a message,
// anything else gets the JSON error. A POST, so the address never sits in a URL or a log line; refused from
// another site's page (Origin / Sec-Fetch-Site), on top of the session cookie's SameSite.
import { connection, type NextRequest } from 'next/server';
import { authorizePermission } from '@/app/_lib/authz';
import { getRequestContext } from '@/app/_lib/request-context';
import { errorResponse } from '@/app/_lib/http';
import { jsonFile } from '@/app/_lib/private-file';
import { DomainError, isDomainError } from '@/lib/errors';
import { readBoundedText } from '@/lib/http/bounded-body';
import { EXPORT_FILENAMES, exportJson, exportPersonByEmail } from '@/lib/rights/export';

const PAGE = '/admin/privacy/export';

function sameOrigin(request: NextRequest): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get('host') ?? request.nextUrl.host);
  } catch {
    return false;
  }
}

const FORM_ERRORS: Partial<Record<string, string>> = {
  VALIDATION: 'invalid',
  NOT_FOUND: 'none',
  THROTTLED: 'throttled',
};

export async function POST(request: NextRequest) {
  await connection();
  const isForm = (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
  try {
    const user = await authorizePermission('privacy.manage');
    if (!sameOrigin(request)) throw new DomainError('FORBIDDEN', 'This form was not sent correctly.');
    const body = await readBoundedText(request, 4096);
    if (!body.ok)
      throw new DomainError(
        body.reason === 'too_large' ? 'TOO_LARGE' : 'VALIDATION',
        body.reason === 'too_large' ? 'The request is too large.' : 'The request could not be read.',
      );
    const text = body.text;
    let email: unknown;
    if (isForm) email = new URLSearchParams(text).get('email') ?? '';
    else {
      try {
        email = (JSON.parse(text || '{}') as { email?: unknown }).email;
      } catch {
        throw new DomainError('VALIDATION', 'The request body is not valid JSON.');
      }
    }
    const data = await exportPersonByEmail(await getRequestContext(), { reader: user, email, rateLimit: true });
    return jsonFile(exportJson(data), EXPORT_FILENAMES.person);
  } catch (error) {
    const back = isForm && isDomainError(error) ? FORM_ERRORS[error.code] : undefined;
    if (back)
      return new Response(null, {
        status: 303,
        headers: { Location: `${PAGE}?error=${back}`, 'Cache-Control': 'no-store' },
      });
    return errorResponse(error, 'POST /api/admin/privacy/export');
  }
}

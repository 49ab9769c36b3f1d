// The attendee's own data as a JSON file ("Download my data" on their page): everything held about them,
// their sensitive answers included. An unknown, revoked or lapsed link is a plain 404, as the page is.
import { connection } from 'next/server';
import { getRequestContext } from '@/app/_lib/request-context';
import { jsonFile, notFoundText, serverErrorText, tooManyText } from '@/app/_lib/private-file';
import { isDomainError } from '@/lib/errors';
import { EXPORT_FILENAMES, exportAttendeeData, exportJson } from '@/lib/rights/export';

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  try {
    const data = await exportAttendeeData(await getRequestContext(), token, { rateLimit: true });
    return data
      ? jsonFile(exportJson(data), EXPORT_FILENAMES.attendee)
      : notFoundText('This link is not valid any more.');
  } catch (error) {
    if (isDomainError(error) && error.code === 'THROTTLED')
      return tooManyText(error.message, Number(error.details.retryAfterSeconds) || 60);
    return serverErrorText('GET ticket export', error);
  }
}
